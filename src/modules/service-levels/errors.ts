import { defineErrors, type CodesOf } from '../../platform/errors.js';

export const serviceLevelErrors = defineErrors({
  CALENDAR_NOT_FOUND: { status: 404, title: 'Calendar not found' },
  CALENDAR_NAME_TAKEN: { status: 409, title: 'A calendar with this name exists' },
  CALENDAR_IN_USE: { status: 409, title: 'The calendar is used by a service-level policy' },
  SLA_POLICY_NOT_FOUND: { status: 404, title: 'Service-level policy not found' },
  SLA_POLICY_SCOPE_TAKEN: { status: 409, title: 'Another policy applies to exactly the same conversations' },
});

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends CodesOf<typeof serviceLevelErrors> {}
}
