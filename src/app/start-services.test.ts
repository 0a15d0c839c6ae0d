import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { ListenerDeps } from '../platform/events/define-listener.js';
import type { ServiceDefinition } from '../platform/modules/define-module.js';
import { startServices } from './start-services.js';

const deps = { logger: pino({ level: 'silent' }) } as unknown as ListenerDeps;

function recorder() {
  const log: string[] = [];
  const service = (name: string, runIn: ServiceDefinition['runIn'], fails = false): ServiceDefinition => ({
    name,
    runIn,
    async start() {
      if (fails) throw new Error(`${name} cannot start`);
      log.push(`start ${name}`);
      return async () => void log.push(`stop ${name}`);
    },
  });
  return { log, service };
}

describe('module services', () => {
  it('start only in the processes they name, and stop in reverse order', async () => {
    const { log, service } = recorder();
    const list = [
      service('smtp', ['server']),
      service('imap', ['server', 'worker']),
      service('sweep', ['worker']),
    ];
    const stop = await startServices(deps, 'server', list);
    expect(log).toEqual(['start smtp', 'start imap']);
    await stop();
    expect(log).toEqual(['start smtp', 'start imap', 'stop imap', 'stop smtp']);
  });

  it('stop what already started when a later one fails to start', async () => {
    const { log, service } = recorder();
    const list = [service('first', ['worker']), service('broken', ['worker'], true)];
    await expect(startServices(deps, 'worker', list)).rejects.toThrow('broken cannot start');
    expect(log).toEqual(['start first', 'stop first']);
  });
});
