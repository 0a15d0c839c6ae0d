// Conversation-quality engine throughput against wink-nlp's bare tokeniser on the same text.
//   node --max-semi-space-size=32 --import tsx bench/quality-bench.ts   (or: npm run bench -- --only quality)
// The flag is the one `earshot serve` and `earshot worker` start with (bin/earshot.js); without it
// V8's smaller default young generation collects about twice as often.
// Rates are per CPU-second of this process (user + system), so other work on a shared machine does
// not distort them. The sides run in alternating rounds over the same 400 conversations, so
// a change in the machine's load during the run falls on all of them alike; each side is warmed up
// first. Wall-clock rates are printed alongside.
import { pathToFileURL } from 'node:url';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { readTurns, scoreTranscript, type Transcript } from '../src/engine/quality/index.js';
import { heapFlags } from './machine-load.js';
import { buildConversations, evalConversations } from './quality-conversations.js';

export { buildConversations };

const CONVERSATIONS = 400;
const BUDGET_CPU_SECONDS = 6;
const TARGET_PER_SECOND = 2000;
const TARGET_RATIO = 0.6;

type Side = { work: (t: Transcript) => void; cpuSeconds: number; wallSeconds: number; done: number };

const side = (work: (t: Transcript) => void): Side => ({ work, cpuSeconds: 0, wallSeconds: 0, done: 0 });

const cpuNow = (): number => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1e6;
};

const runRounds = (batch: readonly Transcript[], sides: readonly Side[]): void => {
  for (const s of sides) for (const t of batch) s.work(t);
  const start = cpuNow();
  while (cpuNow() - start < BUDGET_CPU_SECONDS) {
    for (const s of sides) {
      const cpu = cpuNow();
      const wall = performance.now();
      for (const t of batch) s.work(t);
      s.cpuSeconds += cpuNow() - cpu;
      s.wallSeconds += (performance.now() - wall) / 1000;
      s.done += batch.length;
    }
  }
};

const perCpuSecond = (s: Side): number => Math.round(s.done / s.cpuSeconds);
const perWallSecond = (s: Side): number => Math.round(s.done / s.wallSeconds);
const ratioOf = (rate: number, floor: number): number => Math.round((rate / floor) * 100) / 100;

export type QualityBenchFigures = {
  transcriptsPerSecond: number;
  tokenisePerSecond: number;
  ratio: number;
  // The engine's own reading of every turn (its tokeniser, sentences, and sentiment and negation on
  // customer turns), the part of scoring no criterion can avoid.
  readPerSecond: number;
  wall: { scored: number; read: number; tokenised: number };
  // The same two measures on conversations nobody built from templates: the evaluation sets'
  // written chats and emails, and the bank calls as people and as ASR transcribed them. The bench's
  // conversations repeat their sentences far more than real ones do, so whatever the engine keeps
  // by text helps them more; this share is the one to trust.
  real: { conversations: number; scoredPerSecond: number; tokenisePerSecond: number; ratio: number };
};

export async function runQualityBench(): Promise<QualityBenchFigures> {
  const conversations = buildConversations(CONVERSATIONS);
  const bare = winkNLP(model, []);
  const scored = side((t) => scoreTranscript(t));
  const read = side((t) => {
    readTurns(t.turns);
  });
  // The floor: wink's tokeniser alone over every turn of the same conversations.
  const tokenise = (t: Transcript): void => {
    for (const turn of t.turns) bare.readDoc(turn.text);
  };
  const tokenised = side(tokenise);
  runRounds(conversations, [scored, read, tokenised]);
  const real = evalConversations();
  const scoredReal = side((t) => scoreTranscript(t));
  const tokenisedReal = side(tokenise);
  runRounds(real, [scoredReal, tokenisedReal]);
  const transcriptsPerSecond = perCpuSecond(scored);
  const tokenisePerSecond = perCpuSecond(tokenised);
  const realScored = perCpuSecond(scoredReal);
  const realTokenised = perCpuSecond(tokenisedReal);
  return {
    transcriptsPerSecond,
    tokenisePerSecond,
    ratio: ratioOf(transcriptsPerSecond, tokenisePerSecond),
    readPerSecond: perCpuSecond(read),
    real: {
      conversations: real.length,
      scoredPerSecond: realScored,
      tokenisePerSecond: realTokenised,
      ratio: ratioOf(realScored, realTokenised),
    },
    wall: {
      scored: perWallSecond(scored),
      read: perWallSecond(read),
      tokenised: perWallSecond(tokenised),
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await runQualityBench();
  const met = r.transcriptsPerSecond >= TARGET_PER_SECOND || r.ratio >= TARGET_RATIO;
  const share = (rate: number): string => `${Math.round((r.transcriptsPerSecond / rate) * 100)}%`;
  const flags = heapFlags().join(' ') || 'none';
  console.log(
    `quality engine, ${CONVERSATIONS} 20-turn conversations, one core, CPU time; V8 heap flags: ${flags}`,
  );
  console.log(`  scored:     ${r.transcriptsPerSecond} transcripts/s (wall clock ${r.wall.scored}/s)`);
  console.log(
    `  read:       ${r.readPerSecond} transcripts/s, the engine's reading of the turns alone (wall clock ${r.wall.read}/s); ${share(r.readPerSecond)} of scoring time`,
  );
  console.log(
    `  tokenised:  ${r.tokenisePerSecond} transcripts/s, wink-nlp readDoc only (wall clock ${r.wall.tokenised}/s)`,
  );
  console.log(`  ratio:      ${r.ratio} of the tokeniser floor`);
  const ofFloor = (rate: number): string => (rate / r.tokenisePerSecond).toFixed(2);
  console.log(`  reading:    ${ofFloor(r.readPerSecond)} of the floor`);
  console.log(
    `  real:       ${r.real.scoredPerSecond} conversations/s scored, ${r.real.tokenisePerSecond}/s tokenised, ratio ${r.real.ratio} (the ${r.real.conversations} written and called conversations of eval/quality)`,
  );
  console.log(
    `  target:     ${TARGET_PER_SECOND}/s or ${TARGET_RATIO} of the floor: ${met ? 'met' : 'NOT met'}`,
  );
}
