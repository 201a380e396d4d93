import type { ContactCallLog } from '#shared/data/call-logs.repository.ts';
import { zonedInstant } from '#shared/hours.ts';
import { type DayCalendar, datesBetween, dayType } from '#shared/staffing/forecast.ts';
import { INTERVAL_MINUTES } from '#shared/staffing/intervals.ts';

/**
 * A synthetic call history for the forecast to learn from, drawn from a fixed seed so tests and
 * demos repeat: about `callsPerWeekday` calls asking for an agent on a weekday (fewer at
 * weekends and on holidays), peaking mid-morning and mid-afternoon, with a trickle at night
 * that reached the after-hours call-back offer. Every contact is a real call-log item shape.
 */
export interface CallHistoryOptions {
  readonly from: string;
  readonly to: string;
  readonly calendar: DayCalendar;
  readonly open: string;
  readonly close: string;
  readonly callsPerWeekday?: number;
  readonly seed?: number;
}

/** Relative arrivals per hour of the day (0-23): the shape of a public-service line. */
const HOURLY_SHAPE = [
  1, 1, 0.5, 0.5, 0.5, 1, 2, 5, 9, 11, 12, 11, 9, 9, 11, 10, 8, 6, 4, 3, 2.5, 2, 1.5, 1,
];
const DAY_TYPE_VOLUME = { weekday: 1, weekend: 0.55, holiday: 0.4 } as const;

/** mulberry32: small, fast and good enough for synthetic data. */
const random = (seed: number) => {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const poisson = (mean: number, next: () => number) => {
  // Knuth for small means, a rounded normal approximation for large ones.
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(next)));
  const limit = Math.exp(-mean);
  let count = 0;
  for (let product = next(); product > limit; product *= next()) count++;
  return count;
};

const gaussian = (next: () => number) =>
  Math.sqrt(-2 * Math.log(next() || 1e-12)) * Math.cos(2 * Math.PI * next());

export const callHistory = ({
  from,
  to,
  calendar,
  open,
  close,
  callsPerWeekday = 400,
  seed = 2026,
}: CallHistoryOptions): ContactCallLog[] => {
  const next = random(seed);
  const shapeTotal = HOURLY_SHAPE.reduce((sum, weight) => sum + weight, 0);
  const logs: ContactCallLog[] = [];
  for (const day of datesBetween(from, to)) {
    const volume = callsPerWeekday * DAY_TYPE_VOLUME[dayType(day, calendar)];
    const opensAt = zonedInstant(day, open, calendar.timeZone).getTime();
    const closesAt = zonedInstant(day, close, calendar.timeZone).getTime();
    const midnight = zonedInstant(day, '00:00', calendar.timeZone).getTime();
    for (let interval = 0; interval < (24 * 60) / INTERVAL_MINUTES; interval++) {
      const mean = (volume * (HOURLY_SHAPE[Math.floor(interval / 2)] ?? 0)) / shapeTotal / 2;
      for (let i = poisson(mean, next); i > 0; i--) {
        const initiated =
          midnight + (interval * INTERVAL_MINUTES + next() * INTERVAL_MINUTES) * 60_000;
        logs.push(
          contact(day, initiated, initiated >= opensAt && initiated < closesAt, next, logs.length),
        );
      }
    }
  }
  return logs;
};

const iso = (at: number) => new Date(at).toISOString();

const contact = (
  day: string,
  initiated: number,
  withinHours: boolean,
  next: () => number,
  index: number,
): ContactCallLog => {
  const base = {
    schemaVersion: 1 as const,
    contactId: `history-${day}-${index}`,
    channel: 'VOICE',
    initiationMethod: 'INBOUND',
    initiatedAt: iso(initiated),
    day,
    ivrPath: ['agent'],
    lastUpdatedAt: iso(initiated + 600_000),
    expiresAt: Math.floor(initiated / 1000) + 90 * 86_400,
  };
  if (!withinHours)
    return { ...base, outcome: 'CALLBACK_REQUESTED', disconnectedAt: iso(initiated + 60_000) };
  const enqueued = initiated + 45_000;
  const waited = Math.round(-25 * Math.log(next() || 1e-12));
  if (next() < 0.07)
    return {
      ...base,
      outcome: 'ABANDONED',
      queueName: 'General enquiries',
      enqueuedAt: iso(enqueued),
      dequeuedAt: iso(enqueued + waited * 1000),
      queueWaitSeconds: waited,
    };
  // Handle times: talk around three minutes with a long tail, a little hold and wrap-up.
  const talk = Math.round(180 * Math.exp(0.45 * gaussian(next)));
  const hold = next() < 0.2 ? Math.round(30 + 60 * next()) : 0;
  const wrap = Math.round(20 + 40 * next());
  return {
    ...base,
    outcome: 'ANSWERED',
    queueName: 'General enquiries',
    enqueuedAt: iso(enqueued),
    dequeuedAt: iso(enqueued + waited * 1000),
    queueWaitSeconds: waited,
    agentUsername: `agent${1 + Math.floor(next() * 12)}`,
    agentConnectedAt: iso(enqueued + waited * 1000),
    talkSeconds: talk,
    holdSeconds: hold,
    afterContactWorkSeconds: wrap,
    handleSeconds: talk + hold + wrap,
    durationSeconds: Math.round((enqueued - initiated) / 1000) + waited + talk + hold,
  };
};
