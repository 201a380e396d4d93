import { Stack, TimeZone } from 'aws-cdk-lib';
import { Schedule } from 'aws-cdk-lib/aws-applicationautoscaling';
import type { Alias } from 'aws-cdk-lib/aws-lambda';
import type { IConstruct } from 'constructs';

/**
 * Provisioned concurrency for the functions a caller waits on (flows, USSD, conversations): how
 * many execution environments Lambda keeps initialised on their `live` alias, by the contact
 * centre's opening hours. Application Auto Scaling's scheduled actions move it; nothing pings.
 */
export interface WarmSchedule {
  /** Initialised environments per function while the centre is open. */
  readonly duringHours: number;
  /** Per function while it is closed (0: none; the IVR still answers, cold). */
  readonly outsideHours: number;
  /** Minutes before opening that the environments are asked for (provisioning takes minutes). */
  readonly leadMinutes: number;
  /** The opening hours, HH:MM in `timeZone` (the environment's `hours`). */
  readonly open: string;
  readonly close: string;
  readonly timeZone: string;
}

const schedules = new WeakMap<Stack, WarmSchedule>();

/** Every function of `stack` invoked through its live alias gets this schedule (none: not warmed). */
export const warmFunctionsIn = (stack: Stack, schedule: WarmSchedule | undefined): void => {
  if (schedule) schedules.set(stack, schedule);
};

/** The schedule the stack of `scope` warms its caller-facing functions on, if any. */
export const warmScheduleOf = (scope: IConstruct): WarmSchedule | undefined =>
  schedules.get(Stack.of(scope));

/** `HH:MM` less `minutes`, as a daily cron schedule (wrapping past midnight). */
const dailyAt = (time: string, minutesBefore = 0): Schedule => {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const at = (((hours * 60 + minutes - minutesBefore) % 1440) + 1440) % 1440;
  return Schedule.cron({ hour: String(Math.floor(at / 60)), minute: String(at % 60) });
};

/** Whether the hours are around the clock (00:00-24:00): always open, nothing to schedule. */
const aroundTheClock = ({ open, close }: WarmSchedule) => open === '00:00' && close === '24:00';

/**
 * Scales the alias's provisioned concurrency: `duringHours` from `leadMinutes` before opening,
 * `outsideHours` from closing, every day in the centre's time zone; around the clock,
 * `duringHours` all the time.
 */
export const warmOnSchedule = (alias: Alias, schedule: WarmSchedule): void => {
  if (aroundTheClock(schedule)) {
    alias.addAutoScaling({ minCapacity: schedule.duringHours, maxCapacity: schedule.duringHours });
    return;
  }
  const target = alias.addAutoScaling({
    minCapacity: Math.min(schedule.outsideHours, schedule.duringHours),
    maxCapacity: Math.max(schedule.outsideHours, schedule.duringHours),
  });
  const timeZone = TimeZone.of(schedule.timeZone);
  target.scaleOnSchedule('WarmForOpening', {
    schedule: dailyAt(schedule.open, schedule.leadMinutes),
    minCapacity: schedule.duringHours,
    maxCapacity: schedule.duringHours,
    timeZone,
  });
  target.scaleOnSchedule('CoolAfterClosing', {
    schedule: dailyAt(schedule.close),
    minCapacity: schedule.outsideHours,
    maxCapacity: schedule.outsideHours,
    timeZone,
  });
};
