import { Option, type Command } from 'commander';
import { roles } from '../../platform/access/roles.js';
import type { CliContext } from '../cli-context.js';
import { runAdminCommand } from '../run-admin-command.js';

export function registerUserCommand(program: Command, ctx: CliContext): void {
  const user = program.command('user').description('manage the people of a workspace');
  user
    .command('add')
    .description('add a person to a workspace, creating their account if the email is new')
    .requiredOption('--workspace <id>', 'the workspace id (printed by init)')
    .requiredOption('--email <email>', 'their email; they sign in with it')
    .option('--name <name>', 'their display name (default: the part of the email before @)')
    .addOption(new Option('--role <role>', 'what they may do').choices(roles).default('agent'))
    .option('--password <password>', 'a password for a new account (at least 10 characters)')
    .option('--json', 'print the added member as one JSON line')
    .action(
      async (options: {
        workspace: string;
        email: string;
        name?: string;
        role: (typeof roles)[number];
        password?: string;
        json?: boolean;
      }) => {
        const result = await runAdminCommand(ctx, 'user.add', {
          workspace: options.workspace,
          email: options.email,
          role: options.role,
          ...(options.name ? { name: options.name } : {}),
          ...(options.password ? { password: options.password } : {}),
        });
        if (options.json) {
          const { workspaceId, userId, email, name, role } = result;
          return ctx.json({ workspaceId, userId, email, name, role });
        }
        ctx.out(
          `Added ${result.name} <${result.email}> to "${result.workspaceName}" as ${result.role} (user id ${result.userId}).`,
        );
        if (!result.hasPassword)
          ctx.out('They have no password yet, so they cannot sign in; add them with --password to set one.');
      },
    );
}
