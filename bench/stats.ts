/** Percentile of a sample (nearest-rank). */
export const percentile = (samples: readonly number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
};

/**
 * Times two operations turn about, so both see the same machine load, JIT state and engine
 * caches; returns milliseconds per run of each.
 */
export const measurePair = async (
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  iterations: number,
  warmup = 50,
): Promise<[number[], number[]]> => {
  const samplesA: number[] = [];
  const samplesB: number[] = [];
  for (let i = 0; i < warmup + iterations; i++) {
    const startA = performance.now();
    await a();
    const startB = performance.now();
    await b();
    const end = performance.now();
    if (i >= warmup) {
      samplesA.push(startB - startA);
      samplesB.push(end - startB);
    }
  }
  return [samplesA, samplesB];
};

export const ms = (value: number): string => `${value.toFixed(2)} ms`;

const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : undefined;

/**
 * BENCH_ONLY=<regex>: whether the comparison (or burst) named `name` runs. Its setup (bookings
 * made in advance, a day of contacts, proofs granted) is made only when it does, so a filtered
 * run costs only what it measures.
 */
export const benchWanted = (name: string): boolean => !only || only.test(name);
