import * as z from 'zod/mini';
import { createStaffApiRequest, type TicketsClientOptions } from './tickets-api.ts';

/**
 * The supervisors' reports on the staff API (docs/analytics.md): the day's figures, the staffing
 * plan and the complaint SLA board. Only the fields the page shows are parsed.
 */

const Nullable = z.nullable(z.number());

const CallFiguresSchema = z.object({
  received: z.number(),
  handled: z.number(),
  abandoned: z.number(),
  callbacksRequested: z.number(),
  serviceLevelPct: Nullable,
  abandonmentRatePct: Nullable,
  asaSeconds: Nullable,
  containmentPct: Nullable,
  handleTime: z.object({ averageSeconds: Nullable, maxSeconds: Nullable }),
  csat: z.object({ responses: z.number(), pct: Nullable }),
  nps: z.object({ responses: z.number(), score: Nullable }),
});

const DailyReportSchema = z.object({
  date: z.string(),
  generatedAt: z.string(),
  calls: CallFiguresSchema,
  /** Per channel, busiest first (one entry while voice is the only channel). */
  channels: z.optional(z.array(z.object({ channel: z.string(), calls: CallFiguresSchema }))),
  agents: z.array(
    z.object({
      username: z.string(),
      handled: z.number(),
      averageHandleSeconds: z.number(),
      maxHandleSeconds: z.number(),
    }),
  ),
  halfHours: z.array(
    z.object({
      interval: z.string(),
      received: z.number(),
      answered: z.number(),
      abandoned: z.number(),
    }),
  ),
  complaints: z.object({
    logged: z.number(),
    resolvedWithinSla: z.number(),
    resolvedLate: z.number(),
    openOverdue: z.number(),
    pending: z.number(),
    resolutionHours: z.number(),
  }),
});
export type DailyReport = z.infer<typeof DailyReportSchema>;

const Shift = z.object({
  name: z.string(),
  start: z.string(),
  end: z.string(),
  planned: z.number(),
  needed: z.number(),
  short: z.boolean(),
});

const StaffingPlanSchema = z.object({
  intervals: z.array(
    z.object({
      date: z.string(),
      interval: z.string(),
      forecastCalls: z.number(),
      agents: z.number(),
      scheduled: z.number(),
    }),
  ),
  rosters: z.array(
    z.object({
      name: z.string(),
      /** The roster the centre works (`staffing.planned`). */
      planned: z.optional(z.boolean()),
      shifts: z.array(Shift),
      agentHoursPerDay: z.number(),
      costPerDayKes: z.number(),
    }),
  ),
  warnings: z.array(z.string()),
});
export type StaffingPlan = z.infer<typeof StaffingPlanSchema>;

const BoardComplaint = z.object({
  reference: z.string(),
  agencyId: z.string(),
  status: z.string(),
  dueAt: z.string(),
});
const SlaBoardSchema = z.object({
  generatedAt: z.string(),
  dueSoonHours: z.number(),
  overdue: z.array(BoardComplaint),
  dueSoon: z.array(BoardComplaint),
  agencies: z.array(z.object({ agencyId: z.string(), overdue: z.number(), dueSoon: z.number() })),
});
export type SlaBoard = z.infer<typeof SlaBoardSchema>;

export const createReportsClient = (options: TicketsClientOptions) => {
  const request = createStaffApiRequest(options);
  return {
    daily: (date: string): Promise<DailyReport> =>
      request(DailyReportSchema, 'GET', '/reports/daily', { query: { date } }),
    staffing: (date: string): Promise<StaffingPlan> =>
      request(StaffingPlanSchema, 'GET', '/reports/staffing', { query: { from: date, to: date } }),
    slaBoard: (): Promise<SlaBoard> => request(SlaBoardSchema, 'GET', '/reports/sla-board'),
  };
};

export type ReportsClient = ReturnType<typeof createReportsClient>;
