/**
 * Half-hour intervals of a day and the shifts that cover them. Import-free, so the agent
 * desktop's supervisors' page draws planned staff with the same rule the forecast uses.
 */

export const INTERVAL_MINUTES = 30;
export const INTERVALS_PER_DAY = (24 * 60) / INTERVAL_MINUTES;

/** Minutes since midnight of an `HH:MM` clock time. */
export const minutes = (clock: string): number =>
  Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** `HH:MM` at which a half-hour interval (0-47) starts. */
export const intervalLabel = (interval: number): string =>
  `${String(Math.floor(interval / 2)).padStart(2, '0')}:${interval % 2 ? '30' : '00'}`;

/** The half-hour indexes a shift covers, wrapping past midnight (a night shift ends next morning). */
export const shiftIntervals = ({ start, end }: { start: string; end: string }): number[] => {
  const first = Math.floor(minutes(start) / INTERVAL_MINUTES);
  const length =
    ((minutes(end) - minutes(start) + 24 * 60) % (24 * 60) || 24 * 60) / INTERVAL_MINUTES;
  return Array.from({ length: Math.ceil(length) }, (_, i) => (first + i) % INTERVALS_PER_DAY);
};

/** Agents planned in each half hour of the day by a roster's shifts. */
export const plannedPerInterval = (
  shifts: readonly { start: string; end: string; planned: number }[],
): number[] => {
  const planned = new Array<number>(INTERVALS_PER_DAY).fill(0);
  for (const shift of shifts)
    for (const interval of shiftIntervals(shift))
      planned[interval] = (planned[interval] ?? 0) + shift.planned;
  return planned;
};
