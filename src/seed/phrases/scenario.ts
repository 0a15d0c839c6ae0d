import type { Channel } from '../../modules/conversations/schema.js';
import type { TeamKey } from '../people.js';

export type Domain = 'telecom' | 'commerce' | 'saas';

/**
 * One kind of customer problem and the lines a thread about it is composed from. Lines use
 * {slots}: {first} {agent} {team} {amount} {order} {product} {variant} {plan} {tier} {device}
 * {days} {day} {speed} {country} {seats} {app} {code} {ref} {phoneTail}.
 */
export type Scenario = {
  key: string;
  domain: Domain;
  team: TeamKey;
  /** Where this problem usually arrives; the generator picks among these. */
  channels: readonly Channel[];
  /** Whether the agent must know who they are talking to before acting on the account. */
  needsVerification: boolean;
  /** The team a transfer usually goes to, and how often this problem is transferred. */
  transfer?: { to: TeamKey; rate: number };
  priority?: 'low' | 'normal' | 'high' | 'urgent';
  subjects: readonly string[];
  /** The customer's first message. */
  openings: readonly string[];
  /** The customer's second message, when the agent asked for more. */
  details: readonly string[];
  /** The agent's finding once they have looked. */
  findings: readonly string[];
  /** The agent's fix, or the promise that stands for it. */
  fixes: readonly string[];
  /** What the agent asks the customer to do or answer (waiting on the customer). */
  asks: readonly string[];
  /** A customer message when the problem is still not solved. */
  stillBroken: readonly string[];
  /** For the handover note: the case in a line, and what was already tried. */
  summary: string;
  tried: readonly string[];
};
