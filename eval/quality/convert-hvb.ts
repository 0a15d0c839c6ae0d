// Converts the Harper Valley Bank development calls into eval lines in the engine's transcript format,
// joined with the hand labels in hvb/labels.jsonl, and writes hvb/calls.jsonl.
//   npx tsx eval/quality/convert-hvb.ts [path/to/hvb-dev.jsonl]
// Only the 24 development calls are converted; the corpus's other calls are kept for an independent
// check and are never read here. The output is committed (with the corpus licence and notice beside
// it) so the eval and its tests run without ../shared.
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { labelsSchema, SPLITS } from './load-eval-set.js';

const DEFAULT_SOURCE = new URL('../../../shared/data/hvb-dev/hvb-dev.jsonl', import.meta.url).pathname;
const LABELS = new URL('./hvb/labels.jsonl', import.meta.url).pathname;
const OUTPUT = new URL('./hvb/calls.jsonl', import.meta.url).pathname;

const sourceTurnSchema = z.object({
  speaker_role: z.enum(['agent', 'caller']),
  human_transcript: z.string(),
  transcript: z.string(),
  start_ms: z.number(),
});

const sourceCallSchema = z.object({
  sid: z.string(),
  tasks: z.array(z.object({ task_type: z.string() }).loose()),
  caller_survey: z.object({ partner_rating: z.string().optional() }).loose(),
  agent_survey: z.object({ partner_rating: z.string().optional() }).loose(),
  turns: z.array(sourceTurnSchema),
});

const labelLineSchema = z.object({
  sid: z.string(),
  id: z.string(),
  split: z.enum(SPLITS),
  note: z.string(),
  labels: labelsSchema,
});

type SourceCall = z.infer<typeof sourceCallSchema>;
type Text = 'human_transcript' | 'transcript';

const rating = (value: string | undefined): number | null => (value === undefined ? null : Number(value));

// Segments stay as they were recorded (one turn each, even mid-sentence): joining them is the engine's
// job, so the eval measures it. Empty segments are dropped because the format needs some text.
// The two channels are offset from each other, so start_ms can run backwards in source order; the
// source order is what was said, and times are kept non-decreasing so nothing reads them as a reorder.
export const toTranscript = (call: SourceCall, id: string, text: Text) => {
  const origin = Math.min(...call.turns.map((t) => t.start_ms));
  let last = 0;
  const turns = call.turns
    .filter((t) => t[text].trim() !== '')
    .map((t) => {
      last = Math.max(last, t.start_ms - origin);
      return { role: t.speaker_role === 'agent' ? 'agent' : 'customer', text: t[text].trim(), at: last };
    });
  return { id, channel: 'phone' as const, turns };
};

const readJsonl = <T>(path: string, schema: z.ZodType<T>): T[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => schema.parse(JSON.parse(line)));

const main = () => {
  const source = process.argv[2] ?? DEFAULT_SOURCE;
  const calls = new Map(readJsonl(source, sourceCallSchema).map((c) => [c.sid, c]));
  const lines = readJsonl(LABELS, labelLineSchema).map((label) => {
    const call = calls.get(label.sid);
    if (!call) throw new Error(`${label.sid} is labelled but not in ${source}`);
    return {
      id: label.id,
      split: label.split,
      note: label.note,
      labels: label.labels,
      source: {
        sid: call.sid,
        task: call.tasks.map((t) => t.task_type).join(', '),
        callerRating: rating(call.caller_survey.partner_rating),
        agentRating: rating(call.agent_survey.partner_rating),
      },
      transcript: toTranscript(call, label.id, 'human_transcript'),
      asrTranscript: toTranscript(call, label.id, 'transcript'),
    };
  });
  writeFileSync(OUTPUT, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  console.log(`wrote ${lines.length} calls to ${OUTPUT}`);
};

if (import.meta.url === `file://${process.argv[1]}`) main();
