import type { ServiceDefinition } from '../../platform/modules/define-module.js';
import { startSmtpListener } from './smtp-listener.js';

// Runs with `earshot serve` only: one process owns the port. EARSHOT_SMTP_PORT=0 turns it off.
export const smtpService: ServiceDefinition = {
  name: 'email.smtp',
  runIn: ['server'],
  async start(deps) {
    const { smtpPort, host, mailMaxBytes } = deps.config;
    if (smtpPort === 0) return async () => undefined;
    const listener = await startSmtpListener(deps, { port: smtpPort, host, maxBytes: mailMaxBytes });
    deps.logger.info({ host, port: listener.port }, 'listening for mail (SMTP)');
    return listener.stop;
  },
};
