import { GCProfiler, type GCProfilerResult } from 'node:v8';

type Stats = GCProfilerResult['statistics'][number];
type Side = Stats['beforeGC'];

const used = (side: Side, space: string) =>
  side.heapSpaceStatistics.find((s) => s.spaceName === space)?.spaceUsedSize ?? 0;
// Where a scavenge's survivors and the pretenured objects go: the old generation and its large objects.
const old = (side: Side) => used(side, 'old_space') + used(side, 'large_object_space');
const young = (side: Side) => used(side, 'new_space') + used(side, 'new_large_object_space');

/*
 * What the collector did over a stretch of work, in figures a loaded machine disturbs little: how
 * many scavenges and full collections, and the bytes behind them. Bytes made in the young
 * generation, bytes that survived a scavenge there (copied) or left it for the old generation
 * (promoted), and bytes V8 made in the old generation directly (pretenured: allocation sites whose
 * objects it saw survive) are counted from the heap's spaces before and after each collection.
 * Pauses are wall-clock time, which a busy machine stretches: read them beside the counts.
 * The bytes surviving a scavenge are counted whole and spread over the units, so that figure also
 * holds what survives every scavenge whatever the work (the runtime's, the work in flight: about
 * 150 kB a scavenge behind the message API), and a few scavenges that keep far more than the rest
 * swing it; the median and the largest a scavenge tell the steady state from such bursts.
 */
export function profileGc() {
  const profiler = new GCProfiler();
  profiler.start();
  return {
    stop(units: number) {
      const { statistics } = profiler.stop();
      const figures = {
        scavenges: 0,
        fullCollections: 0,
        scavengePauseMs: 0,
        scavengePauseMaxMs: 0,
        fullPauseMs: 0,
        youngAllocated: 0,
        youngSurvived: 0,
        promoted: 0,
        pretenured: 0,
      };
      const survivedEach: number[] = [];
      let previous: Side | undefined;
      for (const gc of statistics) {
        const ms = gc.cost / 1000;
        if (previous) {
          figures.youngAllocated += Math.max(0, young(gc.beforeGC) - young(previous));
          figures.pretenured += Math.max(0, old(gc.beforeGC) - old(previous));
        }
        if (gc.gcType === 'Scavenge') {
          figures.scavenges++;
          figures.scavengePauseMs += ms;
          figures.scavengePauseMaxMs = Math.max(figures.scavengePauseMaxMs, ms);
          figures.youngSurvived += young(gc.afterGC);
          survivedEach.push(young(gc.afterGC));
          figures.promoted += Math.max(0, old(gc.afterGC) - old(gc.beforeGC));
        } else if (gc.gcType === 'MarkSweepCompact') {
          figures.fullCollections++;
          figures.fullPauseMs += ms;
        }
        previous = gc.afterGC;
      }
      const round = (n: number) => Math.round(n * 10) / 10;
      return {
        scavenges: figures.scavenges,
        fullCollections: figures.fullCollections,
        scavengePauseMs: round(figures.scavengePauseMs),
        scavengePauseMaxMs: round(figures.scavengePauseMaxMs),
        fullPauseMs: round(figures.fullPauseMs),
        // Per unit of work (a message): between the first collection and the last.
        youngAllocatedBytesPerUnit: Math.round(figures.youngAllocated / units),
        youngSurvivedBytesPerUnit: Math.round(figures.youngSurvived / units),
        youngSurvivedMedianBytesPerScavenge: median(survivedEach),
        youngSurvivedMaxBytesPerScavenge: Math.max(0, ...survivedEach),
        promotedBytesPerUnit: Math.round(figures.promoted / units),
        pretenuredBytesPerUnit: Math.round(figures.pretenured / units),
      };
    },
  };
}

function median(values: number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}
