import { buildConversation } from './build-conversation.js';
import { detectEventFlags } from './detect-event-flags.js';
import { findRepeatAsks } from './find-repeat-asks.js';
import { slotLabels } from './lexicons/identifier-phrases.js';
import { readCustomerTurns } from './read-customer-turns.js';
import { readStaffTurns } from './read-staff-turns.js';
import { resolveRubric, type Rubric } from './rubric.js';
import { scoreApologyFit } from './score-apology-fit.js';
import type { Transcript } from './transcript-schema.js';

export type DraftWarning = {
  code: 'REPEAT_ASK' | 'APOLOGY_MISPLACED' | 'APOLOGY_MISSING';
  message: string;
  field?: string;
};

export type DraftCheck = { warnings: DraftWarning[] };

const whereKnown = (givenIn: number, source: 'said' | 'known' | 'verified'): string => {
  if (source === 'known') return "it is already on the customer's record";
  if (source === 'verified') return 'the customer is already verified';
  return givenIn >= 0
    ? `the customer already gave it in turn ${givenIn}`
    : 'the customer says they already gave it';
};

// The draft is judged as if it were sent next, against everything said so far.
export const checkDraft = (input: {
  text: string;
  transcript: Transcript;
  rubric?: Partial<Rubric>;
}): DraftCheck => {
  const { text, transcript } = input;
  const draftTurn = transcript.turns.length;
  const withDraft: Transcript = { ...transcript, turns: [...transcript.turns, { role: 'agent', text }] };
  const conversation = buildConversation(withDraft, resolveRubric(input.rubric));
  const customer = readCustomerTurns(conversation, readStaffTurns(conversation));
  const warnings: DraftWarning[] = [];

  for (const repeat of findRepeatAsks(conversation, customer).repeats) {
    if (repeat.turn !== draftTurn) continue;
    warnings.push({
      code: 'REPEAT_ASK',
      field: repeat.slot,
      message:
        repeat.slot === 'problem'
          ? `Don't ask the customer to explain again: they described the problem in turn ${repeat.givenIn}`
          : `Don't ask for the ${slotLabels[repeat.slot]}: ${whereKnown(repeat.givenIn, repeat.source)}`,
    });
  }

  const apology = scoreApologyFit(conversation, customer, detectEventFlags(conversation));
  if (apology.verdict === 'misplaced' && apology.evidence.some((e) => e.turn === draftTurn)) {
    warnings.push({
      code: 'APOLOGY_MISPLACED',
      message:
        'This apologises for the customer\'s own decision; acknowledge it instead ("Of course, I can help with that")',
    });
  }
  if (apology.verdict === 'missed') {
    warnings.push({
      code: 'APOLOGY_MISSING',
      message: `The customer reported something the company got wrong (turn ${apology.evidence[0]?.turn ?? 0}) and nobody has apologised yet`,
    });
  }
  return { warnings };
};
