import { AsyncLocalStorage } from 'node:async_hooks';
import type { Clock } from '#shared/clock.ts';

const contactTime = new AsyncLocalStorage<Date>();

/** Runs a Lambda the engine invokes at the contact's time, as a deployed one runs at the call's. */
export const atContactTime = <T>(at: Date, invoke: () => T): T => contactTime.run(at, invoke);

/**
 * The clock of the Lambdas the engine invokes, when the runtime gives them none of its own:
 * the time of the contact invoking them (a call placed at 02:00 is at 02:00 in its Lambdas
 * too), else the system's.
 */
export const contactClock: Clock = () => contactTime.getStore() ?? new Date();
