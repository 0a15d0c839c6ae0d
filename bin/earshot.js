#!/usr/bin/env -S node --max-semi-space-size=32 --no-allocation-site-pretenuring
// Runs the TypeScript sources directly: there is no build step to forget.
// V8's young generation may grow to 32 MB semi-spaces (16 by default): a server or worker allocates
// per request and per scored turn, and with twice the room most of that dies before a scavenge
// looks at it. Allocation-site pretenuring is off: under fifty concurrent requests V8 saw a request's
// objects outlive a scavenge and began making them in the old generation, where each, dead, kept
// the young objects it pointed to alive through every scavenge until the next full collection
// (bytes surviving a scavenge per message 12.0k → 5.5k, full collections 3 → 2 per 8,000 messages:
// bench/message-cost.ts --gc). V8 reads the flags only at start, so they are here and in `npm
// start` (and `npm run bench` runs under them); `node bin/earshot.js` without them runs with V8's
// defaults.
// `env -S` (split the line into arguments) is in GNU coreutils since 8.30, FreeBSD and macOS.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
