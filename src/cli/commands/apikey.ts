import { Option, type Command } from 'commander';
import { roles } from '../../platform/access/roles.js';
import type { CliContext } from '../cli-context.js';
import { runAdminCommand } from '../run-admin-command.js';

export function registerApiKeyCommand(program: Command, ctx: CliContext): void {
  const apikey = program.command('apikey').description('manage the API keys of a workspace');
  apikey
    .command('create')
    .description('create an API key; it is printed once and only its hash is kept')
    .requiredOption('--workspace <id>', 'the workspace id (printed by init)')
    .requiredOption('--name <name>', 'what the key is for, e.g. "CRM sync"')
    .addOption(new Option('--role <role>', 'what the key may do (default admin)').choices(roles))
    .option(
      '--permission <name...>',
      'a right beyond the role, for a channel or integration: conversations:impersonate-customer',
    )
    .option('--json', 'print the key as one JSON line')
    .action(
      async (options: {
        workspace: string;
        name: string;
        role?: (typeof roles)[number];
        permission?: string[];
        json?: boolean;
      }) => {
        const result = await runAdminCommand(ctx, 'apikey.create', {
          workspace: options.workspace,
          name: options.name,
          ...(options.role ? { role: options.role } : {}),
          ...(options.permission ? { permissions: options.permission } : {}),
        });
        if (options.json) {
          const { workspaceId, apiKeyId, name, role, apiKey } = result;
          return ctx.json({ workspaceId, apiKeyId, name, role, apiKey });
        }
        ctx.out(`Created API key "${result.name}" with the ${result.role} role (id ${result.apiKeyId}).`);
        ctx.out('Store it now; it is not shown again:');
        ctx.out(`  ${result.apiKey}`);
      },
    );
}
