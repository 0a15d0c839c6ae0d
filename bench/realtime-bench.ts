import { serve } from '@hono/node-server';
import { fork, type ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { DbHandle } from '../src/db/client.js';
import { buildBenchApp, closeServer } from './api-bench.js';
import type { SocketSpec, SocketsFigures } from './realtime-sockets.js';
import { seedWorkspace, type Seeded } from './seed-workspace.js';

export type RealtimeFigures = {
  workspaces: number;
  messagesPerSecond: number;
  messages: number;
  /** One agent socket, the same writes: what delivery costs without fan-out. */
  single: Delivery;
  /** Every socket open at once; each write reaches its workspace's agents. */
  fanOut: Delivery & { sockets: Record<string, number> };
};
export type Delivery = {
  frames: number;
  expectedFrames: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
};

const socketsFile = fileURLToPath(new URL('./realtime-sockets.ts', import.meta.url));
const loaderArgs = () =>
  process.execArgv.some((a) => a.includes('tsx')) ? process.execArgv : ['--import', 'tsx'];

// The realtime path under load: thousands of sockets held by another process, messages written
// through the API at a steady rate across several workspaces, and for every frame the time from
// the event's write (its outbox row, inside the writing transaction) to its arrival. The
// baseline is the same writes delivered to a single socket, measured in the same run.
export async function realtimeBench(
  handle: DbHandle,
  o: {
    workspaces: number;
    agentSocketsPerWorkspace: number;
    messagesPerSecond: number;
    seconds: number;
    progress: (m: string) => void;
  },
): Promise<RealtimeFigures> {
  const app = buildBenchApp(handle);
  o.progress(`realtime: seeding ${o.workspaces} workspaces`);
  const seeded: Seeded[] = [];
  for (let w = 0; w < o.workspaces; w++) seeded.push(await seedWorkspace(app, handle.db, 20));
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
  });
  await app.attachServer(server);
  const base = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/realtime`;
  const agentSocket = (s: Seeded): SocketSpec => ({
    url: base,
    headers: { authorization: `Bearer ${s.apiKey}` },
    label: 'agent',
  });
  const write = writer(app, seeded, o.messagesPerSecond, o.seconds);
  try {
    o.progress('realtime: one socket (baseline)');
    const single = await measure([agentSocket(seeded[0]!)], () => write((s) => s === seeded[0]));
    const specs = seeded.flatMap((s) =>
      Array.from({ length: o.agentSocketsPerWorkspace }, () => agentSocket(s)),
    );
    o.progress(`realtime: ${specs.length} sockets`);
    const fanOut = await measure(specs, () => write(() => true));
    const perWrite = single.frames / Math.max(1, o.messagesPerSecond * o.seconds);
    return {
      workspaces: o.workspaces,
      messagesPerSecond: o.messagesPerSecond,
      messages: o.messagesPerSecond * o.seconds,
      single: summarise(single.figures, single.frames),
      fanOut: {
        ...summarise(
          fanOut.figures,
          Math.round(perWrite * o.messagesPerSecond * o.seconds * o.agentSocketsPerWorkspace),
        ),
        sockets: Object.fromEntries(Object.entries(fanOut.figures).map(([k, v]) => [k, v.sockets])),
      },
    };
  } finally {
    await app.detachServer();
    await closeServer(server);
  }
}

// Agent replies at a steady rate, each to a conversation of a workspace picked in turn.
function writer(app: ReturnType<typeof buildBenchApp>, seeded: Seeded[], perSecond: number, seconds: number) {
  return async (include: (s: Seeded) => boolean) => {
    const targets = seeded.filter(include);
    const total = perSecond * seconds;
    const started = performance.now();
    const pending: Promise<unknown>[] = [];
    for (let n = 0; n < total; n++) {
      const wait = started + (n * 1000) / perSecond - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const s = targets[n % targets.length]!;
      const conversationId = s.conversationIds[n % s.conversationIds.length]!;
      pending.push(
        Promise.resolve(
          app.request(`/api/v1/conversations/${conversationId}/messages`, {
            method: 'POST',
            headers: { authorization: `Bearer ${s.apiKey}`, 'content-type': 'application/json' },
            body: JSON.stringify({ role: 'agent', text: `Update ${n} on your order.` }),
          }),
        ).then((res) => {
          if (res.status !== 201) throw new Error(`writing a message answered ${res.status}`);
        }),
      );
    }
    await Promise.all(pending);
    // Frames still in flight when the last write commits get a moment to land.
    await new Promise((r) => setTimeout(r, 1_000));
  };
}

async function measure(specs: SocketSpec[], run: () => Promise<void>) {
  const child = fork(socketsFile, [], {
    execArgv: loaderArgs(),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    await ask(child, { start: { sockets: specs } }, 'ready');
    await run();
    const { figures } = (await ask(child, { report: true }, 'figures')) as { figures: SocketsFigures };
    const frames = Object.values(figures).reduce((n, f) => n + f.frames, 0);
    return { figures, frames };
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

function ask(child: ChildProcess, message: object, answer: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: Record<string, unknown>) => {
      if ('error' in m) reject(new Error(`socket holder: ${String(m.error)}`));
      else if (answer in m) {
        child.off('message', onMessage);
        resolve(m);
      }
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`socket holder exited with ${code}`)));
    child.send(message);
  });
}

function summarise(figures: SocketsFigures, expectedFrames: number): Delivery {
  const all = Object.values(figures)
    .flatMap((f) => f.latenciesMs)
    .sort((a, b) => a - b);
  const at = (p: number) => all[Math.max(0, Math.ceil(p * all.length) - 1)] ?? 0;
  return { frames: all.length, expectedFrames, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: all.at(-1) ?? 0 };
}
