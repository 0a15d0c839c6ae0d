import { loadDemo } from './load-demo.js';
import type { AppDeps } from '../platform/http/app-env.js';

export const loadDemoData = (deps: AppDeps, args: { workspace?: string }) =>
  loadDemo(deps, { workspaceId: args.workspace });
