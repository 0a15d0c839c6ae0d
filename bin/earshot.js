#!/usr/bin/env -S node --max-semi-space-size=32
// Runs the TypeScript sources directly: there is no build step to forget.
// V8's young generation may grow to 32 MB semi-spaces (16 by default): a server or worker allocates
// per request and per scored turn, and with twice the room most of that dies before a scavenge
// looks at it. V8 reads the flag only at start, so it is here and in `npm start` (and `npm run
// bench` runs under the same flag); `node bin/earshot.js` without it runs with V8's default.
// `env -S` (split the line into arguments) is in GNU coreutils since 8.30, FreeBSD and macOS.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
