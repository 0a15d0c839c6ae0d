// Instructions for one cold pass of the quality engine: the bench's 400 conversations and the
// evaluation sets, each scored once in a fresh process, so whatever the engine keeps by text starts
// empty (the warm count, bench/quality-instructions.ts, repeats the same 50 conversations):
//   valgrind --tool=callgrind --instr-atstart=no --smc-check=all-non-file \
//     --callgrind-out-file=/tmp/quality-cold.cg node --single-threaded --import tsx bench/quality-cold.ts
//   grep '^summary' /tmp/quality-cold.cg.1     (instructions for the whole pass)
import { spawnSync } from 'node:child_process';
import { scoreTranscript, type Transcript } from '../src/engine/quality/index.js';
import { buildConversations, evalConversations } from './quality-conversations.js';

const transcripts: Transcript[] = [...buildConversations(400), ...evalConversations()];
const callgrind = (flag: string): void => {
  spawnSync('callgrind_control', [flag, String(process.pid)], { stdio: 'ignore' });
};

let total = 0;
callgrind('--instr=on');
for (const t of transcripts) total += scoreTranscript(t).overall;
callgrind('--dump');
console.log(`${transcripts.length} transcripts scored once (overall sum ${total})`);
