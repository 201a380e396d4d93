import { createCallLogRepository } from '#shared/data/call-logs.repository.ts';
import { catalogueFiles } from '#shared/data/catalogue-files.ts';
import { documentClient } from '#shared/data/client.ts';
import { createComplaintSlaRepository } from '#shared/data/complaint-sla.repository.ts';
import { createTicketRepository } from '#shared/data/tickets.repository.ts';
import { config } from './config.ts';
import { createReports } from './reports.ts';

/** The reports, wired to the tables the environment names (Lambda, or DynamoDB Local). */
export const createReportsFor = (now: () => Date = () => new Date()) =>
  createReports({
    callLogs: createCallLogRepository(documentClient, config.CALL_LOGS_TABLE_NAME),
    complaints: createComplaintSlaRepository(
      documentClient,
      config.TICKETS_TABLE_NAME,
      catalogueFiles.agencies.map((agency) => agency.id),
    ),
    ticketHistory: createTicketRepository(documentClient, config.TICKETS_TABLE_NAME).history,
    now,
    timeZone: config.TIME_ZONE,
    answerWithinSeconds: config.ANSWER_WITHIN_SECONDS,
    resolutionHours: config.COMPLAINT_RESOLUTION_HOURS,
    staffing: config.STAFFING_CONFIG,
    holidays: new Set(catalogueFiles.holidays.map((holiday) => holiday.date)),
  });

export const reports = createReportsFor();
