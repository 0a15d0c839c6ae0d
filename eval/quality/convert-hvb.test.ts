import { describe, expect, it } from 'vitest';
import { toTranscript } from './convert-hvb.js';

const call = {
  sid: 'x',
  tasks: [{ task_type: 'check balance' }],
  caller_survey: {},
  agent_survey: {},
  turns: [
    {
      speaker_role: 'agent' as const,
      human_transcript: 'hello how can i help',
      transcript: 'hello',
      start_ms: 5000,
    },
    {
      speaker_role: 'caller' as const,
      human_transcript: 'my address is',
      transcript: 'my dress is',
      start_ms: 9000,
    },
    { speaker_role: 'caller' as const, human_transcript: '', transcript: 'uh', start_ms: 8000 },
    {
      speaker_role: 'caller' as const,
      human_transcript: 'four two one',
      transcript: 'for two one',
      start_ms: 7000,
    },
  ],
};

describe('toTranscript (Harper Valley Bank call to the transcript format)', () => {
  it('keeps each recorded segment as a turn, in source order, with roles mapped', () => {
    const t = toTranscript(call, 'hvb-999', 'human_transcript');
    expect(t.turns.map((x) => [x.role, x.text])).toEqual([
      ['agent', 'hello how can i help'],
      ['customer', 'my address is'],
      ['customer', 'four two one'],
    ]);
  });

  it('drops empty segments only for the text that is empty, and never lets times run backwards', () => {
    const asr = toTranscript(call, 'hvb-999', 'transcript');
    expect(asr.turns).toHaveLength(4);
    const times = asr.turns.map((x) => x.at);
    expect(times).toEqual([0, 4000, 4000, 4000]);
  });
});
