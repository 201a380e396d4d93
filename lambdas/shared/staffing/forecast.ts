import { localTime } from '#shared/hours.ts';
import * as z from '#shared/zod.ts';
import { agentsNeeded, type ServiceTarget, type StaffingFigures } from './erlang.ts';
import {
  INTERVAL_MINUTES,
  INTERVALS_PER_DAY,
  intervalLabel,
  minutes,
  shiftIntervals,
} from './intervals.ts';

/**
 * Staffing from history: arrivals and handle times per half hour by day type, a forecast for
 * the coming days, agents per interval (Erlang C, or Erlang A with a patience) and per shift,
 * and what a roster costs.
 */

export const DayTypeSchema = z.enum(['weekday', 'weekend', 'holiday']);
export type DayType = z.infer<typeof DayTypeSchema>;

const Clock = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM'));

export const ShiftSchema = z.object({
  name: z.string().check(z.minLength(1)),
  start: Clock,
  /** May be before `start`: a night shift ends the next morning. */
  end: Clock,
  /** Agents planned on the shift, checked against the forecast. */
  agents: z.number().check(z.int(), z.nonnegative()),
});
export type Shift = z.infer<typeof ShiftSchema>;

export const StaffingConfigSchema = z
  .object({
    /** Share of paid time agents are not available for calls (breaks, training, absence). */
    shrinkage: z.number().check(z.gte(0), z.lt(1)),
    maxOccupancy: z.number().check(z.gt(0), z.lte(1)),
    /** Mean caller patience in queue; when set, staffing uses Erlang A. */
    patienceSeconds: z.optional(z.number().check(z.positive())),
    /** Cost of one agent-hour, in Kenya shillings. */
    agentHourCostKes: z.number().check(z.nonnegative()),
    /** Handle time assumed for intervals with no answered call in the history. */
    defaultAhtSeconds: z.number().check(z.positive()),
    /** The rosters to compare, e.g. today's 12 hours against 24 hours. */
    rosters: z.record(z.string(), z.array(ShiftSchema).check(z.minLength(1))),
    /**
     * The roster the centre works (a key of `rosters`): its shifts must cover the opening hours,
     * and a shift of it the forecast finds short is a warning at synth and in every plan.
     * @default the first roster
     */
    planned: z.optional(z.string().check(z.minLength(1))),
  })
  .check(
    z.refine(
      (config) => config.planned === undefined || config.planned in config.rosters,
      'staffing.planned must name one of staffing.rosters',
    ),
  );
export type StaffingConfig = z.infer<typeof StaffingConfigSchema>;

/** The name of the roster the centre works: `planned`, or the first. */
export const plannedRosterName = (config: Pick<StaffingConfig, 'rosters' | 'planned'>): string =>
  config.planned ?? Object.keys(config.rosters)[0] ?? '';

/** The call-log fields the forecast reads. */
export interface ForecastCallLog {
  readonly initiatedAt: string;
  readonly day: string;
  readonly initiationMethod: string;
  readonly enqueuedAt?: string;
  readonly ivrPath: readonly string[];
  readonly outcome: string;
  readonly handleSeconds?: number;
}

export interface DayCalendar {
  readonly timeZone: string;
  /** Public holidays, YYYY-MM-DD. */
  readonly holidays: ReadonlySet<string>;
}

export const dayType = (date: string, { holidays }: Pick<DayCalendar, 'holidays'>): DayType => {
  if (holidays.has(date)) return 'holiday';
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6 ? 'weekend' : 'weekday';
};

/** Half-hour index (0-47) of an instant in the centre's time zone. */
export const intervalOf = (at: Date, timeZone: string): number => {
  return Math.floor(localTime(at, timeZone).minuteOfDay / INTERVAL_MINUTES);
};

/**
 * Calls that asked for an agent: callers who dialled in and reached a queue, or asked for an
 * agent after hours (the demand a longer day would have to answer).
 */
const askedForAgent = (log: ForecastCallLog) =>
  log.initiationMethod === 'INBOUND' &&
  (log.enqueuedAt !== undefined || log.ivrPath.includes('agent'));

export interface IntervalDemand {
  /** Average calls offered to agents in this half hour on a day of this type. */
  readonly calls: number;
  readonly ahtSeconds: number;
}

export type DemandProfile = Record<DayType, IntervalDemand[]>;

const IntervalDemandSchema = z.object({
  calls: z.number().check(z.nonnegative()),
  ahtSeconds: z.number().check(z.positive()),
});
const DayDemandSchema = z.array(IntervalDemandSchema).check(z.length(INTERVALS_PER_DAY));
/** A demand profile as a file holds it (data/demand-profile.json, CDK's staffing check). */
export const DemandProfileSchema = z.object({
  weekday: DayDemandSchema,
  weekend: DayDemandSchema,
  holiday: DayDemandSchema,
});

/**
 * Average demand per half hour for each day type over the days in `history` (every day from
 * `from` to `to`, including days without calls: a quiet day pulls the average down).
 */
export const demandProfile = (
  logs: readonly ForecastCallLog[],
  days: readonly string[],
  calendar: DayCalendar,
  defaultAhtSeconds: number,
): DemandProfile => {
  const daysOfType: Record<DayType, number> = { weekday: 0, weekend: 0, holiday: 0 };
  for (const day of days) daysOfType[dayType(day, calendar)]++;
  const empty = () =>
    Array.from({ length: INTERVALS_PER_DAY }, () => ({ calls: 0, handle: 0, answered: 0 }));
  const sums: Record<DayType, ReturnType<typeof empty>> = {
    weekday: empty(),
    weekend: empty(),
    holiday: empty(),
  };
  const inRange = new Set(days);
  for (const log of logs) {
    if (!inRange.has(log.day) || !askedForAgent(log)) continue;
    const cell =
      sums[dayType(log.day, calendar)][intervalOf(new Date(log.initiatedAt), calendar.timeZone)];
    if (!cell) continue;
    cell.calls++;
    if (log.outcome === 'ANSWERED' && log.handleSeconds !== undefined) {
      cell.handle += log.handleSeconds;
      cell.answered++;
    }
  }
  const profile = (type: DayType): IntervalDemand[] =>
    sums[type].map((cell) => ({
      calls: daysOfType[type] === 0 ? 0 : cell.calls / daysOfType[type],
      ahtSeconds: cell.answered === 0 ? defaultAhtSeconds : cell.handle / cell.answered,
    }));
  return { weekday: profile('weekday'), weekend: profile('weekend'), holiday: profile('holiday') };
};

/** Every date from `from` to `to` inclusive (YYYY-MM-DD). */
export const datesBetween = (from: string, to: string): string[] => {
  const dates: string[] = [];
  for (let at = new Date(`${from}T00:00:00Z`); at <= new Date(`${to}T00:00:00Z`); ) {
    dates.push(at.toISOString().slice(0, 10));
    at = new Date(at.getTime() + 86_400_000);
  }
  return dates;
};

export interface IntervalPlan extends StaffingFigures {
  readonly date: string;
  readonly dayType: DayType;
  readonly interval: string;
  readonly forecastCalls: number;
  readonly ahtSeconds: number;
  /** Agents to schedule so that `agents` are on calls after shrinkage. */
  readonly scheduled: number;
}

export interface ShiftPlan {
  readonly name: string;
  readonly start: string;
  readonly end: string;
  readonly planned: number;
  /** The most agents any of its half hours needs scheduled. */
  readonly needed: number;
  readonly agentHours: number;
  /** True when the planned agents cannot meet the target in some half hour. */
  readonly short: boolean;
}

export interface RosterPlan {
  readonly name: string;
  /** The roster the centre works (`staffing.planned`), not only one compared. */
  readonly planned: boolean;
  readonly shifts: ShiftPlan[];
  /** Agent-hours and cost per day, with each shift staffed at what it needs. */
  readonly agentHoursPerDay: number;
  readonly costPerDayKes: number;
  /** Forecast calls per day that fall outside every shift (after-hours self-service, call-backs). */
  readonly uncoveredCallsPerDay: number;
}

export interface StaffingPlan {
  readonly from: string;
  readonly to: string;
  readonly target: ServiceTarget;
  readonly intervals: IntervalPlan[];
  readonly rosters: RosterPlan[];
  readonly warnings: string[];
}

/** Agents per half hour for each forecast day, and what each roster needs and costs. */
export const staffingPlan = ({
  profile,
  dates,
  calendar,
  target,
  config,
}: {
  readonly profile: DemandProfile;
  readonly dates: readonly string[];
  readonly calendar: DayCalendar;
  readonly target: ServiceTarget;
  readonly config: StaffingConfig;
}): StaffingPlan => {
  const fullTarget = {
    ...target,
    maxOccupancy: Math.min(target.maxOccupancy ?? 1, config.maxOccupancy),
  };
  const intervals = dates.flatMap((date) => {
    const type = dayType(date, calendar);
    return profile[type].map((demand, index): IntervalPlan => {
      const figures = agentsNeeded(
        {
          calls: demand.calls,
          intervalSeconds: INTERVAL_MINUTES * 60,
          ahtSeconds: demand.ahtSeconds,
          ...(config.patienceSeconds !== undefined && { patienceSeconds: config.patienceSeconds }),
        },
        fullTarget,
      );
      return {
        date,
        dayType: type,
        interval: intervalLabel(index),
        forecastCalls: demand.calls,
        ahtSeconds: demand.ahtSeconds,
        ...figures,
        scheduled: Math.ceil(figures.agents / (1 - config.shrinkage)),
      };
    });
  });
  const warnings: string[] = [];
  const days = Math.max(dates.length, 1);
  const plannedName = plannedRosterName(config);
  const rosters = Object.entries(config.rosters).map(([name, shifts]): RosterPlan => {
    const planned = name === plannedName;
    const covered = new Set(shifts.flatMap(shiftIntervals));
    const shiftPlans = shifts.map((shift): ShiftPlan => {
      const own = new Set(shiftIntervals(shift));
      const needed = Math.max(
        0,
        ...intervals
          .filter((plan) => own.has(minutes(plan.interval) / INTERVAL_MINUTES))
          .map((plan) => plan.scheduled),
      );
      const hours = (own.size * INTERVAL_MINUTES) / 60;
      const short = shift.agents < needed;
      if (short)
        warnings.push(
          `${planned ? 'Planned roster ' : ''}${name}: the ${shift.name} shift (${shift.start}-${shift.end}) plans ${shift.agents} agents; the forecast needs ${needed} to answer ${Math.round(target.serviceLevel * 100)} % within ${target.withinSeconds} s`,
        );
      return {
        name: shift.name,
        start: shift.start,
        end: shift.end,
        planned: shift.agents,
        needed,
        agentHours: needed * hours,
        short,
      };
    });
    const agentHoursPerDay = shiftPlans.reduce((sum, shift) => sum + shift.agentHours, 0);
    const uncovered = intervals
      .filter((plan) => !covered.has(minutes(plan.interval) / INTERVAL_MINUTES))
      .reduce((sum, plan) => sum + plan.forecastCalls, 0);
    return {
      name,
      planned,
      shifts: shiftPlans,
      agentHoursPerDay,
      costPerDayKes: agentHoursPerDay * config.agentHourCostKes,
      uncoveredCallsPerDay: uncovered / days,
    };
  });
  return {
    from: dates[0] ?? '',
    to: dates.at(-1) ?? '',
    target: fullTarget,
    intervals,
    rosters,
    warnings,
  };
};
