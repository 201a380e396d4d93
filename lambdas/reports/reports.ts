import {
  type CallLogRepository,
  CallOutcomeSchema,
  type DayCallLog,
} from '#shared/data/call-logs.repository.ts';
import {
  type ComplaintSlaRepository,
  RESOLVED_STATUSES,
} from '#shared/data/complaint-sla.repository.ts';
import type { Ticket, TicketHistoryEntry } from '#shared/data/tickets.repository.ts';
import { InvalidInputError } from '#shared/errors.ts';
import { zonedInstant } from '#shared/hours.ts';
import {
  type AgentFigures,
  againstTargets,
  agentFigures,
  type CallFigures,
  type ComplaintFigures,
  callFigures,
  complaintFigures,
  isReceived,
  type KpiComplaint,
  type KpiTargets,
  kpiTargets,
} from '#shared/kpi.ts';
import { datesBetween, intervalOf, type StaffingConfig } from '#shared/staffing/forecast.ts';
import { intervalLabel } from '#shared/staffing/intervals.ts';
import {
  MAX_HISTORY_DAYS,
  MAX_PLAN_DAYS,
  type PlanRequest,
  planFromCallLogs,
} from '#shared/staffing/plan.ts';
import { slaPolicies } from '#shared/tickets/sla.ts';
import * as z from '#shared/zod.ts';
import { slaBoard } from './sla-board.ts';

/** `?date=YYYY-MM-DD[&agent=<username>]`: a day in the contact centre's time zone. */
export const ReportQuerySchema = z.object({
  date: z.string(),
  agent: z.optional(z.string()),
});
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD[&historyDays=28]`: the days to plan and the history to learn from. */
export const StaffingQuerySchema = z.object({
  from: z.string(),
  to: z.string(),
  historyDays: z.optional(z.string()),
});
export type StaffingQuery = z.infer<typeof StaffingQuerySchema>;

export interface ReportDependencies {
  readonly callLogs: Pick<CallLogRepository, 'listByDay' | 'listByAgentDay'>;
  readonly complaints: Pick<ComplaintSlaRepository, 'listCreatedBetween' | 'listRunningDueBefore'>;
  /** A ticket's history, oldest first (tickets repository). */
  readonly ticketHistory: (reference: string) => Promise<TicketHistoryEntry[]>;
  readonly now: () => Date;
  readonly timeZone: string;
  readonly answerWithinSeconds: number;
  /** The complaint resolution standard (72 h). */
  readonly resolutionHours: number;
  readonly targets?: KpiTargets;
  /** Staffing assumptions and rosters (environment configuration). */
  readonly staffing: StaffingConfig;
  /** Public holidays, YYYY-MM-DD: their own day type in the forecast. */
  readonly holidays: ReadonlySet<string>;
}

export interface DailyReport {
  readonly date: string;
  readonly timeZone: string;
  readonly generatedAt: string;
  readonly calls: CallFigures;
  /**
   * The same figures per channel (VOICE, CHAT, SMS, USSD, WHATSAPP as the call logs name them),
   * busiest first: one entry while voice is the only channel.
   */
  readonly channels: ChannelFigures[];
  /** Contacts of the day by how they ended. */
  readonly outcomes: Record<z.infer<typeof CallOutcomeSchema>, number>;
  readonly agents: AgentFigures[];
  /** Calls received per half hour (contact-centre time), and how many of them were answered or abandoned. */
  readonly halfHours: HalfHourFigures[];
  /** Complaints logged that day, and how many were resolved within the standard so far. */
  readonly complaints: ComplaintFigures & { readonly resolutionHours: number };
  readonly targets: ReturnType<typeof againstTargets>;
}

export interface ChannelFigures {
  readonly channel: string;
  readonly calls: CallFigures;
}

/** The day's figures for each channel its contacts came in on, busiest first. */
const channelFigures = (
  logs: readonly DayCallLog[],
  answerWithinSeconds: number,
): ChannelFigures[] => {
  const byChannel = new Map<string, DayCallLog[]>();
  for (const log of logs) {
    const own = byChannel.get(log.channel);
    if (own) own.push(log);
    else byChannel.set(log.channel, [log]);
  }
  return [...byChannel]
    .map(([channel, own]) => ({ channel, calls: callFigures(own, { answerWithinSeconds }) }))
    .sort((a, b) => b.calls.received - a.calls.received || a.channel.localeCompare(b.channel));
};

export interface HalfHourFigures {
  readonly interval: string;
  readonly received: number;
  readonly answered: number;
  readonly abandoned: number;
}

/** Calls received per half hour of the day. */
const halfHourFigures = (logs: readonly DayCallLog[], timeZone: string): HalfHourFigures[] => {
  const figures = Array.from({ length: 48 }, (_, index) => ({
    interval: intervalLabel(index),
    received: 0,
    answered: 0,
    abandoned: 0,
  }));
  for (const log of logs) {
    if (!isReceived(log)) continue;
    const figure = figures[intervalOf(new Date(log.initiatedAt), timeZone)];
    if (!figure) continue;
    figure.received++;
    if (log.outcome === 'ANSWERED') figure.answered++;
    if (log.outcome === 'ABANDONED') figure.abandoned++;
  }
  return figures;
};

export interface AgentContact {
  readonly contactId: string;
  readonly initiatedAt: string;
  readonly queueName?: string;
  readonly queueWaitSeconds?: number;
  readonly talkSeconds?: number;
  readonly holdSeconds?: number;
  readonly afterContactWorkSeconds?: number;
  readonly handleSeconds?: number;
}

export type AgentReport =
  | { readonly date: string; readonly agents: AgentFigures[] }
  | {
      readonly date: string;
      readonly agent: AgentFigures;
      readonly contacts: AgentContact[];
    };

const DAY_MS = 86_400_000;
/** Tickets' due times may move when their clock pauses (awaiting the customer): look this far past the longest SLA. */
const DUE_SLACK_MS = 7 * DAY_MS;
const COMPLAINT_POLICIES = slaPolicies.filter((policy) => policy.ticketType === 'COMPLAINT');

const parseDay = (date: string): string => {
  const parsed = z.iso.date().safeParse(date);
  if (!parsed.success)
    throw new InvalidInputError('date must be a calendar date YYYY-MM-DD', {
      details: { field: 'date', reason: 'NOT_A_DATE' },
    });
  return parsed.data;
};

const parseAgent = (agent: string | undefined): string | undefined => {
  if (agent === undefined) return undefined;
  if (!/^[\w.@+-]{1,100}$/.test(agent))
    throw new InvalidInputError('agent must be a Connect username', {
      details: { field: 'agent', reason: 'NOT_A_USERNAME' },
    });
  return agent;
};

const parsePlanRequest = (from: string, to: string, historyDays = '28'): PlanRequest => {
  const first = parseDay(from);
  const last = parseDay(to);
  const days = datesBetween(first, last).length;
  if (days === 0 || days > MAX_PLAN_DAYS)
    throw new InvalidInputError(`to must be on or after from, at most ${MAX_PLAN_DAYS} days on`, {
      details: { field: 'to', reason: 'OUT_OF_RANGE' },
    });
  const history = Number(historyDays);
  if (!Number.isInteger(history) || history < 7 || history > MAX_HISTORY_DAYS)
    throw new InvalidInputError(
      `historyDays must be a whole number of days, 7-${MAX_HISTORY_DAYS}`,
      {
        details: { field: 'historyDays', reason: 'OUT_OF_RANGE' },
      },
    );
  return { from: first, to: last, historyDays: history };
};

/** When a complaint was resolved: its last move into RESOLVED or CLOSED not undone since. */
export const resolvedAt = (ticket: Ticket, history: readonly TicketHistoryEntry[]) => {
  if (!RESOLVED_STATUSES.includes(ticket.status)) return undefined;
  let at: string | undefined;
  for (const entry of history) {
    if (!entry.toStatus) continue;
    if (RESOLVED_STATUSES.includes(entry.toStatus)) at ??= entry.at;
    else at = undefined;
  }
  return at ?? ticket.updatedAt;
};

/**
 * Daily and per-agent reports by query on the call-logs table (gsi1 for a day, gsi2 for an
 * agent's day) and the tickets' agency-status index for complaints: no Scan.
 */
export const createReports = ({
  callLogs,
  complaints,
  ticketHistory,
  now,
  timeZone,
  answerWithinSeconds,
  resolutionHours,
  targets = kpiTargets,
  staffing,
  holidays,
}: ReportDependencies) => {
  const complaintsLogged = async (day: string): Promise<KpiComplaint[]> => {
    const createdFrom = zonedInstant(day, '00:00', timeZone);
    const createdTo = new Date(createdFrom.getTime() + DAY_MS);
    const minutes = COMPLAINT_POLICIES.map((policy) => policy.resolutionMin * 60_000);
    const tickets = await complaints.listCreatedBetween(
      { createdFrom, createdTo },
      {
        dueFrom: new Date(createdFrom.getTime() + Math.min(...minutes)),
        dueTo: new Date(createdTo.getTime() + Math.max(...minutes) + DUE_SLACK_MS),
      },
    );
    return Promise.all(
      tickets.map(async (ticket) => {
        const resolved = RESOLVED_STATUSES.includes(ticket.status)
          ? resolvedAt(ticket, await ticketHistory(ticket.reference))
          : undefined;
        return { createdAt: ticket.createdAt, ...(resolved && { resolvedAt: resolved }) };
      }),
    );
  };

  return {
    async daily({ date }: ReportQuery): Promise<DailyReport> {
      const day = parseDay(date);
      const [logs, logged] = await Promise.all([callLogs.listByDay(day), complaintsLogged(day)]);
      const calls = callFigures(logs, { answerWithinSeconds });
      const complaintsFigures = complaintFigures(logged, { now: now(), resolutionHours });
      const outcomes = Object.fromEntries(
        CallOutcomeSchema.options.map((outcome) => [
          outcome,
          logs.filter((log) => log.outcome === outcome).length,
        ]),
      ) as DailyReport['outcomes'];
      return {
        date: day,
        timeZone,
        generatedAt: now().toISOString(),
        calls,
        channels: channelFigures(logs, answerWithinSeconds),
        outcomes,
        agents: agentFigures(logs),
        halfHours: halfHourFigures(logs, timeZone),
        complaints: { ...complaintsFigures, resolutionHours },
        targets: againstTargets(calls, complaintsFigures, targets),
      };
    },

    async agents({ date, agent }: ReportQuery): Promise<AgentReport> {
      const day = parseDay(date);
      const username = parseAgent(agent);
      if (!username) return { date: day, agents: agentFigures(await callLogs.listByDay(day)) };
      const logs = (await callLogs.listByAgentDay(username, day)).filter(
        (log) => log.outcome === 'ANSWERED',
      );
      return {
        date: day,
        agent: agentFigures(logs)[0] ?? {
          username,
          handled: 0,
          averageHandleSeconds: 0,
          maxHandleSeconds: 0,
          totalHandleSeconds: 0,
        },
        contacts: logs.map((log) => ({
          contactId: log.contactId,
          initiatedAt: log.initiatedAt,
          queueName: log.queueName,
          queueWaitSeconds: log.queueWaitSeconds,
          talkSeconds: log.talkSeconds,
          holdSeconds: log.holdSeconds,
          afterContactWorkSeconds: log.afterContactWorkSeconds,
          handleSeconds: log.handleSeconds,
        })),
      };
    },

    /** Complaints overdue or due within a day, by agency (GET /reports/sla-board). */
    slaBoard: () => slaBoard(complaints, now()),

    /** Agents needed per half hour from `from` to `to`, and the rosters costed (GET /reports/staffing). */
    async staffing({ from, to, historyDays }: StaffingQuery) {
      const request = parsePlanRequest(from, to, historyDays);
      return planFromCallLogs(callLogs, request, {
        calendar: { timeZone, holidays },
        config: staffing,
        target: {
          serviceLevel: targets.serviceLevel.pct / 100,
          withinSeconds: answerWithinSeconds,
        },
      });
    },
  };
};

export type Reports = ReturnType<typeof createReports>;
