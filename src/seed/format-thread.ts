import type { Channel } from '../modules/conversations/schema.js';
import type { DemoCustomer } from './build-customers.js';
import type { Speaker } from './compose-thread.js';
import { demoTeams } from './people.js';
import * as common from './phrases/common.js';
import type { Random } from './random.js';

export type Draft = {
  id: string;
  role: 'customer' | 'agent';
  author?: Speaker;
  text: string;
  internal: boolean;
  offsetMs: number;
};

export type FormatOptions = { channel: Channel; customer: DemoCustomer; praise: boolean };

// Turns the raw turns of a thread into what each channel looks like: emails carry greetings
// and signatures (and an agent writes one email, not three in a row), a social thread opens
// with a public mention, a review with its stars.
export function formatThread(random: Random, drafts: Draft[], options: FormatOptions): Draft[] {
  const { channel, customer } = options;
  const byEmail = channel === 'email' || channel === 'api';
  const turns = byEmail ? mergeConsecutive(drafts) : drafts;
  const heard = new Set<string>();
  let customerSpoke = false;
  return turns.map((turn) => {
    if (turn.internal) return turn;
    if (turn.role === 'customer') {
      const first = !customerSpoke;
      customerSpoke = true;
      return { ...turn, text: asCustomer(random, turn.text, first, options) };
    }
    const author = turn.author!;
    const first = !heard.has(author.userId);
    heard.add(author.userId);
    if (!byEmail) return turn;
    const greeting = first ? `Hi ${customer.first},\n\n` : '';
    const signature = `${random.pick(common.agentSignoffs)}\n${author.name}\n${demoTeams[author.team].name}`;
    return { ...turn, text: `${greeting}${turn.text}\n\n${signature}` };
  });
}

function mergeConsecutive(drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const draft of drafts) {
    const previous = out[out.length - 1];
    const sameWriter =
      previous &&
      !previous.internal &&
      !draft.internal &&
      previous.role === draft.role &&
      previous.author?.userId === draft.author?.userId;
    if (sameWriter)
      out[out.length - 1] = {
        ...previous,
        text: `${previous.text}\n\n${draft.text}`,
        offsetMs: draft.offsetMs,
      };
    else out.push(draft);
  }
  return out;
}

function asCustomer(random: Random, text: string, first: boolean, options: FormatOptions): string {
  const { channel, customer } = options;
  if (channel === 'email' || channel === 'api') {
    return first
      ? `${random.pick(common.emailOpeners)}\n\n${text}\n\n${random.pick(common.emailSignoffs)}\n${customer.first}`
      : `${text}\n\n${customer.first}`;
  }
  if (first && channel === 'social') return `@demo_care ${firstSentences(text, 2)}`;
  if (first && channel === 'review')
    return `${options.praise ? '★★★★★' : random.pick(['★☆☆☆☆', '★★☆☆☆'])} ${text}`;
  return text;
}

function firstSentences(text: string, count: number): string {
  const sentences = text.match(/[^.!?]+[.!?]+/g) ?? [text];
  return sentences.slice(0, count).join('').trim();
}
