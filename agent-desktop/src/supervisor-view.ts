import { plannedPerInterval } from '#shared/staffing/intervals.ts';
import type { DailyReport, StaffingPlan } from './reports-api.ts';

/** What the supervisors' page shows, computed from the reports without touching the DOM. */

const pct = (value: number | null) => (value === null ? '—' : `${value} %`);
const seconds = (value: number | null) => (value === null ? '—' : `${Math.round(value)} s`);

/** The day's headline figures, in the order the page lists them. */
export const dayFigures = ({ calls, complaints }: DailyReport): [string, string][] => [
  ['Calls received', String(calls.received)],
  ['Handled by an agent', String(calls.handled)],
  ['Abandoned in queue', String(calls.abandoned)],
  ['Call-backs requested', String(calls.callbacksRequested)],
  ['Service level', pct(calls.serviceLevelPct)],
  ['Average speed of answer', seconds(calls.asaSeconds)],
  ['Self-service containment', pct(calls.containmentPct)],
  ['Average handle time', seconds(calls.handleTime.averageSeconds)],
  ['Longest handle time', seconds(calls.handleTime.maxSeconds)],
  ['CSAT', `${pct(calls.csat.pct)} (${calls.csat.responses} answers)`],
  ['NPS', `${calls.nps.score === null ? '—' : calls.nps.score} (${calls.nps.responses} answers)`],
  ['Complaints opened', String(complaints.logged)],
  [`Resolved within ${complaints.resolutionHours} h`, String(complaints.resolvedWithinSla)],
  ['Resolved late', String(complaints.resolvedLate)],
  ['Breached (open, overdue)', String(complaints.openOverdue)],
];

/** The by-channel table's columns, in the order `channelRows` gives a row's cells. */
export const CHANNEL_COLUMNS = [
  'Channel',
  'Received',
  'Handled',
  'Abandoned',
  'Service level',
  'ASA',
  'Containment',
  'AHT',
  'CSAT',
  'NPS',
];

/** One row per channel (CHANNEL_COLUMNS) once there are several; none while voice is the only one. */
export const channelRows = ({ channels = [] }: DailyReport): string[][] =>
  channels.length < 2
    ? []
    : channels.map(({ channel, calls }) => [
        channel,
        String(calls.received),
        String(calls.handled),
        String(calls.abandoned),
        pct(calls.serviceLevelPct),
        seconds(calls.asaSeconds),
        pct(calls.containmentPct),
        seconds(calls.handleTime.averageSeconds),
        pct(calls.csat.pct),
        calls.nps.score === null ? '—' : String(calls.nps.score),
      ]);

export interface HalfHourSeries {
  readonly labels: string[];
  readonly received: number[];
  readonly forecast: number[];
  readonly needed: number[];
  readonly planned: number[];
}

/**
 * Calls per half hour against the forecast, and the agents the forecast needs scheduled against
 * those the planned roster plans (the configured operating hours).
 */
export const halfHourSeries = (report: DailyReport, plan: StaffingPlan): HalfHourSeries => {
  const day = plan.intervals.filter((interval) => interval.date === report.date);
  const byLabel = new Map(day.map((interval) => [interval.interval, interval]));
  const roster = plan.rosters.find((candidate) => candidate.planned) ?? plan.rosters[0];
  const planned = plannedPerInterval(roster?.shifts ?? []);
  return {
    labels: report.halfHours.map((figure) => figure.interval),
    received: report.halfHours.map((figure) => figure.received),
    forecast: report.halfHours.map(
      (figure) => Math.round((byLabel.get(figure.interval)?.forecastCalls ?? 0) * 10) / 10,
    ),
    needed: report.halfHours.map((figure) => byLabel.get(figure.interval)?.scheduled ?? 0),
    planned: report.halfHours.map((_, index) => planned[index] ?? 0),
  };
};

/** Today's date in the contact centre's time zone, for the date picker. */
export const todayIn = (timeZone: string, now = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);

/** How long ago a due time passed, or how long is left, in hours and minutes. */
export const dueIn = (dueAt: string, now = new Date()): string => {
  const minutesLeft = Math.round((Date.parse(dueAt) - now.getTime()) / 60_000);
  const span = Math.abs(minutesLeft);
  const text = `${Math.floor(span / 60)} h ${String(span % 60).padStart(2, '0')} min`;
  return minutesLeft < 0 ? `${text} overdue` : `in ${text}`;
};
