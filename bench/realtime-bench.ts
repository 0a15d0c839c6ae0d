import { fork, type ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/app/build-app.js';
import type { DbHandle } from '../src/db/client.js';
import { issueVisitorToken } from '../src/platform/access/visitor-token.js';
import { benchDeps, closeServer, serveOnLoopback } from './api-bench.js';
import type { SocketSpec, SocketsFigures } from './realtime-sockets.js';
import { seedWorkspace, type Seeded } from './seed-workspace.js';

export type RealtimeFigures = {
  workspaces: number;
  messagesPerSecond: number;
  messages: number;
  /** One agent socket, the same writes: what delivery costs without fan-out. */
  single: Delivery;
  /** Every socket open at once; each write reaches its workspace's agents and its visitor. */
  fanOut: Delivery & { sockets: Record<string, number> };
};
export type Delivery = {
  /** Frames carrying the written message, against how many should have arrived. */
  messageFrames: number;
  expectedMessageFrames: number;
  frames: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
};
type Visitor = { conversationId: string; token: string };
type Desk = Seeded & { visitors: Visitor[] };

const socketsFile = fileURLToPath(new URL('./realtime-sockets.ts', import.meta.url));
const loaderArgs = () =>
  process.execArgv.some((a) => a.includes('tsx')) ? process.execArgv : ['--import', 'tsx'];

// The realtime path under load: thousands of sockets (agents on the staff stream, chat-widget
// visitors on their own) held by another process, agents' replies written through the API at a
// steady rate to the visitors' conversations across several workspaces, and for every frame the
// time from the write to its arrival. The baseline is one agent socket hearing the same kind of
// writes, measured in the same run.
export async function realtimeBench(
  handle: DbHandle,
  o: {
    workspaces: number;
    agentSocketsPerWorkspace: number;
    visitorsPerWorkspace: number;
    messagesPerSecond: number;
    seconds: number;
    progress: (m: string) => void;
  },
): Promise<RealtimeFigures> {
  const deps = benchDeps(handle);
  const app = buildApp(deps);
  const post = async (key: string, path: string, body: unknown) => {
    const res = await app.request(`/api/v1${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status !== 201) throw new Error(`POST ${path} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as { id: string };
  };
  o.progress(`realtime: seeding ${o.workspaces} workspaces of ${o.visitorsPerWorkspace} visitors`);
  const desks: Desk[] = [];
  for (let w = 0; w < o.workspaces; w++) {
    const seeded = await seedWorkspace(app, handle.db, 1);
    const visitors: Visitor[] = [];
    for (let v = 0; v < o.visitorsPerWorkspace; v++) {
      const customer = await post(seeded.apiKey, '/customers', { name: `Visitor ${v}` });
      const conversation = await post(seeded.apiKey, '/conversations', {
        customerId: customer.id,
        channel: 'chat',
        message: { text: 'Hello from the widget' },
      });
      const token = issueVisitorToken(deps.config.sessionSecret, {
        workspaceId: seeded.workspaceId,
        customerId: customer.id,
      });
      visitors.push({ conversationId: conversation.id, token });
    }
    desks.push({ ...seeded, visitors });
  }
  const server = await serveOnLoopback(app);
  await app.attachServer(server);
  const base = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  const agentSocket = (d: Desk): SocketSpec => ({
    url: `${base}/realtime`,
    headers: { authorization: `Bearer ${d.apiKey}` },
    label: 'agent',
  });
  const visitorSocket = (v: Visitor): SocketSpec => ({
    url: `${base}/widget/live?token=${v.token}`,
    label: 'visitor',
  });
  const messages = o.messagesPerSecond * o.seconds;
  const write = writer(app, desks, o.messagesPerSecond, o.seconds);
  try {
    o.progress('realtime: one socket (baseline)');
    const single = await measure([agentSocket(desks[0]!)], () => write((d) => d === desks[0]));
    const specs = desks.flatMap((d) => [
      ...Array.from({ length: o.agentSocketsPerWorkspace }, () => agentSocket(d)),
      ...d.visitors.map(visitorSocket),
    ]);
    o.progress(`realtime: ${specs.length} sockets`);
    const fanOut = await measure(specs, () => write(() => true));
    return {
      workspaces: o.workspaces,
      messagesPerSecond: o.messagesPerSecond,
      messages,
      single: summarise(single, messages),
      fanOut: {
        // Each message reaches every agent of its workspace and the one visitor whose chat it is.
        ...summarise(fanOut, messages * (o.agentSocketsPerWorkspace + 1)),
        sockets: Object.fromEntries(Object.entries(fanOut).map(([k, v]) => [k, v.sockets])),
      },
    };
  } finally {
    await app.detachServer();
    await closeServer(server);
  }
}

// Agents' replies at a steady rate, each to a visitor's conversation of a workspace picked in turn.
function writer(app: ReturnType<typeof buildApp>, desks: Desk[], perSecond: number, seconds: number) {
  return async (include: (d: Desk) => boolean) => {
    const targets = desks.filter(include);
    const total = perSecond * seconds;
    const started = performance.now();
    const pending: Promise<unknown>[] = [];
    for (let n = 0; n < total; n++) {
      const wait = started + (n * 1000) / perSecond - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const d = targets[n % targets.length]!;
      const { conversationId } = d.visitors[Math.floor(n / targets.length) % d.visitors.length]!;
      pending.push(
        Promise.resolve(
          app.request(`/api/v1/conversations/${conversationId}/messages`, {
            method: 'POST',
            headers: { authorization: `Bearer ${d.apiKey}`, 'content-type': 'application/json' },
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

async function measure(specs: SocketSpec[], run: () => Promise<void>): Promise<SocketsFigures> {
  const child = fork(socketsFile, [], {
    execArgv: loaderArgs(),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    await ask(child, { start: { sockets: specs } }, 'ready');
    await run();
    return ((await ask(child, { report: true }, 'figures')) as { figures: SocketsFigures }).figures;
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

function summarise(figures: SocketsFigures, expectedMessageFrames: number): Delivery {
  const all = Object.values(figures)
    .flatMap((f) => f.latenciesMs)
    .sort((a, b) => a - b);
  const at = (p: number) => all[Math.max(0, Math.ceil(p * all.length) - 1)] ?? 0;
  return {
    messageFrames: Object.values(figures).reduce((n, f) => n + f.messageFrames, 0),
    expectedMessageFrames,
    frames: all.length,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    maxMs: all.at(-1) ?? 0,
  };
}
