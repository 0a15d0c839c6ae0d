import { displayUrl } from '../platform/runtime/display-url.js';
import type { CliContext } from './cli-context.js';

// Where `earshot serve` listens, for the hints commands print: as the running server reported
// it, or as this configuration would start it.
export const serverUrl = (ctx: CliContext): string => {
  if (ctx.serverUrl) return ctx.serverUrl;
  const { host, port } = ctx.config();
  return displayUrl(host, port);
};
