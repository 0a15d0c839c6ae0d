import type { CustomerFacts, CustomerTurnFacts } from './read-customer-turns.js';

export type SentimentSummary = {
  start: number;
  end: number;
  change: number;
  turns: { turn: number; score: number }[];
};

const round = (value: number): number => Math.round(value * 100) / 100;

// "Hi" or "ok" says nothing about how the customer feels; the first and last turns that do are used.
const telling = (fact: CustomerTurnFacts): boolean => fact.words >= 4 || Math.abs(fact.score) >= 0.2;

export const summariseSentiment = (customer: CustomerFacts): SentimentSummary => {
  const facts = customer.turns;
  const turns = facts.map((f) => ({ turn: f.turn, score: round(f.score) }));
  if (facts.length === 0) return { start: 0, end: 0, change: 0, turns };
  const opening = facts.slice(0, 2).find(telling) ?? facts[0]!;
  const closing = facts.slice(-2).reverse().find(telling) ?? facts[facts.length - 1]!;
  const start = round(opening.score);
  const end = round(closing.score);
  return { start, end, change: round(end - start), turns };
};
