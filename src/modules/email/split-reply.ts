// Separates what the customer just wrote from the history their mail client quoted below it and
// from their signature, so agents and the quality engine read the new words only; the caller keeps
// the full text beside it. Mail clients mark the history in a few ways, tried here line by line:
// an attribution ("On <date>, <name> wrote:", wrapped or not, in several languages), an Outlook
// header block ("From: … Sent: …", often under a rule of underscores), a "-----Original
// Message-----" divider, or a block of ">"-quoted lines that runs to the end.

const attribution = [
  /^\s*On\b.*\bwrote:\s*$/i,
  /^\s*Am\b.*\bschrieb\b.*:\s*$/i,
  /^\s*Le\b.*\ba\s+écrit\s*:\s*$/i,
  /^\s*El\b.*\bescribió\s*:\s*$/i,
  /^\s*Op\b.*\bschreef\b.*:\s*$/i,
  /^\s*(?:Den|På)\b.*\bskrev\b.*:\s*$/i,
  /^\s*Il\b.*\bha\s+scritto\s*:\s*$/i,
];
const divider =
  /^\s*-{2,}\s*(?:Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original|Forwarded message|Weitergeleitete Nachricht)\s*-{2,}/i;
const headerFrom = /^\s*\*?(?:From|Von|De|Van|Från|Fra|Da)\s*:\*?\s+\S/i;
const headerSent =
  /^\s*\*?(?:Sent|Date|Gesendet|Datum|Envoyé|Enviado|Verzonden|Skickat|Sendt|Inviato)\s*:\*?\s+\S/i;
const rule = /^\s*_{10,}\s*$/;
const signature = /^--\s?$/;
const mobileFooter =
  /^\s*(?:Sent from my \w|Sent from (?:Mail|Outlook) for|Get Outlook for|Von meinem \w.* gesendet|Envoyé de mon \w)/i;

function quoteStart(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const joined = `${line} ${lines[i + 1] ?? ''}`;
    if (attribution.some((re) => re.test(line))) return i;
    // Gmail wraps a long attribution over two lines.
    if (/^\s*(?:On|Am|Le|El)\b/i.test(line) && attribution.some((re) => re.test(joined))) return i;
    if (divider.test(line)) return i;
    if (headerFrom.test(line) && lines.slice(i + 1, i + 4).some((l) => headerSent.test(l))) {
      return i > 0 && rule.test(lines[i - 1]!) ? i - 1 : i;
    }
    if (/^\s*>/.test(line) && lines.slice(i).every((l) => !l.trim() || /^\s*>/.test(l))) return i;
  }
  return lines.length;
}

export type SplitReply = { text: string; quoted: boolean; signature: boolean };

export function splitReply(full: string): SplitReply {
  const lines = full.replace(/\r\n?/g, '\n').split('\n');
  const cut = quoteStart(lines);
  let kept = lines.slice(0, cut);
  const sig = kept.findIndex((l) => signature.test(l));
  if (sig >= 0) kept = kept.slice(0, sig);
  while (kept.length && !kept.at(-1)!.trim()) kept.pop();
  const footer = kept.length > 0 && mobileFooter.test(kept.at(-1)!);
  if (footer) kept.pop();
  const text = kept.join('\n').trim();
  // Everything looked quoted (a bare forward, say): nothing is hidden rather than everything.
  if (!text) return { text: full.trim(), quoted: false, signature: false };
  return { text, quoted: cut < lines.length, signature: sig >= 0 || footer };
}
