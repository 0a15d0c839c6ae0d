import { randomUUID } from 'node:crypto';
import type { Channel, ConversationStatus, TimelineEventType } from '../modules/conversations/schema.js';
import type { DemoCustomer } from './build-customers.js';
import { fill, type Slots } from './fill.js';
import { formatThread, type Draft } from './format-thread.js';
import { demoTeams, type TeamKey } from './people.js';
import * as common from './phrases/common.js';
import type { Scenario } from './phrases/scenario.js';
import type { Random } from './random.js';

export type Speaker = { userId: string; name: string; first: string; team: TeamKey; slipRate?: number };
export type Slip = 'redirect' | 'repeat-ask' | 'misplaced-sorry';

export type ThreadPlan = {
  scenario: Scenario | 'praise';
  channel: Channel;
  status: ConversationStatus;
  customer: DemoCustomer;
  /** Who picks it up; none means it is still waiting in the queue. */
  agent?: Speaker;
  transferTo?: Speaker;
  verification?: common.VerificationMethod;
  slip?: Slip;
  extraNote: boolean;
  /** Everything but {agent}, {team} and {initials}, which depend on who is speaking. */
  slots: Slots;
  teamIds: Readonly<Record<TeamKey, string>>;
};

export type ThreadMessage = {
  id: string;
  role: 'customer' | 'agent';
  authorId: string | null;
  text: string;
  internal: boolean;
  offsetMs: number;
};
export type ThreadEvent = {
  type: TimelineEventType;
  actorId: string | null;
  data: Record<string, unknown>;
  offsetMs: number;
};
export type Thread = {
  status: ConversationStatus;
  messages: ThreadMessage[];
  events: ThreadEvent[];
  verified?: { offsetMs: number; by: string };
  finalAgent?: Speaker;
};

// Seconds: how long the first human takes to answer on each channel, then between turns.
const PACE: Record<Channel, { first: [number, number]; gap: [number, number] }> = {
  chat: { first: [20, 180], gap: [25, 240] },
  phone: { first: [30, 480], gap: [15, 90] },
  email: { first: [1_800, 43_200], gap: [3_600, 72_000] },
  api: { first: [1_800, 43_200], gap: [3_600, 72_000] },
  social: { first: [600, 14_400], gap: [300, 10_800] },
  review: { first: [10_800, 172_800], gap: [3_600, 86_400] },
};

// A conversation written turn by turn, the way the desk would have had it: greeting, checking
// who it is, finding the cause, maybe a handover, then an ending that matches its status.
export function composeThread(random: Random, plan: ThreadPlan): Thread {
  const { channel, customer } = plan;
  const drafts: Draft[] = [];
  const events: ThreadEvent[] = [];
  let clock = 0;
  let status = plan.status;
  let speaker = plan.agent;
  let verified: Thread['verified'];
  let detailsGiven = false;
  // A finding and its fix are written as a pair, so the fix answers what was found.
  let resolution = 0;

  const wait = (range: [number, number]) => (clock += random.int(range[0], range[1]) * 1_000);
  const slotsFor = (extra: Record<string, string> = {}): Slots => ({
    ...plan.slots,
    agent: speaker?.first ?? 'our team',
    team: speaker ? demoTeams[speaker.team].name : 'Support',
    initials: speaker ? initialsOf(speaker.name) : 'CS',
    ...extra,
  });
  const line = (bank: readonly string[], extra?: Record<string, string>) =>
    fill(random.pick(bank), slotsFor(extra));
  const event = (
    type: TimelineEventType,
    data: Record<string, unknown> = {},
    actor: Speaker | null | undefined = speaker,
  ) => events.push({ type, actorId: actor?.userId ?? null, data, offsetMs: clock });
  const say = (role: Draft['role'], text: string, internal = false) => {
    const id = randomUUID();
    drafts.push({
      id,
      role,
      author: role === 'agent' ? speaker : undefined,
      text,
      internal,
      offsetMs: clock,
    });
    return id;
  };
  const customerSays = (text: string) => say('customer', text);
  const agentSays = (text: string) => say('agent', text);
  const note = (text: string) => event('note_added', { messageId: say('agent', text, true), note: text });
  const greeting = () =>
    line(channel === 'email' || channel === 'api' ? common.emailGreetings : common.agentGreetings);

  event('created', { channel }, null);
  if (plan.scenario === 'praise') return praiseThread();
  const scenario = plan.scenario;

  if (channel === 'phone' && speaker) {
    wait(PACE.phone.first);
    event('assigned', { fromUserId: null, toUserId: speaker.userId });
    agentSays(line(common.phoneGreetings));
    wait(PACE.phone.gap);
  }
  customerSays(line(scenario.openings));
  if (!speaker) {
    // Still in the queue: nobody has answered yet, and some customers ask again.
    if (random.chance(0.35)) {
      wait(PACE[channel].gap);
      customerSays(line(common.customerNudges));
    }
    return finish();
  }

  if (channel === 'phone') wait(PACE.phone.gap);
  else {
    wait(PACE[channel].first);
    event('assigned', { fromUserId: null, toUserId: speaker.userId });
    if (channel === 'social' || channel === 'review') {
      // The public reply invites them to a private channel, where the case continues.
      agentSays(line(channel === 'social' ? common.socialReplies : common.reviewReplies));
      wait(PACE[channel].gap);
      customerSays(line(scenario.details));
      detailsGiven = true;
      wait(PACE.chat.first);
    }
  }

  const opening = [channel === 'phone' ? '' : greeting(), random.chance(0.6) ? line(common.empathy) : ''];
  if (plan.verification) {
    const method = common.verificationMethods[plan.verification];
    agentSays(join(...opening, line(method.ask)));
    wait(PACE[channel].gap);
    customerSays(line(method.answer));
    wait(PACE[channel].gap);
    const askMore = !detailsGiven && random.chance(0.6);
    agentSays(join(line(common.verifiedConfirmations), askMore ? line(common.askForDetail) : ''));
    verified = { offsetMs: clock, by: speaker.userId };
    event('verified', { method: plan.verification });
    if (askMore) {
      wait(PACE[channel].gap);
      customerSays(line(scenario.details));
    }
  } else if (detailsGiven) {
    agentSays(join(...opening) || line(common.empathy));
  } else {
    agentSays(join(...opening, line(common.askForDetail)));
    wait(PACE[channel].gap);
    customerSays(line(scenario.details));
  }

  wait(PACE[channel].gap);
  if (plan.slip === 'misplaced-sorry') agentSays(line(common.misplacedSorry));
  resolution = random.int(0, scenario.findings.length - 1);
  agentSays(fill(scenario.findings[resolution]!, slotsFor()));
  if (plan.extraNote) note(line(common.internalNotes));

  if (plan.slip === 'redirect') {
    wait(PACE[channel].gap);
    agentSays(line(common.redirectAndClose));
    if (random.chance(0.6)) {
      wait(PACE[channel].gap);
      customerSays(line(common.customerAfterRedirect));
    }
    status = 'closed';
    return finish();
  }

  if (plan.transferTo) handOver(scenario, plan.transferTo);
  end(scenario);
  return finish();

  function handOver(scenario: Scenario, to: Speaker) {
    const from = speaker!;
    const target = demoTeams[to.team];
    const extra = { toTeam: target.name, toCan: target.can, toAgent: to.first };
    wait(PACE[channel].gap);
    agentSays(line(common.transferOut, extra));
    const label = plan.verification ? common.verificationMethods[plan.verification].label : undefined;
    const handover = line(common.handoverNotes, {
      ...extra,
      summary: fill(scenario.summary, slotsFor()),
      tried: listOf(scenario.tried.map((t) => fill(t, slotsFor()))),
      verification: label ?? 'nobody yet',
      verifiedShort: label ? `is verified (${label})` : 'is not verified yet',
      verifiedSentence: label ? `Verified by ${label}.` : 'Not verified yet.',
    });
    say('agent', handover, true);
    event('transferred', {
      note: handover,
      from: { userId: from.userId, teamId: plan.teamIds[from.team] },
      to: { userId: to.userId, teamId: plan.teamIds[to.team] },
      verified: Boolean(verified),
    });
    speaker = to;
    wait(PACE[channel].first);
    agentSays(line(common.transferIn, { fromAgent: from.first }));
    if (plan.slip === 'repeat-ask') {
      agentSays(line(common.repeatAsks));
      wait(PACE[channel].gap);
      const account = customer.identities.find((i) => i.type === 'account')?.displayValue;
      customerSays(`I already gave all of that to ${from.first}.${account ? ` It's ${account}.` : ''}`);
    }
  }

  function end(scenario: Scenario) {
    wait(PACE[channel].gap);
    const fix = () =>
      fill(
        scenario.fixes.length === scenario.findings.length
          ? scenario.fixes[resolution]!
          : random.pick(scenario.fixes),
        slotsFor(),
      );
    switch (status) {
      case 'open':
        customerSays(line(random.chance(0.5) ? scenario.stillBroken : common.customerNudges));
        return;
      case 'pending':
        agentSays(line(common.pendingLines));
        return;
      case 'waiting_on_customer':
        agentSays(line(scenario.asks));
        return;
      default:
        agentSays(fix());
        if (random.chance(0.15)) {
          // The first fix did not hold; the case is finished only when it does.
          wait(PACE[channel].gap);
          customerSays(line(scenario.stillBroken));
          wait(PACE[channel].gap);
          const others = scenario.fixes.filter((_, i) => i !== resolution);
          agentSays(join(line(common.secondAttempts), line(others.length ? others : scenario.fixes)));
        }
        if (random.chance(status === 'resolved' ? 0.8 : 0.6)) {
          wait(PACE[channel].gap);
          customerSays(line(common.customerThanks));
        }
        if (random.chance(0.6)) {
          wait(PACE[channel].gap);
          agentSays(line(common.agentClosings));
        }
    }
  }

  function praiseThread(): Thread {
    // {agent} here is the colleague being praised, not whoever answers.
    const praised = { agent: plan.slots.praised ?? 'the agent', topic: plan.slots.topic ?? 'account' };
    customerSays(line(common.praise.openings, praised));
    if (speaker) {
      wait(PACE[channel].first);
      event('assigned', { fromUserId: null, toUserId: speaker.userId });
      agentSays(line(common.praise.replies, praised));
    } else status = 'open';
    return finish();
  }

  function finish(): Thread {
    if (status !== 'open') {
      clock += 1_000;
      event('status_changed', { from: 'open', to: status });
    }
    const formatted = formatThread(random, drafts, { channel, customer, praise: plan.scenario === 'praise' });
    return {
      status,
      messages: formatted.map(({ author, ...m }) => ({ ...m, authorId: author?.userId ?? null })),
      events,
      verified,
      finalAgent: speaker,
    };
  }
}

const join = (...parts: string[]) => parts.filter(Boolean).join(' ');

const initialsOf = (name: string) =>
  name
    .split(' ')
    .map((part) => part[0])
    .join('');

function listOf(items: string[]): string {
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
