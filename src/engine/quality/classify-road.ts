import type { Conversation } from './build-conversation.js';
import { hasPhrase } from './find-phrase.js';
import { findSatisfiedClose } from './find-satisfied-close.js';
import type { EventFlags } from './detect-event-flags.js';
import type { ApologyVerdict, Evidence, Flags, Resolution, Road } from './quality-result.js';
import { quoteSentence } from './quote-sentence.js';
import type { CustomerFacts } from './read-customer-turns.js';
import type { StaffTurnFacts } from './read-staff-turns.js';
import type { SentimentSummary } from './summarise-sentiment.js';

export type RoadInput = {
  conversation: Conversation;
  customer: CustomerFacts;
  staff: ReadonlyMap<number, StaffTurnFacts>;
  flags: Flags;
  events: EventFlags;
  resolution: Resolution;
  resolutionTurn: number;
  sentiment: SentimentSummary;
  empathy: { score: number; acknowledged: boolean; ownership: boolean };
  listening: number;
  apology: ApologyVerdict;
};

export type RoadOutcome = { road: Road; reasons: string[]; evidence: Evidence[]; unresolvedProblem: boolean };

// Priority: any Road 4 signal decides, because one "go away" moment is what the customer remembers.
// Then Road 1 (the company learned), Road 3 (the customer was taught and it worked), Road 2 (care
// turned the mood). Otherwise the best-supported of roads 2, 3 and 1 wins, ties going 2, 3, 1: Road
// 4 needs evidence that something sent the customer away, and a missing "that worked" is not that.
const ON_BALANCE = {
  1: 'Road 1 (learn) on balance: the customer suggested an improvement, though nothing shows it was logged',
  2: 'Road 2 (care): the request was handled and nothing sent the customer away',
  3: 'Road 3 (teach) on balance: the agent showed how, though the customer did not confirm it worked',
} as const;

export const classifyRoad = (input: RoadInput): RoadOutcome => {
  const { conversation, customer, staff, flags, events, resolution, sentiment, empathy } = input;
  const { turns } = conversation;
  // Leaving a problem unresolved sends the customer away only when they did not choose to end there:
  // a caller who says "no that's all, thank you" after stating the request was not dismissed, even if
  // the agent never said it was done.
  const lastProblemTurn = customer.turns.reduce(
    (last, f) => (f.problem || f.companyError ? f.turn : last),
    -1,
  );
  const unresolvedProblem =
    resolution === 'unresolved' &&
    customer.hasProblem &&
    findSatisfiedClose(conversation, customer, lastProblemTurn) === null;

  const goAway: string[] = [];
  if (flags.longHold) goAway.push('long hold');
  if (flags.multipleTransfers) goAway.push(`${events.transfers} transfers`);
  if (events.ivrLoop) goAway.push('phone-menu loop');
  if (flags.redirectAndClose) goAway.push('redirected and closed');
  if (flags.prematureClose) goAway.push('closed before the request was dealt with');
  if (events.callbackMissed) goAway.push('missed callback');
  if (events.promiseBroken) goAway.push('broken promise');
  if (flags.repeatAsk) goAway.push('asked again for what was already known');
  if (unresolvedProblem) goAway.push('problem left unresolved');
  if (goAway.length > 0) {
    return { road: 4, reasons: [`Road 4 (go away): ${goAway.join(', ')}`], evidence: [], unresolvedProblem };
  }

  const staffFacts = [...staff.values()];
  const logged = staffFacts.find((f) => f.feedbackLogged);
  const loggedEvent = conversation.events.some((e) => e.event.type === 'feedback_logged');
  if (logged || loggedEvent) {
    const evidence: Evidence[] = logged
      ? [
          {
            criterion: 'road',
            turn: logged.turn,
            quote: quoteSentence(turns[logged.turn]!.text, logged.feedbackLogged!.sentence.norm),
            why: 'Feedback logged as an improvement',
          },
        ]
      : [];
    return {
      road: 1,
      reasons: ["Road 1 (learn): the customer's feedback was logged to improve the product or process"],
      evidence,
      unresolvedProblem,
    };
  }

  const taught = staffFacts.find(
    (f) => f.teach && (resolution !== 'confirmed' || f.turn < input.resolutionTurn),
  );
  const articleShared = conversation.events.some((e) => e.event.type === 'article_shared');
  const selfServed = customer.turns.some((f) =>
    turns[f.turn]!.analysis.sentences.some((s) => hasPhrase(conversation.lexicon.selfServed, s)),
  );
  if ((taught || articleShared) && (resolution === 'confirmed' || selfServed)) {
    const evidence: Evidence[] = taught
      ? [
          {
            criterion: 'road',
            turn: taught.turn,
            quote: quoteSentence(turns[taught.turn]!.text, taught.teach!.sentence.norm),
            why: 'Showed the customer how',
          },
        ]
      : [];
    return {
      road: 3,
      reasons: ['Road 3 (teach): the customer was shown how and confirmed it worked'],
      evidence,
      unresolvedProblem,
    };
  }

  const startedLow = sentiment.start <= -0.2 || customer.upset;
  const endedBetter = sentiment.change >= 0.2 || (sentiment.end >= 0 && sentiment.end > sentiment.start);
  if (startedLow && endedBetter && empathy.acknowledged && empathy.ownership) {
    return {
      road: 2,
      reasons: ['Road 2 (care): an upset customer was acknowledged, looked after, and ended better'],
      evidence: [],
      unresolvedProblem,
    };
  }

  const suggestion = customer.turns.some((f) => f.suggestion);
  const support: Record<1 | 2 | 3, number> = {
    2:
      empathy.score / 200 +
      (empathy.acknowledged ? 0.2 : 0) +
      (empathy.ownership ? 0.2 : 0) +
      (endedBetter ? 0.1 : 0),
    3: (taught || articleShared ? 0.6 : 0) + (resolution === 'confirmed' ? 0.2 : 0),
    1: suggestion ? 0.5 : 0,
  };
  const order = [2, 3, 1] as const;
  const road = order.reduce(
    (best, candidate) => (support[candidate] > support[best] ? candidate : best),
    order[0]!,
  );
  return {
    road,
    reasons: [ON_BALANCE[road]],
    evidence: [],
    unresolvedProblem,
  };
};
