import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { slaDesk } from './test-fixtures.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ workers: true });
}, 60_000);
afterAll(async () => t?.close(), 60_000);

const WEEK = 7 * 86_400;
const splitShifts = [
  { day: 'mon', from: '08:00', to: '12:00' },
  { day: 'mon', from: '14:00', to: '24:00' },
  { day: 'sat', from: '10:00', to: '14:00' },
];

describe('calendars', () => {
  it('are created, read, changed and deleted, with split shifts and holidays', async () => {
    const d = await slaDesk(t);
    const created = await d.api.post('/calendars', {
      name: 'Berlin office',
      timezone: 'Europe/Berlin',
      hours: splitShifts,
      holidays: [
        { date: '2026-12-26', name: 'Second day of Christmas' },
        { date: '2026-12-25', name: 'Christmas' },
      ],
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({
      name: 'Berlin office',
      timezone: 'Europe/Berlin',
      hours: splitShifts,
    });
    // Kept in date order.
    expect(created.json.holidays.map((h: { date: string }) => h.date)).toEqual(['2026-12-25', '2026-12-26']);
    const id = created.json.id as string;

    expect((await d.api.get(`/calendars/${id}`)).json).toEqual(created.json);
    expect((await d.api.get('/calendars')).json.data).toEqual([created.json]);
    const changed = await d.api.patch(`/calendars/${id}`, { timezone: 'America/New_York', holidays: [] });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.json).toMatchObject({ name: 'Berlin office', timezone: 'America/New_York', holidays: [] });

    const twin = await d.api.post('/calendars', {
      name: 'berlin OFFICE',
      timezone: 'UTC',
      hours: splitShifts,
    });
    expect(twin.status).toBe(409);
    expect(twin.json.code).toBe('CALENDAR_NAME_TAKEN');

    // In use by a policy: kept until the policy moves on.
    const policy = await d.policy({ name: 'Office', targets: { resolutionSeconds: 3600 }, calendarId: id });
    const refused = await d.api.delete(`/calendars/${id}`);
    expect(refused.status).toBe(409);
    expect(refused.json.code).toBe('CALENDAR_IN_USE');
    expect(
      (await d.api.patch(`/sla-policies/${policy.id}`, { calendarId: null })).json.calendarId,
    ).toBeNull();
    expect((await d.api.delete(`/calendars/${id}`)).status).toBe(204);
    expect((await d.api.get(`/calendars/${id}`)).status).toBe(404);
  });

  it('import public holidays by country and region, once', async () => {
    const d = await slaDesk(t);
    const calendar = await d.calendar({
      hours: splitShifts,
      holidays: [{ date: '2026-12-25', name: 'Our own Christmas' }],
    });
    const imported = await d.api.post(`/calendars/${calendar.id}/holidays/import`, {
      country: 'de',
      year: 2026,
    });
    expect(imported.status, imported.text).toBe(200);
    const dates = imported.json.holidays.map((h: { date: string }) => h.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates).toEqual(expect.arrayContaining(['2026-01-01', '2026-10-03', '2026-12-25', '2026-12-26']));
    // The date it had keeps its name; observances (Valentine's Day) are not days off.
    expect(imported.json.holidays).toContainEqual({ date: '2026-12-25', name: 'Our own Christmas' });
    expect(dates).not.toContain('2026-02-14');
    expect(imported.json.imported).toBe(dates.length - 1);

    const again = await d.api.post(`/calendars/${calendar.id}/holidays/import`, {
      country: 'DE',
      year: 2026,
    });
    expect(again.json.imported).toBe(0);
    // Bavaria adds Epiphany.
    const bavaria = await d.api.post(`/calendars/${calendar.id}/holidays/import`, {
      country: 'DE',
      state: 'BY',
      year: 2026,
    });
    expect(bavaria.json.holidays.map((h: { date: string }) => h.date)).toContain('2026-01-06');

    for (const [body, field] of [
      [{ country: 'XX', year: 2026 }, 'country'],
      [{ country: 'DE', state: 'ZZ', year: 2026 }, 'state'],
      [{ country: 'Germany', year: 2026 }, 'country'],
      [{ country: 'DE', year: 1066 }, 'year'],
    ] as const) {
      const res = await d.api.post(`/calendars/${calendar.id}/holidays/import`, body);
      expect(res.status, res.text).toBe(400);
      expect(res.json.invalid_params.map((p: { name: string }) => p.name)).toContain(field);
    }
  });

  it('refuse hours, zones and holidays that make no sense', async () => {
    const d = await slaDesk(t);
    const base = { name: 'Bad', timezone: 'UTC', hours: splitShifts };
    const refused = [
      [{ ...base, timezone: 'Mars/Olympus' }, 'timezone'],
      [{ ...base, hours: [] }, 'hours'],
      [{ ...base, hours: [{ day: 'mon', from: '17:00', to: '09:00' }] }, 'hours.0.to'],
      [{ ...base, hours: [{ day: 'mon', from: '09:00', to: '24:30' }] }, 'hours.0.to'],
      [{ ...base, hours: [{ day: 'funday', from: '09:00', to: '17:00' }] }, 'hours.0.day'],
      [{ ...base, hours: [{ day: 'mon', from: '9', to: '17:00' }] }, 'hours.0.from'],
      [{ ...base, holidays: [{ date: '2026-02-30', name: 'No such day' }] }, 'holidays.0.date'],
      [
        {
          ...base,
          holidays: [
            { date: '2026-12-25', name: 'A' },
            { date: '2026-12-25', name: 'B' },
          ],
        },
        'holidays',
      ],
    ] as const;
    for (const [body, field] of refused) {
      const res = await d.api.post('/calendars', body);
      expect(res.status, `${field}: ${res.text}`).toBe(400);
      expect(res.json.invalid_params.map((p: { name: string }) => p.name)).toContain(field);
    }
    expect(
      (await d.api.patch(`/calendars/${(await d.calendar({ hours: splitShifts })).id}`, {})).status,
    ).toBe(400);
  });
});

describe('policies', () => {
  it('are created, read, changed and deleted; two cannot claim the same conversations', async () => {
    const d = await slaDesk(t);
    const team = await d.desk.team('Support', []);
    const calendar = await d.calendar({ hours: splitShifts });
    const body = {
      name: 'Urgent support',
      appliesTo: { teamId: team.id, priority: 'urgent' },
      targets: { firstHumanResponseSeconds: 60, nextResponseSeconds: 300, resolutionSeconds: 14_400 },
      calendarId: calendar.id,
    };
    const created = await d.api.post('/sla-policies', body);
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({
      name: 'Urgent support',
      appliesTo: { teamId: team.id, priority: 'urgent', channel: null },
      targets: body.targets,
      calendarId: calendar.id,
    });
    const id = created.json.id as string;
    expect((await d.api.get(`/sla-policies/${id}`)).json).toEqual(created.json);
    expect((await d.api.get('/sla-policies')).json.data).toEqual([created.json]);

    const clash = await d.api.post('/sla-policies', { ...body, name: 'Twin' });
    expect(clash.status).toBe(409);
    expect(clash.json.code).toBe('SLA_POLICY_SCOPE_TAKEN');

    const changed = await d.api.patch(`/sla-policies/${id}`, {
      appliesTo: { priority: 'urgent' },
      targets: { resolutionSeconds: 7200 },
    });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.json).toMatchObject({
      appliesTo: { teamId: null, priority: 'urgent', channel: null },
      targets: { firstHumanResponseSeconds: null, nextResponseSeconds: null, resolutionSeconds: 7200 },
    });
    expect((await d.api.delete(`/sla-policies/${id}`)).status).toBe(204);
    expect((await d.api.get(`/sla-policies/${id}`)).status).toBe(404);
    expect((await d.api.delete(`/sla-policies/${id}`)).status).toBe(404);
  });

  it('refuse bad targets, criteria and references', async () => {
    const d = await slaDesk(t);
    const targets = { resolutionSeconds: 3600 };
    const missing = '00000000-0000-4000-8000-000000000000';
    const refused = [
      [{ name: 'x', targets: {} }, 'targets'],
      [{ name: 'x', targets: { resolutionSeconds: 0 } }, 'targets.resolutionSeconds'],
      [{ name: 'x', targets: { resolutionSeconds: 1.5 } }, 'targets.resolutionSeconds'],
      [{ name: 'x', targets, appliesTo: { priority: 'whenever' } }, 'appliesTo.priority'],
      [{ name: 'x', targets, appliesTo: { channel: 'fax' } }, 'appliesTo.channel'],
      [{ name: '', targets }, 'name'],
    ] as const;
    for (const [body, field] of refused) {
      const res = await d.api.post('/sla-policies', body);
      expect(res.status, `${field}: ${res.text}`).toBe(400);
      expect(res.json.invalid_params.map((p: { name: string }) => p.name)).toContain(field);
    }
    const noTeam = await d.api.post('/sla-policies', { name: 'x', targets, appliesTo: { teamId: missing } });
    expect(noTeam.status).toBe(404);
    expect(noTeam.json.invalid_params).toEqual([{ name: 'appliesTo.teamId', reason: expect.any(String) }]);
    const noCalendar = await d.api.post('/sla-policies', { name: 'x', targets, calendarId: missing });
    expect(noCalendar.status).toBe(404);
    expect(noCalendar.json.code).toBe('CALENDAR_NOT_FOUND');
  });
});

describe('access', () => {
  it('keeps every route to its own workspace', async () => {
    const a = await slaDesk(t, 'Alpha');
    const b = await slaDesk(t, 'Beta');
    const team = await a.desk.team('Alpha team', []);
    const calendar = await a.calendar({ hours: splitShifts });
    const policy = await a.policy({
      name: 'Alpha',
      appliesTo: { teamId: team.id },
      targets: { firstHumanResponseSeconds: 600 },
      calendarId: calendar.id,
    });
    const conversation = await a.open({ teamId: team.id });
    // The calendar opens on Mondays and Saturdays only, so the target falls due up to five days
    // from now, whatever day the test runs: a week's window holds it.
    expect((await a.api.get(`/sla/breaching?withinSeconds=${WEEK}`)).json.data).toHaveLength(1);

    const other = b.api;
    expect((await other.get(`/calendars/${calendar.id}`)).status).toBe(404);
    expect((await other.patch(`/calendars/${calendar.id}`, { name: 'Mine' })).status).toBe(404);
    expect((await other.delete(`/calendars/${calendar.id}`)).status).toBe(404);
    expect(
      (await other.post(`/calendars/${calendar.id}/holidays/import`, { country: 'DE', year: 2026 })).status,
    ).toBe(404);
    expect((await other.get('/calendars')).json.data).toEqual([]);
    expect((await other.get(`/sla-policies/${policy.id}`)).status).toBe(404);
    expect((await other.patch(`/sla-policies/${policy.id}`, { name: 'Mine' })).status).toBe(404);
    expect((await other.delete(`/sla-policies/${policy.id}`)).status).toBe(404);
    expect((await other.get('/sla-policies')).json.data).toEqual([]);
    // Another workspace's team or calendar cannot be named.
    const borrowed = await other.post('/sla-policies', {
      name: 'Borrowed',
      appliesTo: { teamId: team.id },
      targets: { resolutionSeconds: 60 },
    });
    expect(borrowed.status).toBe(404);
    const borrowedCalendar = await other.post('/sla-policies', {
      name: 'Borrowed',
      targets: { resolutionSeconds: 60 },
      calendarId: calendar.id,
    });
    expect(borrowedCalendar.status).toBe(404);
    expect((await other.get(`/sla/breaching?withinSeconds=${WEEK}`)).json.data).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    const report = await other.get(`/reports/sla?from=${today}&to=${today}`);
    expect(report.json.targets.every((x: { count: number }) => x.count === 0)).toBe(true);
    expect((await other.get(`/conversations/${conversation}`)).status).toBe(404);
    // Alpha's settings are untouched.
    expect((await a.api.get(`/sla-policies/${policy.id}`)).json.name).toBe('Alpha');
  });

  it('lets agents read; supervisors and up manage; reports for supervisors, not agents', async () => {
    const d = await slaDesk(t);
    const keyFor = async (role: string) =>
      t.as((await d.api.post('/api-keys', { name: role, role })).json.key);
    const agent = await keyFor('agent');
    const supervisor = await keyFor('supervisor');
    const calendar = await d.calendar({ hours: splitShifts });
    const policy = await d.policy({ name: 'Default', targets: { resolutionSeconds: 3600 } });
    const today = new Date().toISOString().slice(0, 10);

    for (const path of [
      '/calendars',
      `/calendars/${calendar.id}`,
      '/sla-policies',
      `/sla-policies/${policy.id}`,
      '/sla/breaching',
    ]) {
      expect((await agent.get(path)).status, path).toBe(200);
    }
    const writes = [
      () => agent.post('/calendars', { name: 'Agent hours', timezone: 'UTC', hours: splitShifts }),
      () => agent.patch(`/calendars/${calendar.id}`, { name: 'Mine' }),
      () => agent.delete(`/calendars/${calendar.id}`),
      () => agent.post(`/calendars/${calendar.id}/holidays/import`, { country: 'DE', year: 2026 }),
      () =>
        agent.post('/sla-policies', {
          name: 'Agent',
          appliesTo: { channel: 'email' },
          targets: { resolutionSeconds: 60 },
        }),
      () => agent.patch(`/sla-policies/${policy.id}`, { name: 'Mine' }),
      () => agent.delete(`/sla-policies/${policy.id}`),
      () => agent.get(`/reports/sla?from=${today}&to=${today}`),
    ];
    for (const write of writes) expect((await write()).status).toBe(403);

    const made = await supervisor.post('/sla-policies', {
      name: 'Email',
      appliesTo: { channel: 'email' },
      targets: { resolutionSeconds: 60 },
    });
    expect(made.status, made.text).toBe(201);
    expect((await supervisor.patch(`/calendars/${calendar.id}`, { name: 'Supervised' })).status).toBe(200);
    expect((await supervisor.get(`/reports/sla?from=${today}&to=${today}`)).status).toBe(200);
    expect((await d.api.get(`/sla-policies/${policy.id}`)).json.name).toBe('Default');
  });
});
