// Does read-feeling.ts read every sentence the way wink-nlp's negation and sentiment passes do, and
// how much faster? Each sentence is tokenised by wink's plain pipeline; its lower-cased normals and
// types go to readFeeling, the sentence itself to wink's feeling pipeline (the one analyse-text.ts
// uses), and the sentiment and negated tokens are compared.
//   npx tsx bench/compare-feeling.ts [--show N]
// Sentences: the customer turns of the eval conversations and of the bench's conversations, every
// turn of ../shared/data/hvb-dev (human and ASR transcripts), each split as the engine splits it,
// plus the two halves the engine scores when a sentence turns on "but"; and every VADER sentence
// (../shared/data/vader) read whole, as one document.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { CORPORA, loadGroundTruth } from '../eval/sentiment/load-ground-truth.js';
import {
  prepareText,
  readFeeling,
  splitAtContrast,
  splitRawSentences,
  type Transcript,
} from '../src/engine/quality/index.js';
import { buildConversations, evalConversations } from './quality-conversations.js';

const SHARED_DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/data');
const BENCH_CONVERSATIONS = 400;
const TOLERANCE = 1e-9;

const plainNlp = winkNLP(model, []);
const feelingNlp = winkNLP(model, ['negation', 'sentiment']);
const its = feelingNlp.its;

// The engine's sentences of one text, and the halves of each that turns on a contrast.
const engineSentences = (text: string): string[] =>
  splitRawSentences(prepareText(text)).flatMap((sentence) => {
    const contrast = splitAtContrast(sentence);
    return contrast ? [sentence, contrast.before, contrast.after] : [sentence];
  });

const customerSentences = (transcripts: readonly Transcript[]): string[] =>
  transcripts.flatMap((t) =>
    t.turns.filter((turn) => turn.role === 'customer').flatMap((turn) => engineSentences(turn.text)),
  );

const hvbSentences = (): string[] => {
  const file = path.join(SHARED_DATA, 'hvb-dev/hvb-dev.jsonl');
  if (!existsSync(file)) return [];
  type Call = { turns: { human_transcript: string; transcript: string }[] };
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => (JSON.parse(line) as Call).turns)
    .flatMap((turn) => [...engineSentences(turn.human_transcript), ...engineSentences(turn.transcript)]);
};

const vaderSentences = (): string[] => {
  const dir = path.join(SHARED_DATA, 'vader/hutto_ICWSM_2014');
  if (!existsSync(dir)) return [];
  return CORPORA.flatMap((corpus) => loadGroundTruth(dir, corpus).rows.map((row) => row.text));
};

type Tokens = { normals: string[]; types: string[] };
type Reading = { sentiment: number; negated: number[] };

const tokenise = (text: string): Tokens => {
  const tokens = plainNlp.readDoc(text).tokens();
  return {
    normals: (tokens.out(its.normal) as string[]).map((normal) => normal.toLowerCase()),
    types: tokens.out(its.type) as string[],
  };
};

const readWink = (text: string): Reading => {
  const doc = feelingNlp.readDoc(text);
  const flags = doc.tokens().out(its.negationFlag) as unknown as boolean[];
  const negated: number[] = [];
  flags.forEach((flag, i) => flag && negated.push(i));
  return { sentiment: doc.out(its.sentiment) as unknown as number, negated };
};

const same = (a: Reading, b: Reading): boolean =>
  Math.abs(a.sentiment - b.sentiment) <= TOLERANCE &&
  a.negated.length === b.negated.length &&
  a.negated.every((index, i) => b.negated[i] === index);

// CPU microseconds per call of `read` over all the inputs, best of a few rounds (the machine is
// shared: the least disturbed round is the closest to the cost itself).
const cpuMicrosPerCall = <T>(inputs: readonly T[], read: (input: T) => unknown): number => {
  let best = Infinity;
  for (let round = 0; round < 5; round += 1) {
    const start = process.cpuUsage();
    for (const input of inputs) read(input);
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / inputs.length);
  }
  return best;
};

const compareSet = (name: string, sentences: readonly string[], show: number): void => {
  if (sentences.length === 0) {
    console.log(`${name}: no sentences (data missing?)`);
    return;
  }
  const tokens = sentences.map(tokenise);
  let identical = 0;
  let felt = 0;
  let negating = 0;
  const differences: string[] = [];
  sentences.forEach((sentence, i) => {
    const ours = readFeeling(tokens[i]!.normals, tokens[i]!.types);
    const wink = readWink(sentence);
    if (wink.sentiment !== 0) felt += 1;
    if (wink.negated.length > 0) negating += 1;
    if (same(ours, wink)) identical += 1;
    else if (differences.length < show)
      differences.push(
        `  ${JSON.stringify(sentence)}\n    tokens ${JSON.stringify(tokens[i]!.normals)}\n` +
          `    ours sentiment ${ours.sentiment} negated [${ours.negated.join(',')}]\n` +
          `    wink sentiment ${wink.sentiment} negated [${wink.negated.join(',')}]`,
      );
  });
  const share = (100 * identical) / sentences.length;
  console.log(
    `${name}: ${identical}/${sentences.length} identical (${share.toFixed(3)}%);` +
      ` wink finds feeling in ${felt}, negation in ${negating}`,
  );
  for (const line of differences) console.log(line);
  const ours = cpuMicrosPerCall(tokens, (t) => readFeeling(t.normals, t.types));
  const wink = cpuMicrosPerCall(sentences, (s) => feelingNlp.readDoc(s).out(its.sentiment));
  const plain = cpuMicrosPerCall(sentences, (s) => plainNlp.readDoc(s).out(its.sentiment));
  // Both wink pipelines tokenise; what the feeling one costs beyond the plain one is its negation
  // and sentiment passes, the part readFeeling replaces.
  console.log(
    `  CPU µs per sentence: readFeeling ${ours.toFixed(2)}; wink readDoc with negation and sentiment` +
      ` ${wink.toFixed(2)}, without ${plain.toFixed(2)} (passes ≈ ${(wink - plain).toFixed(2)})`,
  );
};

const { values } = parseArgs({ options: { show: { type: 'string', default: '5' } } });
const show = Number(values.show);

compareSet('eval customer sentences', customerSentences(evalConversations()), show);
compareSet('bench customer sentences', customerSentences(buildConversations(BENCH_CONVERSATIONS)), show);
compareSet('hvb-dev turn sentences', hvbSentences(), show);
compareSet('vader sentences (whole)', vaderSentences(), show);
