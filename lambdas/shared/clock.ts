/**
 * What time it is, as use cases see it. Deployed it is the system clock; the local runtime and
 * tests pass a clock they can fast-forward (local/clock.ts), so a 72-hour escalation runs in
 * seconds through the same code.
 *
 * @example
 * const createdAt = clock();
 */
export type Clock = () => Date;

/** The system clock. */
export const systemClock: Clock = () => new Date();
