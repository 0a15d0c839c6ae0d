import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpDesk } from '../support/help-desk.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import {
  operationsOf,
  resolveSchema,
  type JsonSchema,
  type OpenApiDoc,
  type Operation,
} from '../support/openapi.js';

// Every route in the OpenAPI document, called with generated hostile ids, query strings and
// bodies: each answer is a success or a 4xx problem, never a 5xx. A route added later is fuzzed
// without anyone listing it. Replay a failure with FUZZ_SEED=<the printed seed>; FUZZ_RUNS sets
// the number of requests per route.
// CI replays one fixed seed, so a landing never depends on the draw; anywhere else each run
// explores a new one.
const seed = Number(
  process.env.FUZZ_SEED ?? (process.env.CI ? 20_261_202 : Math.floor(Math.random() * 2 ** 31)),
);
const runsPerRoute = Number(process.env.FUZZ_RUNS ?? 200);

let t: TestApp;
let key: string;
let doc: OpenApiDoc;
const realIds: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const ws = await t.workspace('Fuzzed');
  key = ws.apiKey;
  const desk = helpDesk(t.as(key));
  const customer = await desk.customer([{ type: 'email', value: 'fuzz@example.test' }]);
  const conversation = await desk.conversation({ customerId: customer.id, text: 'Where is my parcel?' });
  const team = await desk.team('Fuzzers', []);
  const member = await desk.member('agent');
  // The workspace's own ids, so generated requests reach past "not found" too. Not the API
  // key's id: revoking it would leave every later request a 401.
  realIds.push(customer.id, conversation.id, team.id, member.id);
  doc = (await t.request('GET', '/openapi.json')).json;
  console.info(`fuzz seed ${seed} (replay with FUZZ_SEED=${seed}), ${runsPerRoute} requests per route`);
}, 60_000);
afterAll(() => t.close());

const hostileStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '%00',
  '%',
  '%zz',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00.000Z',
  '2024-02-30T25:61:00Z',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '-1',
  '1e309',
  'NaN',
  '9223372036854775808',
  "'; DROP TABLE customers; --",
  '../../etc/passwd',
  '<script>alert(1)</script>',
  'x'.repeat(10_000),
];

const hostileString = fc.oneof(
  fc.constantFrom(...hostileStrings),
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('\u0000', '\ud800', '\udc00', 'a', '%', '\\', '"'), maxLength: 12 }),
);

const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(
    -1,
    0,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    2 ** 63,
    -(2 ** 63),
    1e308,
    0.5,
    100_000_000_000_001,
  ),
);

const anything: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 2 }),
);

const idLike = fc.oneof(
  fc.constantFrom(...[0, 1, 2, 3].map((i) => () => realIds[i]!)).map((f) => f()),
  fc.uuid(),
);

// Shaped like what the schema asks for, so requests get past the first check, with hostile
// values at the leaves and, now and then, anything at all in their place.
function shaped(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const s = resolveSchema(doc, schema);
  if (!s || depth > 4) return anything;
  const variants: fc.Arbitrary<unknown>[] = [];
  if (s.enum) variants.push(fc.constantFrom(...s.enum));
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  for (const type of types) {
    if (type === 'string') {
      if (s.format === 'uuid') variants.push(idLike);
      if (s.format === 'date-time')
        variants.push(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()));
      if (s.format === 'email') variants.push(fc.emailAddress());
      variants.push(hostileString);
    }
    if (type === 'integer' || type === 'number') variants.push(hostileNumber);
    if (type === 'boolean') variants.push(fc.boolean());
    if (type === 'null') variants.push(fc.constant(null));
    if (type === 'array') variants.push(fc.array(shaped(s.items, depth + 1), { maxLength: 3 }));
    if (type === 'object') {
      const props = Object.entries(s.properties ?? {});
      variants.push(
        props.length
          ? fc.record(Object.fromEntries(props.map(([name, p]) => [name, shaped(p, depth + 1)])), {
              requiredKeys: [],
            })
          : fc.dictionary(hostileString, anything, { maxKeys: 3 }),
      );
    }
  }
  for (const sub of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) {
    variants.push(shaped(sub, depth + 1));
  }
  if (!variants.length) return anything;
  return fc.oneof({ arbitrary: fc.oneof(...variants), weight: 5 }, { arbitrary: anything, weight: 1 });
}

// encodeURIComponent throws on a lone surrogate; a client can still send its three bytes.
const encodePathValue = (value: string): string =>
  value
    .split(/(\p{Cs})/u)
    .map((part) =>
      /^\p{Cs}$/u.test(part)
        ? [
            0xe0 | (part.charCodeAt(0) >> 12),
            0x80 | ((part.charCodeAt(0) >> 6) & 0x3f),
            0x80 | (part.charCodeAt(0) & 0x3f),
          ]
            .map((b) => `%${b.toString(16).toUpperCase()}`)
            .join('')
        : encodeURIComponent(part),
    )
    .join('');

type FuzzRequest = { path: string; query: string; body?: { raw: string } };

// A generated object may carry keys such as `toString` or `valueOf` that are not functions, which
// String() cannot turn into text; JSON can.
const asQueryText = (value: unknown): string =>
  typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');

function requestFor(op: Operation): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const pathValue = fc.oneof(
    { arbitrary: idLike, weight: 3 },
    { arbitrary: hostileString.filter((v) => v !== ''), weight: 2 },
  );
  const path = fc
    .tuple(...pathParams.map(() => pathValue))
    .map((values) =>
      pathParams.reduce((acc, p, i) => acc.replace(`{${p.name}}`, encodePathValue(values[i]!)), op.path),
    );
  const structuredQuery = fc
    .tuple(
      fc.record(Object.fromEntries(queryParams.map((p) => [p.name, shaped(p.schema).map(asQueryText)])), {
        requiredKeys: [],
      }),
      fc.option(fc.tuple(hostileString, hostileString), { nil: undefined }),
    )
    .map(([known, extra]) => {
      const params = new URLSearchParams(known as Record<string, string>);
      if (extra) params.append(...extra);
      return params.toString();
    });
  // Percent-escapes no URL encoder would write.
  const rawQuery = fc.constantFrom(
    '%',
    '%zz',
    'q=%ff%fe',
    'cursor=%00%00',
    'limit=1e999',
    'status=%ed%a0%80',
  );
  const query = fc.oneof({ arbitrary: structuredQuery, weight: 4 }, { arbitrary: rawQuery, weight: 1 });
  const bodySchema = op.requestBody?.content?.['application/json']?.schema;
  const body = bodySchema
    ? fc.oneof(
        { arbitrary: shaped(bodySchema).map((v) => ({ raw: JSON.stringify(v) ?? 'null' })), weight: 6 },
        // Escapes JSON.stringify would never produce from a JS string: lone surrogates, NULs.
        {
          arbitrary: fc
            .constantFrom('\\u0000', '\\ud800', '\\udc00x', '\\uDBFF\\uDBFF')
            .map((esc) => ({ raw: `{"name":"a${esc}","text":"${esc}","status":"${esc}"}` })),
          weight: 1,
        },
        { arbitrary: fc.string().map((raw) => ({ raw })), weight: 1 },
      )
    : fc.constant(undefined);
  return fc.record({ path, query, body });
}

describe('fuzzing every route in the OpenAPI document', () => {
  it('answers hostile ids, query strings and bodies with a success or a 4xx problem, never a 5xx', async () => {
    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThan(20);
    const started = Date.now();
    let requests = 0;
    const statuses = new Map<number, number>();
    for (const op of operations) {
      await fc.assert(
        fc.asyncProperty(requestFor(op), async (req) => {
          requests++;
          const url = req.query ? `${req.path}?${req.query}` : req.path;
          const res = await t.request(op.method.toUpperCase(), url, { key, raw: req.body?.raw });
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const where = `${op.method.toUpperCase()} ${url} ${req.body?.raw?.slice(0, 300) ?? ''} -> ${res.status} ${res.text.slice(0, 300)}`;
          expect(res.status, where).toBeLessThan(500);
          if (res.status >= 400) {
            expect(res.headers.get('content-type'), where).toMatch(/^application\/problem\+json/);
            expect(res.json?.code, where).toEqual(expect.any(String));
          }
        }),
        { seed, numRuns: runsPerRoute, endOnFailure: true },
      );
    }
    console.info(
      `fuzz: ${requests} requests over ${operations.length} routes in ${Date.now() - started} ms; answers ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
  }, 240_000);
});
