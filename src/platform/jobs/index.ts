export { defineJob } from './define-job.js';
export type {
  AnyJobDefinition,
  JobContext,
  JobDefinition,
  JobInput,
  JobMeta,
  JobOptions,
  JobPayload,
  NoDeps,
  QueuePolicy,
  SendableJob,
} from './define-job.js';
export { createJobQueue } from './job-queue.js';
export type { JobQueue, JobQueueOptions, SendOptions, TransactionLike } from './job-queue.js';
export { JobPayloadError } from './parse-payload.js';
export { pendingJobKeys } from './pending-jobs.js';
export type { PayloadIssue } from './parse-payload.js';
