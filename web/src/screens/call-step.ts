// A phone call's step on the timeline (type `call`, written by the phone channel), said the way an
// agent reads it: "Call queued (Billing, position 3)", "Call on hold 2 minutes", "Call ended: hangup".

const duration = (seconds: unknown) => {
  if (typeof seconds !== 'number') return '';
  return seconds >= 90 ? ` ${Math.round(seconds / 60)} minutes` : ` ${seconds} seconds`;
};

export function describeCallStep(data: Record<string, unknown>, nameOf: (id: string) => string | undefined) {
  const agent = typeof data.agentId === 'string' ? (nameOf(data.agentId) ?? 'an agent') : null;
  switch (data.event) {
    case 'started':
      return `Call from ${String(data.from ?? 'an unknown number')}`;
    case 'queued': {
      const where = [data.queue, data.position !== undefined ? `position ${String(data.position)}` : null]
        .filter(Boolean)
        .join(', ');
      return `Call queued${where ? ` (${where})` : ''}`;
    }
    case 'ivr': {
      const parts = [`Phone menu${data.note ? ` "${String(data.note)}"` : ''}`];
      if (data.digits) parts.push(`keyed ${String(data.digits)}`);
      if (data.verified === true) parts.push('caller verified by account number');
      if (data.verified === false) parts.push('account number did not match');
      if (data.promiseReference) parts.push(`promise ${String(data.promiseReference)} resumed`);
      if (data.callbackPromiseId) parts.push('callback requested');
      if (data.callbackError) parts.push(`callback not recorded: ${String(data.callbackError)}`);
      return parts.join(' · ');
    }
    case 'answered':
      return agent ? `Call answered by ${agent}` : 'Call answered by the phone system (no person yet)';
    case 'hold':
      return `Call on hold${duration(data.durationSeconds)}`;
    case 'unhold':
      return 'Call taken off hold';
    case 'transfer': {
      const to = typeof data.toAgentId === 'string' ? nameOf(data.toAgentId) : data.queue;
      return `Call transferred${to ? ` to ${String(to)}` : ''}`;
    }
    case 'ended':
      return `Call ended: ${String(data.cause ?? 'completed')}, after${duration(data.durationSeconds)}${
        data.reachedHuman === false ? ' — no person answered' : ''
      }`;
    case 'recording':
      return 'Call recording available';
    case 'transcript':
      return `Call transcript received (${String(data.segments ?? 0)} segments)`;
    default:
      return `Call: ${String(data.event)}`;
  }
}
