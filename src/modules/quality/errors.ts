import { defineErrors, type CodesOf } from '../../platform/errors.js';

export const qualityErrors = defineErrors({
  QUALITY_NOT_SCORED: { status: 404, title: 'This conversation has not been scored' },
  COACHING_TASK_NOT_FOUND: { status: 404, title: 'Coaching task not found' },
});

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends CodesOf<typeof qualityErrors> {}
}
