import type { Conversation } from './build-conversation.js';
import { hasPhrase } from './find-phrase.js';
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
// turned the mood). Otherwise the best-supported road wins, ties going 2, 3, 1, 4: with no evidence
// of harm, care is the reading that assumes least.
export const classifyRoad = (input: RoadInput): RoadOutcome => {
  const { conversation, customer, staff, flags, events, resolution, sentiment, empathy } = input;
  const { turns } = conversation;
  const unresolvedProblem = resolution === 'unresolved' && customer.hasProblem;

  const goAway: string[] = [];
  if (flags.longHold) goAway.push('long hold');
  if (flags.multipleTransfers) goAway.push(`${events.transfers} transfers`);
  if (events.ivrLoop) goAway.push('phone-menu loop');
  if (flags.redirectAndClose) goAway.push('redirected and closed');
  if (flags.prematureClose) goAway.push('closed before the request was dealt with');
  if (events.callbackMissed) goAway.push('missed callback');
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
  const support: Record<Road, number> = {
    2:
      empathy.score / 200 +
      (empathy.acknowledged ? 0.2 : 0) +
      (empathy.ownership ? 0.2 : 0) +
      (endedBetter ? 0.1 : 0),
    3: (taught || articleShared ? 0.6 : 0) + (resolution === 'confirmed' ? 0.2 : 0),
    1: suggestion ? 0.5 : 0,
    4:
      (resolution === 'unresolved' ? 0.3 : 0) +
      (sentiment.end <= -0.3 ? 0.3 : 0) +
      (input.listening < 50 ? 0.2 : 0) +
      (input.apology === 'misplaced' || input.apology === 'missed' ? 0.1 : 0),
  };
  const order: Road[] = [2, 3, 1, 4];
  const road = order.reduce(
    (best, candidate) => (support[candidate] > support[best] ? candidate : best),
    order[0]!,
  );
  const label = { 1: 'learn', 2: 'care', 3: 'teach', 4: 'go away' }[road];
  return {
    road,
    reasons: [`Road ${road} (${label}) on balance: no single road was clear-cut`],
    evidence: [],
    unresolvedProblem,
  };
};
