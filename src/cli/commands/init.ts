import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { runAdminCommand } from '../run-admin-command.js';
import { serverUrl } from '../server-url.js';

export function registerInitCommand(program: Command, ctx: CliContext): void {
  program
    .command('init')
    .description('create a workspace with its owner and a first API key')
    .requiredOption('--workspace <name>', 'the workspace name, e.g. "Acme"')
    .requiredOption('--admin <email>', "the owner's email; they sign in with it")
    .requiredOption('--password <password>', "the owner's password (at least 10 characters)")
    .option('--name <name>', "the owner's display name (default: the part of the email before @)")
    .option('--json', 'print {"workspaceId","apiKey"} as one JSON line')
    .action(
      async (options: {
        workspace: string;
        admin: string;
        password: string;
        name?: string;
        json?: boolean;
      }) => {
        const result = await runAdminCommand(ctx, 'init', {
          workspace: options.workspace,
          admin: options.admin,
          password: options.password,
          ...(options.name ? { name: options.name } : {}),
        });
        if (options.json) return ctx.json({ workspaceId: result.workspaceId, apiKey: result.apiKey });
        const url = serverUrl(ctx);
        ctx.out(`Created workspace "${result.workspaceName}" (id ${result.workspaceId}).`);
        ctx.out(
          result.passwordKept
            ? `Owner: ${result.admin}, who already had an account: sign in at ${url} with their existing password.`
            : `Owner: ${result.admin}: sign in at ${url} with this email and the password you chose.`,
        );
        ctx.out('API key with the owner role (shown once; store it now):');
        ctx.out(`  ${result.apiKey}`);
        ctx.out(`Try it: curl -H "Authorization: Bearer ${result.apiKey}" ${url}/api/v1/me`);
      },
    );
}
