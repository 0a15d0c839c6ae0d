import { loadDemo } from '../../../seed/load-demo.js';
import type { AppDeps } from '../../http/app-env.js';

export const loadDemoData = (deps: AppDeps, args: { workspace?: string }) =>
  loadDemo(deps, { workspaceId: args.workspace });
