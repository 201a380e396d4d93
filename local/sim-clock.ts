import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Clock } from '#shared/clock.ts';

/** Where `npm run clock` and the local runtime share the clock's offset (git-ignored). */
export const CLOCK_FILE = '.local/clock.json';

/** The offset (ms) of the shared local clock from real time; 0 when never moved. */
export const readClockOffset = (file = CLOCK_FILE): number => {
  try {
    const { offsetMs } = JSON.parse(readFileSync(file, 'utf8')) as { offsetMs?: unknown };
    return typeof offsetMs === 'number' && Number.isFinite(offsetMs) ? offsetMs : 0;
  } catch {
    return 0;
  }
};

export const writeClockOffset = (offsetMs: number, file = CLOCK_FILE): void => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ offsetMs })}\n`);
};

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `+25h`, `+90m`, `+3d` (or with `-`): a duration in ms; undefined when not one. */
export const parseShift = (text: string): number | undefined => {
  const match = /^([+-])(\d+(?:\.\d+)?)([mhd])$/.exec(text.trim());
  if (!match) return undefined;
  const [, sign, amount, unit] = match as unknown as [string, string, string, keyof typeof UNIT_MS];
  return (sign === '-' ? -1 : 1) * Number(amount) * UNIT_MS[unit];
};

/**
 * A clock the local runtime and tests move by hand. `flowing` clocks run on with real time
 * from where they were set (the local runtime); still ones move only when told (tests).
 */
export class SimulatedClock {
  private base: number;
  private readonly realAtBase: number;
  private readonly flowing: boolean;

  constructor(start: Date = new Date(), flowing = false) {
    this.base = start.getTime();
    this.realAtBase = Date.now();
    this.flowing = flowing;
  }

  /** Now, as a Clock for use cases. */
  readonly now: Clock = () => new Date(this.nowMs());

  nowMs(): number {
    return this.flowing ? this.base + (Date.now() - this.realAtBase) : this.base;
  }

  /** Moves to an instant (never backwards). */
  set(at: number): void {
    const now = this.nowMs();
    if (at > now) this.base += at - now;
  }

  /** The offset from real time, as `npm run clock` writes it. */
  offsetMs(): number {
    return this.nowMs() - Date.now();
  }
}
