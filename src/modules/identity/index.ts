import { z } from 'zod';
import { text } from '../../platform/http/input-schemas.js';
import { defineModule } from '../../platform/modules/define-module.js';
import { emailSchema, passwordNotEmail, passwordSchema, roleSchema } from '../workspaces/index.js';
import { identityErrors } from './errors.js';
import { identityPermissions } from './permissions.js';
import { identityRoutes } from './routes.js';
import { revokeRemovedMemberKeys } from './revoke-removed-member-keys.js';

const workspaceId = z.uuid('must be a workspace id (a UUID)');
const name = text({ min: 1, max: 200 });

// Who is calling: password login and sessions, API keys, and the staff access kind built on them.
export const identityModule = defineModule({
  name: 'identity',
  routes: identityRoutes,
  permissions: identityPermissions,
  errors: identityErrors,
  reactions: [revokeRemovedMemberKeys],
  adminCommands: {
    init: {
      args: z
        .object({ workspace: name, admin: emailSchema, password: passwordSchema, name: name.optional() })
        .strict()
        .superRefine(passwordNotEmail('admin', 'password')),
      load: () => import('./init-workspace.js').then((m) => m.initWorkspace),
    },
    'apikey.create': {
      args: z
        .object({
          workspace: workspaceId,
          name: text({ min: 1, max: 100 }),
          role: roleSchema.optional(),
          permissions: z.array(z.string().max(100)).max(20).optional(),
        })
        .strict(),
      load: () => import('./create-key-command.js').then((m) => m.createKey),
    },
  },
});

export { authenticateStaff } from './authenticate-staff.js';
export { bootstrapWorkspace } from './bootstrap-workspace.js';
export { createApiKey } from './api-keys.js';
