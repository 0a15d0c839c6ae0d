// Vitest global setup: the web app is built once for the whole run when web/ changed, never per
// test file (the end-to-end tests serve web/dist through the real HTTP edge).
import { ensureWebBuild } from '../../tools/web/ensure-web-build.js';

export default function setup() {
  ensureWebBuild({ quiet: true });
}
