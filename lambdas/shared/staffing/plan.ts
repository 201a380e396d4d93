import type { CallLogRepository } from '#shared/data/call-logs.repository.ts';
import type { ServiceTarget } from './erlang.ts';
import {
  type DayCalendar,
  datesBetween,
  demandProfile,
  type StaffingConfig,
  type StaffingPlan,
  staffingPlan,
} from './forecast.ts';

const DAY_MS = 86_400_000;

/** The date `days` after (or before) a YYYY-MM-DD date. */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

export interface PlanRequest {
  readonly from: string;
  readonly to: string;
  /** Days of history before `from` the demand is averaged over. */
  readonly historyDays: number;
}

/** At most this many days planned, and of history read, per request (one query per day). */
export const MAX_PLAN_DAYS = 31;
export const MAX_HISTORY_DAYS = 91;

/**
 * A staffing plan from the call logs: the demand of the `historyDays` before `from` (one query
 * per day on the day index), forecast for every day from `from` to `to`.
 */
export const planFromCallLogs = async (
  callLogs: Pick<CallLogRepository, 'listByDay'>,
  { from, to, historyDays }: PlanRequest,
  context: {
    readonly calendar: DayCalendar;
    readonly config: StaffingConfig;
    readonly target: ServiceTarget;
  },
): Promise<StaffingPlan & { readonly historyCalls: number }> => {
  const history = datesBetween(addDays(from, -historyDays), addDays(from, -1));
  const logs = (await Promise.all(history.map((day) => callLogs.listByDay(day)))).flat();
  const profile = demandProfile(logs, history, context.calendar, context.config.defaultAhtSeconds);
  return {
    ...staffingPlan({ ...context, profile, dates: datesBetween(from, to) }),
    historyCalls: logs.length,
  };
};
