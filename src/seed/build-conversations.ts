import { randomUUID } from 'node:crypto';
import type {
  Channel,
  ConversationStatus,
  conversationEvents,
  conversations,
  messages,
} from '../modules/conversations/schema.js';
import { isFinished } from '../modules/conversations/schema.js';
import type { DemoCustomer } from './build-customers.js';
import { composeThread, type Slip, type Speaker } from './compose-thread.js';
import { fill } from './fill.js';
import type { TeamKey } from './people.js';
import { praise, type VerificationMethod } from './phrases/common.js';
import { scenarios } from './phrases/index.js';
import type { Scenario } from './phrases/scenario.js';
import { makeSlots } from './make-slots.js';
import type { Random } from './random.js';

export type ConversationRows = {
  conversation: typeof conversations.$inferInsert & { id: string; createdAt: Date };
  messages: (typeof messages.$inferInsert)[];
  events: (typeof conversationEvents.$inferInsert)[];
};

export type BuildConversationsOptions = {
  workspaceId: string;
  customers: readonly DemoCustomer[];
  staffByTeam: Readonly<Record<TeamKey, readonly Speaker[]>>;
  teamIds: Readonly<Record<TeamKey, string>>;
  count: number;
  firstDisplayId: number;
  now: Date;
};

const DAY = 86_400_000;
const CHANNEL_WEIGHTS: Record<Channel, number> = {
  email: 28,
  chat: 30,
  phone: 18,
  social: 9,
  review: 7,
  api: 8,
};
const PRAISE_RATE: Partial<Record<Channel, number>> = { review: 0.25, social: 0.12, email: 0.03 };
const VERIFY_BY_CHANNEL: Record<Channel, readonly VerificationMethod[]> = {
  phone: ['security_questions', 'account_pin'],
  chat: ['sms_code', 'card_last_four'],
  email: ['security_questions', 'sms_code'],
  api: ['sms_code'],
  social: ['sms_code'],
  review: ['sms_code'],
};

// Recent conversations are still being worked; older ones are mostly finished.
function statusFor(random: Random, ageDays: number): ConversationStatus {
  if (ageDays < 2)
    return random.weighted({ open: 40, pending: 15, waiting_on_customer: 15, resolved: 25, closed: 5 });
  if (ageDays < 10)
    return random.weighted({ open: 12, pending: 12, waiting_on_customer: 12, resolved: 44, closed: 20 });
  return random.weighted({ open: 3, pending: 4, waiting_on_customer: 5, resolved: 38, closed: 50 });
}

export function buildConversations(random: Random, options: BuildConversationsOptions): ConversationRows[] {
  const { customers, staffByTeam, teamIds, now } = options;
  const pickCustomer = weightedPicker(random, customers);
  const everyone = [
    ...new Map(
      Object.values(staffByTeam)
        .flat()
        .map((s) => [s.userId, s]),
    ).values(),
  ];

  const built = Array.from({ length: options.count }, (_, index) => {
    // Everyone gets in touch at least once; after that, some far more than others.
    const customer = index < customers.length ? customers[index]! : pickCustomer();
    const ageDays = random.chance(0.3) ? random.next() * 7 : random.next() * 120;
    const channel = random.weighted(CHANNEL_WEIGHTS);
    const isPraise = customer.lifecycleStatus === 'active' && random.chance(PRAISE_RATE[channel] ?? 0);
    const scenario = isPraise ? 'praise' : scenarioFor(random, customer, channel);
    const status = statusFor(random, ageDays);
    const team =
      scenario === 'praise' ? random.pick(['technical', 'billing', 'orders'] as const) : scenario.team;
    const queued = status === 'open' && ageDays < 2 && random.chance(0.4);
    const agent = queued ? undefined : random.pick(staffByTeam[team]);
    const transferTo =
      agent && scenario !== 'praise'
        ? transferTarget(random, scenario, customer, agent, staffByTeam)
        : undefined;
    const verification =
      agent && scenario !== 'praise' && scenario.needsVerification && random.chance(0.8)
        ? random.pick(VERIFY_BY_CHANNEL[channel])
        : undefined;
    const slip = slipFor(random, Boolean(transferTo), Boolean(verification), agent?.slipRate ?? 1);
    const slots = { ...makeSlots(random, customer), praised: random.pick(everyone).first };
    const thread = composeThread(random, {
      scenario,
      channel,
      status,
      customer,
      agent,
      transferTo,
      verification,
      slip,
      extraNote: Boolean(agent) && random.chance(customer.lifecycleStatus === 'lost' ? 0.4 : 0.15),
      slots,
      teamIds,
    });

    const last = Math.max(...thread.messages.map((m) => m.offsetMs), ...thread.events.map((e) => e.offsetMs));
    // A conversation that started an hour ago cannot have replies from tomorrow.
    const start = Math.min(now.getTime() - ageDays * DAY, now.getTime() - last - 60_000);
    const at = (offsetMs: number) => new Date(start + offsetMs);
    const firstHuman = thread.messages.find((m) => m.role === 'agent' && !m.internal);
    const lastHuman = thread.messages.findLast((m) => m.role === 'agent' && !m.internal);
    const waitingFrom = thread.messages.find(
      (m) => m.role === 'customer' && (!lastHuman || m.offsetMs > lastHuman.offsetMs),
    );
    const finalAgent = thread.finalAgent;
    const finished = isFinished(thread.status);
    const id = randomUUID();
    const subject =
      scenario === 'praise'
        ? fill(random.pick(praise.subjects), { agent: slots.praised })
        : fill(random.pick(scenario.subjects), { ...slots, agent: agent?.first ?? '', team: '' });

    const rows: ConversationRows = {
      conversation: {
        id,
        workspaceId: options.workspaceId,
        displayId: 0,
        customerId: customer.id,
        channel,
        status: thread.status,
        priority: priorityFor(random, scenario, customer),
        subject,
        assigneeId: finalAgent?.userId ?? null,
        teamId: teamIds[finalAgent?.team ?? team],
        verifiedAt: thread.verified ? at(thread.verified.offsetMs) : null,
        verificationMethod: thread.verified ? verification! : null,
        verifiedBy: thread.verified?.by ?? null,
        messageCount: thread.messages.length,
        firstHumanReplyAt: firstHuman ? at(firstHuman.offsetMs) : null,
        lastHumanReplyAt: lastHuman ? at(lastHuman.offsetMs) : null,
        customerWaitingSince: waitingFrom ? at(waitingFrom.offsetMs) : null,
        lastActivityAt: at(last),
        resolvedAt: finished ? at(last) : null,
        createdAt: at(0),
      },
      messages: thread.messages.map((m, i) => ({
        id: m.id,
        seq: i + 1,
        workspaceId: options.workspaceId,
        conversationId: id,
        role: m.role,
        authorId: m.authorId,
        text: m.text,
        internal: m.internal,
        createdAt: at(m.offsetMs),
      })),
      events: thread.events.map((e) => ({
        workspaceId: options.workspaceId,
        conversationId: id,
        type: e.type,
        actorId: e.actorId,
        data: e.data,
        createdAt: at(e.offsetMs),
      })),
    };
    return rows;
  });

  // Numbers follow time, as they would have been handed out.
  built.sort((a, b) => a.conversation.createdAt.getTime() - b.conversation.createdAt.getTime());
  built.forEach((rows, i) => (rows.conversation.displayId = options.firstDisplayId + i));
  return built;
}

function scenarioFor(random: Random, customer: DemoCustomer, channel: Channel): Scenario {
  const fits = (s: Scenario) => s.channels.includes(channel);
  // What went wrong before a customer left shows up again and again in their history.
  if (customer.churnScenarios.length && random.chance(0.7)) {
    const churn = scenarios.filter((s) => customer.churnScenarios.includes(s.key) && fits(s));
    if (churn.length) return random.pick(churn);
  }
  const own = scenarios.filter((s) => s.domain === customer.domain && fits(s));
  if (own.length) return random.pick(own);
  return random.pick(scenarios.filter(fits));
}

function transferTarget(
  random: Random,
  scenario: Scenario,
  customer: DemoCustomer,
  agent: Speaker,
  staffByTeam: Readonly<Record<TeamKey, readonly Speaker[]>>,
): Speaker | undefined {
  if (!scenario.transfer) return undefined;
  const rate = scenario.transfer.rate * (customer.lifecycleStatus === 'lost' ? 1.8 : 1);
  if (!random.chance(rate)) return undefined;
  const candidates = staffByTeam[scenario.transfer.to].filter((s) => s.userId !== agent.userId);
  return candidates.length ? { ...random.pick(candidates), team: scenario.transfer.to } : undefined;
}

function slipFor(random: Random, transferred: boolean, verified: boolean, rate: number): Slip | undefined {
  if (transferred && verified && random.chance(0.2)) return 'repeat-ask';
  if (!transferred && random.chance(0.03 * rate)) return 'redirect';
  if (random.chance(0.025 * rate)) return 'misplaced-sorry';
  return undefined;
}

function priorityFor(random: Random, scenario: Scenario | 'praise', customer: DemoCustomer) {
  if (scenario === 'praise') return 'low' as const;
  // A kind of problem leans towards a priority; the person triaging still decides.
  if (scenario.priority && random.chance(scenario.priority === 'urgent' ? 0.8 : 0.5))
    return scenario.priority;
  if (customer.lifecycleStatus === 'lost' && random.chance(0.3)) return 'high' as const;
  return random.weighted({ normal: 80, high: 10, low: 10 });
}

function weightedPicker<T extends { weight: number }>(random: Random, items: readonly T[]): () => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const item of items) cumulative.push((total += item.weight));
  return () => {
    const roll = random.next() * total;
    const index = cumulative.findIndex((c) => roll < c);
    return items[index === -1 ? items.length - 1 : index]!;
  };
}
