import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { runAdminCommand } from '../run-admin-command.js';
import { serverUrl } from '../server-url.js';

const number = (n: number) => n.toLocaleString('en-US');

export function registerDemoCommand(program: Command, ctx: CliContext): void {
  program
    .command('demo')
    .description('load a realistic demo workspace: people, teams, ~200 customers and ~1,000 conversations')
    .option('--workspace <id>', 'load into this existing workspace instead of a new one named "Demo"')
    .option(
      '--json',
      'print {"workspaceId","apiKey","customers","conversations","messages"} as one JSON line',
    )
    .action(async (options: { workspace?: string; json?: boolean }) => {
      if (!options.json) ctx.err('Loading the demo workspace…');
      const result = await runAdminCommand(
        ctx,
        'demo',
        options.workspace ? { workspace: options.workspace } : {},
      );
      const { counts } = result;
      if (options.json) {
        return ctx.json({
          workspaceId: result.workspaceId,
          apiKey: result.apiKey,
          customers: counts.customers,
          conversations: counts.conversations,
          messages: counts.messages,
        });
      }
      ctx.out(
        `Loaded the demo into workspace "${result.workspaceName}" (id ${result.workspaceId}) in ${(result.durationMs / 1000).toFixed(1)} s:`,
      );
      ctx.out(`  ${counts.people} people in ${counts.teams} teams`);
      ctx.out(`  ${number(counts.customers)} customers`);
      ctx.out(`  ${number(counts.conversations)} conversations with ${number(counts.messages)} messages`);
      ctx.out(`Sign in at ${serverUrl(ctx)} as ${result.login.name} (${result.login.role}):`);
      ctx.out(`  email:    ${result.login.email}`);
      ctx.out(`  password: ${result.login.password}`);
      ctx.out('  (every demo person has this password; GET /api/v1/users lists their emails)');
      ctx.out('API key (shown once; store it now):');
      ctx.out(`  ${result.apiKey}`);
    });
}
