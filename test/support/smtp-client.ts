import net from 'node:net';

export type SmtpReply = { code: number; text: string };
export type SmtpResult = { mailFrom: SmtpReply; rcpt: SmtpReply[]; data: SmtpReply | null; ehlo: SmtpReply };

/**
 * A deliberately small SMTP client for tests, so what goes over the wire is exactly known: the
 * message's bytes as given (bare LFs, 8-bit bytes and all), dot-stuffed, with a CRLF added only
 * when the message does not already end in one (the DATA terminator needs it).
 */
export async function sendSmtp(
  port: number,
  envelope: { from: string; to: string[]; size?: number },
  raw: Buffer,
): Promise<SmtpResult> {
  const socket = net.connect(port, '127.0.0.1');
  let buffered = '';
  const waiting: ((reply: SmtpReply) => void)[] = [];
  const ready: SmtpReply[] = [];
  socket.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('latin1');
    for (let end = buffered.indexOf('\r\n'), lines: string[] = []; end >= 0; end = buffered.indexOf('\r\n')) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      lines.push(line.slice(4));
      if (line[3] !== '-') {
        const reply = { code: Number(line.slice(0, 3)), text: lines.join('\n') };
        lines = [];
        const waiter = waiting.shift();
        if (waiter) waiter(reply);
        else ready.push(reply);
      }
    }
  });
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.on('error', () => undefined);
  const next = () =>
    new Promise<SmtpReply>((resolve) => {
      const early = ready.shift();
      if (early) resolve(early);
      else waiting.push(resolve);
    });
  const command = async (line: string) => {
    socket.write(`${line}\r\n`);
    return next();
  };
  await next();
  const ehlo = await command('EHLO tests.example');
  const mailFrom = await command(
    `MAIL FROM:<${envelope.from}>${envelope.size ? ` SIZE=${envelope.size}` : ''}`,
  );
  const rcpt: SmtpReply[] = [];
  if (mailFrom.code === 250) for (const to of envelope.to) rcpt.push(await command(`RCPT TO:<${to}>`));
  let data: SmtpReply | null = null;
  if (rcpt.some((r) => r.code === 250)) {
    const go = await command('DATA');
    if (go.code === 354) {
      const stuffed = raw.toString('latin1').replace(/(^|\n)\./g, '$1..');
      socket.write(Buffer.from(stuffed, 'latin1'));
      socket.write(stuffed.endsWith('\r\n') ? '.\r\n' : '\r\n.\r\n');
      data = await next();
    } else data = go;
  }
  socket.end('QUIT\r\n');
  await closed;
  return { ehlo, mailFrom, rcpt, data };
}

/** What the server stores for `raw` sent by sendSmtp: the bytes, with the CRLF DATA needs at the end. */
export const asReceivedOverSmtp = (raw: Buffer): Buffer =>
  raw.subarray(-2).toString('latin1') === '\r\n' ? raw : Buffer.concat([raw, Buffer.from('\r\n')]);
