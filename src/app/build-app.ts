import { fileURLToPath } from 'node:url';
import { authenticateStaff } from '../modules/identity/index.js';
import type { AppDeps } from '../platform/http/app-env.js';
import { createHttpApp } from '../platform/http/create-http-app.js';
import { modules } from './modules.js';
import type { ModuleDefinition } from '../platform/modules/define-module.js';

// The HTTP app: every module's routes on the kernel's edge. Kept apart from the server, so tests
// call it in-process.
export function buildApp(deps: AppDeps) {
  return createHttpApp(deps, {
    routers: modules.flatMap((m: ModuleDefinition) => (m.routes ? [m.routes(deps)] : [])),
    pages: modules.flatMap((m: ModuleDefinition) => (m.pages ? [m.pages(deps)] : [])),
    staff: authenticateStaff(deps),
    // Mail providers post whole raw emails to the email channel's inbound route.
    bodyLimits: { 'message/rfc822': deps.config.mailMaxBytes },
    visitorSockets: modules.flatMap((m: ModuleDefinition) =>
      m.visitorSockets ? [m.visitorSockets(deps)] : [],
    ),
    webRoot: fileURLToPath(new URL('../../web/dist', import.meta.url)),
  });
}

export type App = ReturnType<typeof buildApp>;
