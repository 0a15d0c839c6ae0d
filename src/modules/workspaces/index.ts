import { z } from 'zod';
import { text } from '../../platform/http/input-schemas.js';
import { defineModule } from '../../platform/modules/define-module.js';
import { workspaceErrors } from './errors.js';
import { workspaceEvents } from './events.js';
import { workspacePermissions } from './permissions.js';
import { workspaceRoutes } from './routes.js';
import { emailSchema, passwordNotEmail, passwordSchema, roleSchema } from './schemas.js';

const workspaceId = z.uuid('must be a workspace id (a UUID)');

// Workspaces, their members with roles, and teams.
export const workspacesModule = defineModule({
  name: 'workspaces',
  routes: workspaceRoutes,
  permissions: workspacePermissions,
  errors: workspaceErrors,
  events: workspaceEvents,
  adminCommands: {
    'user.add': {
      args: z
        .object({
          workspace: workspaceId,
          email: emailSchema,
          name: text({ min: 1, max: 200 }).optional(),
          role: roleSchema,
          password: passwordSchema.optional(),
        })
        .strict()
        .superRefine(passwordNotEmail('email', 'password')),
      load: () => import('./add-user-command.js').then((m) => m.addUser),
    },
  },
});

export { createWorkspace } from './create-workspace.js';
export {
  findAccount,
  findAccountByEmail,
  memberRole,
  roleIn,
  setPasswordHash,
  workspacesOf,
} from './accounts.js';
export { getWorkspace } from './workspace.js';
export { emailSchema, passwordNotEmail, passwordSchema, roleSchema } from './schemas.js';
export { passwordProblem } from './password-rule.js';
export { assertMember, assertTeam } from './assert-member-or-team.js';
export { takeConversationNumber } from './take-conversation-number.js';
export { namesOf } from './names-of.js';
export { pickCoach } from './pick-coach.js';
export { teamRoster, teamsOfMember, capacitiesOf } from './teams.js';
export { defaultCapacity, type Capacity, type SkillLevel } from './schema.js';
export { eachSkillOnce, skillLevelSchema, skillNameSchema } from './schemas.js';
export { recordAudit, auditTrail, type AuditEntry } from './audit-trail.js';
