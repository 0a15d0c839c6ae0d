import { readFileSync } from 'node:fs';
import os from 'node:os';

export type MachineLoad = { loadAverage: number; cpuPressurePct?: number };

// Figures from a shared machine are only as good as the CPU this run actually got: the one-minute
// load average, and on Linux the share of the last minute in which runnable tasks waited for a
// CPU (pressure stall information), are printed beside them.
export function machineLoad(): MachineLoad {
  const loadAverage = Math.round(os.loadavg()[0]! * 100) / 100;
  try {
    const some = readFileSync('/proc/pressure/cpu', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('some'));
    const avg60 = some && /avg60=([\d.]+)/.exec(some)?.[1];
    return avg60 ? { loadAverage, cpuPressurePct: Number(avg60) } : { loadAverage };
  } catch {
    return { loadAverage };
  }
}

/** The V8 heap flags this process started with (as `earshot serve`: see bin/earshot.js). */
export const heapFlags = (): string[] =>
  process.execArgv.filter((a) => a.startsWith('--max-') || a.endsWith('-pretenuring'));

export const describeLoad = (l: MachineLoad) =>
  `load average ${l.loadAverage.toFixed(2)}${l.cpuPressurePct === undefined ? '' : `, CPU waited ${l.cpuPressurePct.toFixed(0)}% of the last minute`}`;
