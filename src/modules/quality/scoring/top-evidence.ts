import type { QualityScoreRow } from './present-score.js';

type Evidence = QualityScoreRow['evidence'][number];

const SCORED = new Set(['empathy', 'listening', 'apologyFit', 'repeatAsk', 'clarity']);

// What a reviewer should read first: evidence for the weakest criteria. Road, resolution and
// sentiment evidence records what the customer was put through, so it leads.
export function topEvidence(
  row: Pick<QualityScoreRow, 'evidence' | 'empathy' | 'listening' | 'apologyFit' | 'repeatAsk' | 'clarity'>,
  count = 2,
): Evidence[] {
  const weight = (e: Evidence) => (SCORED.has(e.criterion) ? (row[e.criterion as 'empathy'] ?? 100) : -1);
  return row.evidence
    .map((e, i) => ({ e, i }))
    .sort((a, b) => weight(a.e) - weight(b.e) || a.i - b.i)
    .slice(0, count)
    .map(({ e }) => e);
}
