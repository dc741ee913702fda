/**
 * Memory growth as a slope: a straight line fitted by least squares through samples taken after a
 * full garbage collection. Unlike "end minus start" it uses every sample, so one unlucky sample (a
 * GC that left a buffer alive, a compiler burst) moves it little, and a steady leak shows as a
 * slope however noisy the individual samples are.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { getHeapCodeStatistics, setFlagsFromString, writeHeapSnapshot } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readHeapSnapshot } from './heap-snapshot-graph';

export interface MemorySample {
  /** Sessions completed when the sample was taken. */
  sessions: number;
  heapUsed: number;
  /**
   * Machine code and bytecode V8 keeps for the program's functions (with their metadata). It grows
   * for thousands of sessions as the optimizing compiler reaches functions that run once or twice
   * per session, and is bounded by the code that exists, not by the sessions served.
   */
  compiledCode: number;
  /** `heapUsed` less `compiledCode`: the objects the program holds, and V8's maps and feedback. */
  dataHeap: number;
  rss: number;
  external: number;
}

export type MemoryFigure = Exclude<keyof MemorySample, 'sessions'>;

export interface Slope {
  /** Bytes per session. */
  perSession: number;
  /** Standard error of the slope, bytes per session. */
  stderr: number;
  samples: number;
}

/** Least-squares slope of `ys` over `xs` with its standard error. */
export function leastSquaresSlope(xs: readonly number[], ys: readonly number[]): Slope {
  const n = Math.min(xs.length, ys.length);
  if (n < 3) throw new Error(`a slope needs at least 3 samples, got ${n}`);
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i] as number;
    my += ys[i] as number;
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    sxx += dx * dx;
    sxy += dx * ((ys[i] as number) - my);
  }
  if (sxx === 0) throw new Error('a slope needs samples at more than one x');
  const slope = sxy / sxx;
  let sse = 0;
  for (let i = 0; i < n; i++) {
    const r = (ys[i] as number) - my - slope * ((xs[i] as number) - mx);
    sse += r * r;
  }
  return { perSession: slope, stderr: Math.sqrt(sse / (n - 2) / sxx), samples: n };
}

/** The slope of one memory figure over the samples. */
export function memorySlope(samples: readonly MemorySample[], figure: MemoryFigure): Slope {
  return leastSquaresSlope(
    samples.map((s) => s.sessions),
    samples.map((s) => s[figure]),
  );
}

// Runs without --expose-gc (tsx, vitest workers): the flag is switched on here and gc() taken from
// a fresh context, which sees it.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Memory after a full collection (twice: the first may queue finalizers that free more). */
export function settledSample(sessions: number): MemorySample {
  gc();
  gc();
  const m = process.memoryUsage();
  const code = getHeapCodeStatistics();
  const compiledCode = code.code_and_metadata_size + code.bytecode_and_metadata_size;
  return {
    sessions,
    heapUsed: m.heapUsed,
    compiledCode,
    dataHeap: m.heapUsed - compiledCode,
    rss: m.rss,
    external: m.external,
  };
}

export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(2)} KiB`;
export const mib = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MiB`;

/**
 * The bytes of JS objects alive, from a heap snapshot (which collects garbage first): V8's compiled
 * code and its bookkeeping (maps, dependent-code lists, feedback), which come and go as the
 * optimizer works, are left out, so over a few hundred sessions this measures what the program
 * holds far more steadily than `heapUsed`. Takes a few seconds; the snapshot file goes to `dir` and
 * is deleted. Synchronous on purpose: nothing of the parsed snapshot outlives the call.
 */
export function jsObjectBytes(dir: string): number {
  const file = writeHeapSnapshot(path.join(dir, `objects-${process.pid}.heapsnapshot`));
  try {
    return readHeapSnapshot(file).jsObjectBytes();
  } finally {
    rmSync(file, { force: true });
  }
}
