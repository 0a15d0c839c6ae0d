import { buildConversation } from './build-conversation.js';
import { classifyRoad } from './classify-road.js';
import { detectEventFlags } from './detect-event-flags.js';
import { detectPrematureClose } from './detect-premature-close.js';
import { detectRedirectAndClose } from './detect-redirect-and-close.js';
import { detectResolution } from './detect-resolution.js';
import { findRepeatAsks } from './find-repeat-asks.js';
import { mapTurnsBack } from './map-turns-back.js';
import { mergeSegments } from './merge-segments.js';
import type { Evidence, Flags, QualityResult } from './quality-result.js';
import { readCustomerTurns } from './read-customer-turns.js';
import { readStaffTurns } from './read-staff-turns.js';
import { resolveRubric, type Rubric, type ScoreName } from './rubric.js';
import { scoreApologyFit } from './score-apology-fit.js';
import { scoreClarity } from './score-clarity.js';
import { scoreEmpathy } from './score-empathy.js';
import { scoreListening } from './score-listening.js';
import { summariseSentiment } from './summarise-sentiment.js';
import type { Transcript } from './transcript-schema.js';

const PREMATURE_CLOSE_LISTENING_COST = 25;
const REDIRECT_LISTENING_COST = 15;
// Asking again for what the customer said in this conversation is a listening failure; asking for
// what sits in the records is mostly a systems failure, so it costs listening less.
const REPEAT_SAID_LISTENING_COST = 25;
const REPEAT_KNOWN_LISTENING_COST = 10;

const repeatListeningCost = (repeats: readonly { source: string }[]): number => {
  const said = repeats.filter((r) => r.source === 'said').length;
  return (
    Math.min(50, REPEAT_SAID_LISTENING_COST * said) +
    Math.min(20, REPEAT_KNOWN_LISTENING_COST * (repeats.length - said))
  );
};

const clamp = (value: number): number => Math.round(Math.min(100, Math.max(0, value)));

const weightedMean = (scores: Record<ScoreName, number>, weights: Rubric['weights']): number => {
  let total = 0;
  let weight = 0;
  for (const name of Object.keys(scores) as ScoreName[]) {
    const w = Math.max(0, weights[name] ?? 0);
    total += scores[name] * w;
    weight += w;
  }
  return weight === 0 ? 0 : total / weight;
};

// Pure: the transcript is assumed valid (parse it with transcriptSchema at the boundary). Turns are
// scored as the speakers' merged turns and reported by the original turn numbers.
export const scoreTranscript = (transcript: Transcript, rubricOverrides?: Partial<Rubric>): QualityResult => {
  const merged = mergeSegments(transcript);
  return mapTurnsBack(scoreMerged(merged.transcript, rubricOverrides), merged.origin);
};

const scoreMerged = (transcript: Transcript, rubricOverrides?: Partial<Rubric>): QualityResult => {
  const rubric = resolveRubric(rubricOverrides);
  const conversation = buildConversation(transcript, rubric);
  const staff = readStaffTurns(conversation);
  const customer = readCustomerTurns(conversation, staff);
  const events = detectEventFlags(conversation);
  const resolution = detectResolution(conversation, customer, staff);
  const apology = scoreApologyFit(conversation, customer, events);
  const misplacedTurns = new Set(apology.verdict === 'misplaced' ? apology.evidence.map((e) => e.turn) : []);
  const empathy = scoreEmpathy(conversation, customer, staff, misplacedTurns);
  const listening = scoreListening(conversation, customer, staff);
  const repeat = findRepeatAsks(conversation, customer);
  const clarity = scoreClarity(conversation);
  const premature = detectPrematureClose(conversation, customer, listening.exchanges, resolution.resolution);
  const redirect = detectRedirectAndClose(conversation, staff, resolution.resolution);
  const sentiment = summariseSentiment(customer);

  const listeningScore = clamp(
    listening.score -
      (premature.flag ? PREMATURE_CLOSE_LISTENING_COST : 0) -
      (redirect.flag ? REDIRECT_LISTENING_COST : 0) -
      repeatListeningCost(repeat.repeats),
  );
  const scores: Record<ScoreName, number> = {
    empathy: empathy.score,
    listening: listeningScore,
    apologyFit: apology.score,
    repeatAsk: repeat.score,
    clarity: clarity.score,
  };
  const flags: Flags = {
    repeatAsk: repeat.repeats.length > 0,
    apologyMisplaced: apology.verdict === 'misplaced',
    prematureClose: premature.flag,
    redirectAndClose: redirect.flag,
    longHold: events.longHold,
    multipleTransfers: events.multipleTransfers,
  };
  const road = classifyRoad({
    conversation,
    customer,
    staff,
    flags,
    events,
    resolution: resolution.resolution,
    resolutionTurn: resolution.turn,
    sentiment,
    empathy,
    listening: listeningScore,
    apology: apology.verdict,
  });

  const { penalties } = rubric;
  const penalty =
    (flags.longHold ? penalties.longHold : 0) +
    (flags.multipleTransfers ? penalties.multipleTransfers : 0) +
    (flags.redirectAndClose ? penalties.redirectAndClose : 0) +
    (flags.prematureClose ? penalties.prematureClose : 0) +
    (events.ivrLoop ? penalties.ivrLoop : 0) +
    (events.callbackMissed ? penalties.callbackMissed : 0) +
    (road.unresolvedProblem ? penalties.unresolvedProblem : 0);

  const reasons = [
    ...road.reasons,
    ...events.reasons,
    ...repeat.reasons,
    ...(redirect.reason ? [redirect.reason] : []),
    ...(premature.reason ? [premature.reason] : []),
    ...apology.reasons,
    ...empathy.reasons,
    ...listening.reasons,
    ...clarity.reasons,
    ...resolution.reasons,
  ];
  const evidence: Evidence[] = [
    ...repeat.evidence,
    ...apology.evidence,
    ...empathy.evidence,
    ...listening.evidence,
    ...(redirect.evidence ? [redirect.evidence] : []),
    ...(premature.evidence ? [premature.evidence] : []),
    ...clarity.evidence,
    ...resolution.evidence,
    ...events.evidence,
    ...road.evidence,
  ];

  // The fields are written into a plain literal and the id put in front only when there is one: a
  // literal that opens with a spread has V8 define each later field in its runtime, eleven times a
  // transcript at thousands of instructions each.
  const result: QualityResult = {
    overall: clamp(weightedMean(scores, rubric.weights) - penalty),
    road: road.road,
    scores,
    resolution: resolution.resolution,
    apology: apology.verdict,
    flags,
    signals: {
      ivrLoop: events.ivrLoop,
      callbackMissed: events.callbackMissed,
      promiseBroken: events.promiseBroken,
      unresolvedProblem: road.unresolvedProblem,
      customerUpset: customer.upset,
      longestHoldSeconds: events.longestHoldSeconds,
      transfers: events.transfers,
    },
    sentiment,
    repeatAsks: repeat.repeats,
    reasons,
    evidence,
  };
  return transcript.id !== undefined ? { id: transcript.id, ...result } : result;
};
