import { readFileSync } from 'node:fs';
import { z } from 'zod';

// The labelled set is read by the runner and by its own test; nothing in src/ imports it, so the
// engine can never see labels at scoring time.

export const SPLITS = ['tune', 'heldout'] as const;
export const ROADS = [1, 2, 3, 4] as const;
export const RESOLUTIONS = ['confirmed', 'claimed', 'unresolved'] as const;
export const APOLOGIES = ['fit', 'misplaced', 'missed', 'none'] as const;
export const LEVELS = ['high', 'low'] as const;
export const FLAG_NAMES = [
  'repeatAsk',
  'apologyMisplaced',
  'prematureClose',
  'redirectAndClose',
  'longHold',
  'multipleTransfers',
] as const;

export type Split = (typeof SPLITS)[number];
export type FlagName = (typeof FLAG_NAMES)[number];

// Either wall-clock ISO time (chat exports, email headers) or a millisecond offset (call recorders).
const timeSchema = z.union([z.iso.datetime({ offset: true }), z.number().nonnegative()]);

const turnSchema = z.strictObject({
  role: z.enum(['customer', 'agent', 'bot', 'system']),
  text: z.string().min(1),
  at: timeSchema.optional(),
  agent: z.string().optional(),
  overlap: z.boolean().optional(),
});

const eventSchema = z.strictObject({
  type: z.enum([
    'hold',
    'transfer',
    'ivr',
    'verified',
    'redirect',
    'callback_offered',
    'callback_missed',
    'article_shared',
    'feedback_logged',
    'resolved',
    'closed',
  ]),
  at: timeSchema.optional(),
  durationSeconds: z.number().nonnegative().optional(),
  afterTurn: z.number().int().nonnegative().optional(),
  method: z.string().optional(),
  note: z.string().optional(),
  loop: z.boolean().optional(),
});

const customerSchema = z.strictObject({
  name: z.string().optional(),
  known: z
    .object({
      email: z.string().optional(),
      phone: z.string().optional(),
      account: z.string().optional(),
      orderId: z.string().optional(),
      address: z.string().optional(),
      name: z.string().optional(),
    })
    .catchall(z.string())
    .optional(),
  verified: z.boolean().optional(),
});

export const transcriptSchema = z
  .strictObject({
    id: z.string().optional(),
    channel: z.enum(['chat', 'email', 'phone', 'social', 'review', 'api']),
    customer: customerSchema.optional(),
    turns: z.array(turnSchema).min(1),
    events: z.array(eventSchema).optional(),
  })
  .superRefine((t, ctx) => {
    t.events?.forEach((event, i) => {
      if (event.afterTurn !== undefined && event.afterTurn >= t.turns.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['events', i, 'afterTurn'],
          message: `refers to turn ${event.afterTurn}, transcript has ${t.turns.length}`,
        });
      }
    });
  });

export const labelsSchema = z.strictObject({
  road: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  resolution: z.enum(RESOLUTIONS),
  apology: z.enum(APOLOGIES),
  empathy: z.enum(LEVELS),
  listening: z.enum(LEVELS),
  flags: z.strictObject({
    repeatAsk: z.boolean(),
    apologyMisplaced: z.boolean(),
    prematureClose: z.boolean(),
    redirectAndClose: z.boolean(),
    longHold: z.boolean(),
    multipleTransfers: z.boolean(),
  }),
});

const lineFields = {
  id: z.string().regex(/^[a-z]+-\d{3}$/),
  split: z.enum(SPLITS),
  note: z.string().min(10),
  labels: labelsSchema,
  transcript: transcriptSchema,
};

const sameId = { message: 'transcript.id must equal the line id', path: ['transcript', 'id'] };

export const evalLineSchema = z.strictObject(lineFields).refine((c) => c.transcript.id === c.id, sameId);

// A real call carries who rated it how, and the ASR text of the same segments beside the human one.
export const callLineSchema = z
  .strictObject({
    ...lineFields,
    source: z.strictObject({
      sid: z.string(),
      task: z.string(),
      callerRating: z.number().int().min(1).max(10).nullable(),
      agentRating: z.number().int().min(1).max(10).nullable(),
    }),
    asrTranscript: transcriptSchema,
  })
  .refine((c) => c.transcript.id === c.id, sameId);

export type EvalCase = z.infer<typeof evalLineSchema>;
export type EvalTranscript = EvalCase['transcript'];
export type EvalLabels = EvalCase['labels'];
export type CallCase = z.infer<typeof callLineSchema>;

export function evalFilePath(split: Split): string {
  return new URL(`./${split}.jsonl`, import.meta.url).pathname;
}

// Throws one error naming every bad line, so a broken edit is found in one run.
export function parseEvalFile(text: string, fileName = 'input'): EvalCase[] {
  return parseLines(text, fileName, evalLineSchema);
}

function parseLines<T>(text: string, fileName: string, schema: z.ZodType<T>): T[] {
  const cases: T[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (err) {
      problems.push(`${fileName}:${i + 1}: not JSON (${(err as Error).message})`);
      return;
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) {
      cases.push(parsed.data);
    } else {
      for (const issue of parsed.error.issues) {
        problems.push(`${fileName}:${i + 1}: ${issue.path.join('.') || '(line)'}: ${issue.message}`);
      }
    }
  });
  if (problems.length > 0) throw new Error(`Invalid eval set:\n${problems.join('\n')}`);
  return cases;
}

export function loadEvalSet(split: Split | 'all'): EvalCase[] {
  const splits = split === 'all' ? SPLITS : [split];
  return splits.flatMap((s) => {
    const cases = parseEvalFile(readFileSync(evalFilePath(s), 'utf8'), `${s}.jsonl`);
    const misplaced = cases.find((c) => c.split !== s);
    if (misplaced) throw new Error(`${misplaced.id} says split "${misplaced.split}" but is in ${s}.jsonl`);
    return cases;
  });
}

export const CALLS_FILE = new URL('./hvb/calls.jsonl', import.meta.url).pathname;

// The real calls live in one file (written by convert-hvb.ts); each line names its own split.
export function loadCallSet(split: Split | 'all'): CallCase[] {
  const cases = parseLines(readFileSync(CALLS_FILE, 'utf8'), 'hvb/calls.jsonl', callLineSchema);
  return split === 'all' ? cases : cases.filter((c) => c.split === split);
}
