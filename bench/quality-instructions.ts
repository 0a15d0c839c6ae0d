// Instructions a transcript for the quality engine, counted by callgrind, which a loaded machine does
// not disturb the way it disturbs CPU time. The engine is warmed up uninstrumented on 50 bench
// conversations (50 rounds, so the optimising compiler has settled), then instrumented for 2 rounds:
//   valgrind --tool=callgrind --instr-atstart=no --smc-check=all-non-file \
//     --callgrind-out-file=/tmp/quality.cg node --max-semi-space-size=32 --single-threaded \
//     --expose-gc --initial-old-space-size=512 --no-memory-reducer --import tsx bench/quality-instructions.ts
//   grep '^summary' /tmp/quality.cg.1     (instructions for 100 transcripts)
// The last three flags keep full collections out of the counted rounds: whether one fell inside
// them (with the recompiling of the regular expressions it flushes) moved the total by up to 15%
// from run to run; with them, runs of the same code agree within 0.3%. So the heap is collected in
// full after the warm-up (--expose-gc), followed by a few rounds to recompile what that flushed,
// and the old generation starts large enough not to fill during the count. The count is thus the
// engine's own work and its young-generation collections, not the full ones.
// With --reading after the script's name, only the engine's reading of the turns (readTurns) is run.
// Outside valgrind it just runs the same work.
import { spawnSync } from 'node:child_process';
import { readTurns, scoreTranscript } from '../src/engine/quality/index.js';
import { buildConversations } from './quality-conversations.js';

const WARM_ROUNDS = 50;
const SETTLE_ROUNDS = 10;
const MEASURED_ROUNDS = 2;
const batch = buildConversations(50);
const readingOnly = process.argv.includes('--reading');

const callgrind = (flag: string): void => {
  spawnSync('callgrind_control', [flag, String(process.pid)], { stdio: 'ignore' });
};

let total = 0;
const rounds = (count: number): void => {
  for (let round = 0; round < count; round += 1)
    for (const t of batch) total += readingOnly ? readTurns(t.turns).length : scoreTranscript(t).overall;
};
rounds(WARM_ROUNDS);
const { gc } = globalThis as { gc?: () => void };
if (gc) {
  gc();
  rounds(SETTLE_ROUNDS);
}
callgrind('--instr=on');
rounds(MEASURED_ROUNDS);
callgrind('--dump');
console.log(
  `${MEASURED_ROUNDS * batch.length} transcripts measured (${readingOnly ? 'turns read' : 'overall sum'} ${total})`,
);
