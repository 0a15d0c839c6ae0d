import type { Logger } from 'pino';
import type { Config } from '../config/env.js';
import type { DbHandle } from '../db/client.js';
import { indexEnrichments } from '../platform/enrichment/define-enrichment.js';
import { indexRedirects } from '../platform/redirects/define-redirect.js';
import { indexReactions } from '../platform/events/define-reaction.js';
import { createDeps } from '../platform/create-deps.js';
import type { AppDeps } from '../platform/http/app-env.js';
import type { ModuleDefinition } from '../platform/modules/define-module.js';
import { modules } from './modules.js';

const reactions = indexReactions(modules.flatMap((m: ModuleDefinition) => m.reactions ?? []));
const enrichments = indexEnrichments(modules.flatMap((m: ModuleDefinition) => m.enrichments ?? []));
const redirects = indexRedirects(modules.flatMap((m: ModuleDefinition) => m.redirects ?? []));

/**
 * What every process of the application works with: the kernel's dependencies and every module's
 * reactions, enrichments and redirects.
 */
export const createAppDeps = (config: Config, handle: DbHandle, logger?: Logger): AppDeps =>
  createDeps(config, handle, reactions, logger, enrichments, redirects);
