// Reply and forward prefixes in the languages mail clients write them in (Re, Fwd, German AW/WG,
// Scandinavian SV/VS, French TR, Spanish RV), repeated or numbered ("Re[2]:"), in any case.
const prefix = /^\s*(?:re|fwd?|aw|wg|sv|vs|tr|rv)\s*(?:\[\d+\]|\(\d+\))?\s*:\s*/i;
const reference = /\[#(\d{1,9})\]/;

/** The subject as a person means it: without reply prefixes, our `[#n]` tag or spare spaces. */
export function normalizeSubject(subject: string | null): string {
  let rest = (subject ?? '').replace(reference, ' ');
  for (let before = ''; before !== rest;) {
    before = rest;
    rest = rest.replace(prefix, '');
  }
  return rest.replace(/\s+/g, ' ').trim();
}

/** The conversation number a subject refers to with `[#n]`, or null. */
export function subjectReference(subject: string | null): number | null {
  const match = reference.exec(subject ?? '');
  return match ? Number(match[1]) : null;
}
