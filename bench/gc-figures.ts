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
        promotedBytesPerUnit: Math.round(figures.promoted / units),
        pretenuredBytesPerUnit: Math.round(figures.pretenured / units),
      };
    },
  };
}
