import { defineErrors, type CodesOf } from '../../platform/errors.js';

export const workspaceErrors = defineErrors({
  WORKSPACE_NOT_FOUND: { status: 404, title: 'Workspace not found' },
  USER_NOT_FOUND: { status: 404, title: 'User not found' },
  TEAM_NOT_FOUND: { status: 404, title: 'Team not found' },
  EMAIL_TAKEN: { status: 409, title: 'This email is already registered' },
  TEAM_NAME_TAKEN: { status: 409, title: 'A team with this name exists' },
  ALREADY_MEMBER: { status: 409, title: 'Already a member of this workspace' },
});

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends CodesOf<typeof workspaceErrors> {}
}
