// Writes the API's OpenAPI document to a file (default .tmp/openapi.json), built from the same
// route definitions the server serves, for linting and for client generators.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildApp } from '../../src/app/build-app.js';
import { parseConfig } from '../../src/config/env.js';
import { openPglite } from '../../src/db/client.js';
import { createAppDeps } from '../../src/app/create-app-deps.js';

const out = path.resolve(process.argv[2] ?? '.tmp/openapi.json');
const handle = await openPglite();
try {
  const config = parseConfig({
    LOG_LEVEL: 'silent',
    SESSION_SECRET: 'x'.repeat(40),
    EARSHOT_DATA_DIR: '/unused',
  });
  const res = await buildApp(createAppDeps(config, handle)).request('/api/v1/openapi.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(await res.json(), null, 2) + '\n');
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
} finally {
  await handle.close();
}
