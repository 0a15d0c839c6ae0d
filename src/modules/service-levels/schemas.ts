import { z } from '@hono/zod-openapi';
import { atLeastOneField, text } from '../../platform/http/input-schemas.js';
import { channels } from '../conversations/index.js';
import { targetKinds } from './schema.js';
import { isTimeZone, minutesOf, weekdays } from './working-time.js';

const priorities = ['low', 'normal', 'high', 'urgent'] as const;

// --- calendars ---

const clock = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be HH:MM, from 00:00 to 24:00')
  .openapi({ example: '09:00' });

const range = z
  .object({ day: z.enum(weekdays), from: clock, to: clock })
  .strict()
  .refine((r) => minutesOf(r.from) < minutesOf(r.to), { message: 'must end after it starts', path: ['to'] })
  .openapi('WorkingHoursInput');

const day = z.iso.date();

const holiday = z
  .object({ date: day, name: text({ min: 1, max: 200 }) })
  .strict()
  .openapi('HolidayInput');

const hoursList = z
  .array(range)
  .min(1, 'needs at least one range')
  .max(100)
  .openapi({ description: 'Several ranges a day make split shifts; "24:00" ends a day' });

const holidayList = z
  .array(holiday)
  .max(1000)
  .refine((list) => new Set(list.map((h) => h.date)).size === list.length, 'one holiday per date');

const timezone = z
  .string()
  .max(100)
  .refine(isTimeZone, 'must be an IANA time zone, such as Europe/Berlin')
  .openapi({ example: 'Europe/Berlin' });

const calendarFields = {
  name: text({ min: 1, max: 200 }),
  timezone,
  hours: hoursList,
  holidays: holidayList,
};

export const createCalendarBody = z
  .object({ ...calendarFields, holidays: holidayList.default([]) })
  .strict()
  .openapi('CreateCalendarInput');

export const updateCalendarBody = atLeastOneField(
  z
    .object({
      name: calendarFields.name.optional(),
      timezone: timezone.optional(),
      hours: hoursList.optional(),
      holidays: holidayList.optional().openapi({ description: 'Replaces the list' }),
    })
    .strict(),
).openapi('UpdateCalendarInput');

export const importHolidaysBody = z
  .object({
    country: z
      .string()
      .regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code')
      .openapi({ example: 'DE' }),
    state: z
      .string()
      .regex(/^[A-Za-z0-9]{1,3}$/, 'must be a region code, such as BY')
      .optional()
      .openapi({ description: 'A region with holidays of its own, such as BY in Germany' }),
    year: z.number().int().min(1970).max(2100),
  })
  .strict()
  .openapi('ImportHolidaysInput');

export const calendarSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    timezone: z.string(),
    hours: z.array(z.object({ day: z.enum(weekdays), from: z.string(), to: z.string() })),
    holidays: z.array(z.object({ date: z.string(), name: z.string() })),
    createdAt: z.string(),
  })
  .openapi('Calendar');

export const calendarListSchema = z.object({ data: z.array(calendarSchema) }).openapi('CalendarList');

export const importedHolidaysSchema = calendarSchema
  .extend({ imported: z.number().int().openapi({ description: 'Holidays added by this import' }) })
  .openapi('CalendarWithImport');

// --- policies ---

const appliesTo = z
  .object({
    teamId: z.uuid().optional(),
    priority: z.enum(priorities).optional(),
    channel: z.enum(channels).optional(),
  })
  .strict()
  .openapi('SlaPolicyScope', {
    description:
      'Every criterion named must match; none makes the default. The most specific match applies: team before priority before channel.',
  });

const seconds = z
  .number()
  .int()
  .min(1)
  .max(366 * 86_400);

const targets = z
  .object({
    firstHumanResponseSeconds: seconds.optional(),
    nextResponseSeconds: seconds.optional(),
    resolutionSeconds: seconds.optional(),
  })
  .strict()
  .refine((t) => Object.values(t).some((v) => v !== undefined), 'set at least one target')
  .openapi('SlaTargetsInput', { description: 'Working seconds in the calendar (clock time without one)' });

export const createPolicyBody = z
  .object({
    name: text({ min: 1, max: 200 }),
    appliesTo: appliesTo.default({}),
    targets,
    calendarId: z.uuid().optional(),
  })
  .strict()
  .openapi('CreateSlaPolicyInput');

export const updatePolicyBody = atLeastOneField(
  z
    .object({
      name: text({ min: 1, max: 200 }).optional(),
      appliesTo: appliesTo.optional(),
      targets: targets.optional().openapi({ description: 'Replaces all three' }),
      calendarId: z.uuid().nullable().optional().openapi({ description: 'null: clock time' }),
    })
    .strict(),
).openapi('UpdateSlaPolicyInput');

export const policySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    appliesTo: z.object({
      teamId: z.uuid().nullable(),
      priority: z.enum(priorities).nullable(),
      channel: z.enum(channels).nullable(),
    }),
    targets: z.object({
      firstHumanResponseSeconds: z.number().int().nullable(),
      nextResponseSeconds: z.number().int().nullable(),
      resolutionSeconds: z.number().int().nullable(),
    }),
    calendarId: z.uuid().nullable(),
    createdAt: z.string(),
  })
  .openapi('SlaPolicy');

export const policyListSchema = z.object({ data: z.array(policySchema) }).openapi('SlaPolicyList');

// --- what is breaching, and the report ---

export const breachingQuery = z
  .object({
    withinSeconds: z.coerce
      .number()
      .int()
      .min(0)
      .max(30 * 86_400)
      .default(3600),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export const breachingSchema = z
  .object({
    data: z.array(
      z.object({
        conversationId: z.uuid(),
        targetId: z.uuid(),
        kind: z.enum(targetKinds),
        policyId: z.uuid(),
        dueAt: z.string(),
      }),
    ),
  })
  .openapi('SlaBreachingSoon');

export const reportQuery = z
  .object({ from: day, to: day, policyId: z.uuid().optional() })
  .strict()
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] });

export const reportSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    targets: z.array(
      z.object({
        kind: z.enum(targetKinds),
        count: z.number().int(),
        met: z.number().int(),
        breached: z.number().int(),
        metShare: z.number().nullable(),
      }),
    ),
  })
  .openapi('SlaReport');
