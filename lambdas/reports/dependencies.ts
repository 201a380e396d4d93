import { createCallLogRepository } from '#shared/data/call-logs.repository.ts';
import { createComplaintSlaRepository } from '#shared/data/complaint-sla.repository.ts';
import { publicHolidays } from '#shared/data/public-holidays.ts';
import { createTicketRepository } from '#shared/data/tickets.repository.ts';
import { parseEnv } from '#shared/env.ts';
import type { AwsClients, Environment } from '#shared/platform.ts';
import { ReportsEnvironmentSchema } from './config.ts';
import type { ReportDependencies } from './reports.ts';

/** The reports' dependencies: the tables the environment names (Lambda, or DynamoDB Local). */
export const defaultDependencies = (
  env: Environment,
  aws: Pick<AwsClients, 'dynamoDb'>,
): ReportDependencies => {
  const config = parseEnv(ReportsEnvironmentSchema, env);
  return {
    callLogs: createCallLogRepository(aws.dynamoDb, config.CALL_LOGS_TABLE_NAME),
    complaints: createComplaintSlaRepository(aws.dynamoDb, config.TICKETS_TABLE_NAME),
    ticketHistory: createTicketRepository(aws.dynamoDb, config.TICKETS_TABLE_NAME).history,
    now: () => new Date(),
    timeZone: config.TIME_ZONE,
    answerWithinSeconds: config.ANSWER_WITHIN_SECONDS,
    resolutionHours: config.COMPLAINT_RESOLUTION_HOURS,
    staffing: config.STAFFING_CONFIG,
    holidays: new Set(publicHolidays.map((holiday) => holiday.date)),
  };
};
