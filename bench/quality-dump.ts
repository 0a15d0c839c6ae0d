// Every score the quality engine gives, one JSON line each: the bench's 400 conversations, then the
// written evaluation set, then each real call as human and as ASR transcript. A speed change must
// leave this output byte-identical:
//   npx tsx bench/quality-dump.ts > before.jsonl   (change)   npx tsx bench/quality-dump.ts | cmp before.jsonl
import { scoreTranscript, type Transcript } from '../src/engine/quality/index.js';
import { buildConversations, evalConversations } from './quality-conversations.js';

const transcripts: Transcript[] = [...buildConversations(400), ...evalConversations()];
for (const transcript of transcripts)
  process.stdout.write(`${JSON.stringify(scoreTranscript(transcript))}\n`);
