import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { registerScoreCommand } from './score.js';
import { runScore } from './score-stream.js';

const collect = () => {
  const chunks: string[] = [];
  return {
    write: (s: string) => chunks.push(s),
    text: () => chunks.join(''),
    lines: () => chunks.join('').split('\n').filter(Boolean),
  };
};

const transcript = (id: string) => ({
  id,
  channel: 'chat',
  turns: [
    { role: 'customer', text: 'My parcel has not arrived.' },
    { role: 'agent', text: "I'm sorry about that. I've sent a replacement by express delivery." },
  ],
});

const run = async (input: string) => {
  const stdout = collect();
  const stderr = collect();
  const code = await runScore({ input: Readable.from([input]), stdout, stderr });
  return { code, stdout, stderr };
};

describe('runScore', () => {
  it('scores JSON Lines in input order, one compact line each', async () => {
    const input = ['a', 'b', 'c'].map((id) => JSON.stringify(transcript(id))).join('\n');
    const { code, stdout, stderr } = await run(`${input}\n`);
    expect(code).toBe(0);
    expect(stderr.text()).toBe('');
    const results = stdout.lines().map((line) => JSON.parse(line) as { id: string; overall: number });
    expect(results.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(stdout.lines().every((line) => !line.includes('\n') && !line.includes('  '))).toBe(true);
  });

  it('reports a bad line with its number and field path, scores the rest and exits 1', async () => {
    const bad = {
      ...transcript('x'),
      turns: [
        { role: 'customer', text: 'hi' },
        { role: 'robot', text: 'beep' },
      ],
    };
    const input = [
      JSON.stringify(transcript('a')),
      '',
      JSON.stringify(bad),
      '{not json',
      JSON.stringify(transcript('d')),
    ].join('\n');
    const { code, stdout, stderr } = await run(input);
    expect(code).toBe(1);
    expect(stdout.lines().map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['a', 'd']);
    expect(stderr.lines()[0]).toBe(
      'line 3: turns.1.role: Invalid option: expected one of "customer"|"agent"|"bot"|"system"',
    );
    expect(stderr.lines()[1]).toMatch(/^line 4: invalid JSON: /);
  });

  it('reads a whole pretty-printed file as one transcript', async () => {
    const { code, stdout } = await run(JSON.stringify(transcript('pretty'), null, 2));
    expect(code).toBe(0);
    expect(stdout.lines()).toHaveLength(1);
    expect(JSON.parse(stdout.lines()[0]!)).toMatchObject({ id: 'pretty', road: expect.any(Number) });
  });

  it('names the field of a schema error in a pretty-printed file', async () => {
    const { code, stderr } = await run(
      JSON.stringify({ channel: 'chat', turns: [{ role: 'agent', text: 'hi' }], extra: 1 }, null, 2),
    );
    expect(code).toBe(1);
    expect(stderr.text()).toBe('line 1: extra: Unrecognized key: "extra"\n');
  });

  it('exits 0 for empty input', async () => {
    const { code, stdout, stderr } = await run('');
    expect([code, stdout.text(), stderr.text()]).toEqual([0, '', '']);
  });
});

describe('earshot score <file>', () => {
  const dir = mkdtempSync(join(tmpdir(), 'earshot-score-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const program = () => {
    const stdout = collect();
    const stderr = collect();
    const root = new Command('earshot')
      .exitOverride()
      .configureOutput({ writeOut: stdout.write, writeErr: stderr.write });
    registerScoreCommand(root);
    return { root, stdout, stderr };
  };

  it('scores a file through the registered command', async () => {
    const file = join(dir, 'calls.jsonl');
    writeFileSync(file, `${JSON.stringify(transcript('f1'))}\n${JSON.stringify(transcript('f2'))}\n`);
    const { root, stdout } = program();
    await root.parseAsync(['score', file], { from: 'user' });
    expect(stdout.lines()).toHaveLength(2);
  });

  it('fails with exit code 1 when any transcript failed, after scoring the others', async () => {
    const file = join(dir, 'mixed.jsonl');
    writeFileSync(file, `${JSON.stringify(transcript('ok'))}\n{"channel":"chat"}\n`);
    const { root, stdout, stderr } = program();
    await expect(root.parseAsync(['score', file], { from: 'user' })).rejects.toMatchObject({ exitCode: 1 });
    expect(stdout.lines()).toHaveLength(1);
    expect(stderr.text()).toMatch(/^line 2: turns: /);
  });

  it('explains a missing file', async () => {
    const { root } = program();
    await expect(root.parseAsync(['score', join(dir, 'nope.json')], { from: 'user' })).rejects.toThrow(
      /cannot read .*nope\.json/,
    );
  });
});
