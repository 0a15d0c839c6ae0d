import { expect } from 'vitest';
import type { TestApp } from './test-app.js';

type Api = ReturnType<TestApp['as']>;

let serial = 0;

// Drives the help desk through its public API, as an agent's client would.
export function helpDesk(api: Api) {
  return {
    async customer(identities: { type: string; value: string }[] = []) {
      const res = await api.post('/customers', { name: 'Dana Reyes', identities });
      expect(res.status, res.text).toBe(201);
      return res.json as { id: string };
    },
    async conversation(options: {
      customerId: string;
      channel?: string;
      text: string;
      assigneeId?: string;
      teamId?: string;
    }) {
      const res = await api.post('/conversations', {
        customerId: options.customerId,
        channel: options.channel ?? 'chat',
        message: { text: options.text },
        ...(options.assigneeId ? { assigneeId: options.assigneeId } : {}),
        ...(options.teamId ? { teamId: options.teamId } : {}),
      });
      expect(res.status, res.text).toBe(201);
      return res.json as { id: string; displayId: number };
    },
    async say(conversationId: string, role: 'agent' | 'customer' | 'bot', text: string, internal = false) {
      const res = await api.post(`/conversations/${conversationId}/messages`, {
        role,
        text,
        ...(internal ? { internal } : {}),
      });
      expect(res.status, res.text).toBe(201);
    },
    async verify(conversationId: string, method = 'security_questions') {
      const res = await api.post(`/conversations/${conversationId}/verify`, { method });
      expect(res.status, res.text).toBe(200);
    },
    async status(conversationId: string, status: string) {
      const res = await api.post(`/conversations/${conversationId}/status`, { status });
      expect(res.status, res.text).toBe(200);
    },
    async member(role: string, name = role) {
      const res = await api.post('/users', {
        email: `${role}-${++serial}-${Date.now()}@example.test`,
        name,
        role,
      });
      expect(res.status, res.text).toBe(201);
      return res.json as { id: string };
    },
    /** An open quote in a conversation: due in two days, valid for one. */
    async quote(conversationId: string, ownerId: string, terms = 'Two licences at 40 a month') {
      const res = await api.post('/promises', {
        conversationId,
        type: 'quote',
        ownerId,
        dueAt: new Date(Date.now() + 48 * 3_600_000).toISOString(),
        expiresAt: new Date(Date.now() + 24 * 3_600_000).toISOString(),
        terms,
      });
      expect(res.status, res.text).toBe(201);
      return res.json as { id: string; reference: string; referenceDigits: string };
    },
    async team(name: string, memberIds: string[]) {
      const team = await api.post('/teams', { name });
      expect(team.status, team.text).toBe(201);
      for (const userId of memberIds) {
        const added = await api.post(`/teams/${team.json.id}/members`, { userId });
        expect(added.status, added.text).toBe(200);
      }
      return team.json as { id: string };
    },
  };
}
