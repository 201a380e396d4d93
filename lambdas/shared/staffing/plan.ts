import type { CallLogRepository } from '#shared/data/call-logs.repository.ts';
import type { ServiceTarget } from './erlang.ts';
import {
  type DayCalendar,
  type DemandProfile,
  datesBetween,
  demandProfile,
  plannedRosterName,
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
  const { profile, historyCalls } = await demandFromCallLogs(
    callLogs,
    { from, historyDays },
    context,
  );
  return {
    ...staffingPlan({ ...context, profile, dates: datesBetween(from, to) }),
    historyCalls,
  };
};

/** The demand per half hour and day type of the `historyDays` before `from` (one query per day). */
export const demandFromCallLogs = async (
  callLogs: Pick<CallLogRepository, 'listByDay'>,
  { from, historyDays }: Pick<PlanRequest, 'from' | 'historyDays'>,
  context: {
    readonly calendar: DayCalendar;
    readonly config: Pick<StaffingConfig, 'defaultAhtSeconds'>;
  },
): Promise<{ readonly profile: DemandProfile; readonly historyCalls: number }> => {
  const history = datesBetween(addDays(from, -historyDays), addDays(from, -1));
  const logs = (await Promise.all(history.map((day) => callLogs.listByDay(day)))).flat();
  return {
    profile: demandProfile(logs, history, context.calendar, context.config.defaultAhtSeconds),
    historyCalls: logs.length,
  };
};

/** A day of each type (2001-01-01 a Monday, taken as the holiday), for checks without a calendar. */
const ONE_DAY_OF_EACH_TYPE = {
  dates: ['2001-01-01', '2001-01-02', '2001-01-06'],
  holiday: '2001-01-01',
};

/**
 * What the forecast says of the roster the centre works: a warning for each of its shifts that
 * cannot meet the target on a weekday, at a weekend or on a public holiday of `profile` (CDK
 * annotates the synth with them).
 */
export const plannedRosterWarnings = ({
  profile,
  config,
  target,
  timeZone,
}: {
  readonly profile: DemandProfile;
  readonly config: StaffingConfig;
  readonly target: ServiceTarget;
  readonly timeZone: string;
}): string[] => {
  const name = plannedRosterName(config);
  const shifts = config.rosters[name];
  if (!shifts) return [];
  return staffingPlan({
    profile,
    dates: ONE_DAY_OF_EACH_TYPE.dates,
    calendar: { timeZone, holidays: new Set([ONE_DAY_OF_EACH_TYPE.holiday]) },
    target,
    config: { ...config, rosters: { [name]: shifts }, planned: name },
  }).warnings;
};
