import { describe, expect, it } from 'vitest';
import { scoreTranscript } from './score-transcript.js';
import { chat, type Line } from './testing/transcripts.js';

// The customer's last request is still open when the conversation ends, one way or another.
const unanswered: Line[] = [
  ['customer', 'My internet keeps dropping every evening.'],
  ['agent', 'I ran a line test and it looks fine from here.'],
  ['customer', 'But it still drops every night around 8pm, what can you do about it?'],
];

describe('premature close', () => {
  it.each<[string, Line]>([
    ['closing the ticket', ['agent', "I'll go ahead and close this ticket now."]],
    ['marking it resolved', ['agent', "I've marked this as resolved. Anything else?"]],
    ['a chat that timed out', ['system', 'This chat has timed out due to inactivity.']],
    ['the agent leaving', ['system', 'The agent has left the chat.']],
    ['a sign-off', ['agent', 'Is there anything else I can help you with today? Take care!']],
    ['closing the case', ['agent', 'I will close the case on my side.']],
  ])('is flagged after %s', (_, last) => {
    const result = scoreTranscript(chat([...unanswered, last]));
    expect(result.flags.prematureClose).toBe(true);
    expect(result.evidence.some((e) => e.why === 'Closed without resolving the last request')).toBe(true);
  });

  it.each<[string, Line]>([
    [
      'a real next step',
      [
        'agent',
        'I will send an engineer on Thursday evening to test the line while it drops, and I will call you after.',
      ],
    ],
    ['a question that carries on', ['agent', 'Could you tell me which lights are on when it drops?']],
  ])('is not flagged after %s', (_, last) => {
    expect(scoreTranscript(chat([...unanswered, last])).flags.prematureClose).toBe(false);
  });

  it('is not flagged when the customer confirms the fix before the sign-off', () => {
    const fixed = chat([
      ...unanswered,
      ['agent', 'I have moved your line to a new port at the exchange; please restart the router.'],
      ['customer', 'Restarted it and it has stayed up all evening, thank you!'],
      ['agent', 'Great to hear. I will close this ticket now. Take care!'],
    ]);
    expect(scoreTranscript(fixed).flags.prematureClose).toBe(false);
  });
});
