import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type QualityFigures = {
  transcriptsPerSecond: number;
  tokenisePerSecond: number;
  ratio: number;
  real?: { ratio: number };
};
export type QualityResult = QualityFigures | { skipped: string };

// The quality engine's own benchmark lives in quality-bench.ts; this only runs it when present,
// so the rest of the report does not depend on it.
export async function qualitySection(): Promise<QualityResult> {
  const file = fileURLToPath(new URL('./quality-bench.ts', import.meta.url));
  if (!existsSync(file)) return { skipped: 'bench/quality-bench.ts not present' };
  try {
    // A computed specifier, so type-checking does not require the file to exist.
    const specifier = './quality-bench.js';
    const mod = (await import(specifier)) as { runQualityBench?: () => Promise<QualityFigures> };
    if (typeof mod.runQualityBench !== 'function')
      return { skipped: 'bench/quality-bench.ts exports no runQualityBench()' };
    return await mod.runQualityBench();
  } catch (error) {
    return { skipped: `quality bench failed: ${(error as Error).message}` };
  }
}
