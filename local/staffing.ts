import type { EnvironmentConfig } from '#lib/config/environments.ts';
import { createCallLogRepository } from '#shared/data/call-logs.repository.ts';
import { catalogueFiles } from '#shared/data/catalogue-files.ts';
import { createDocumentClient } from '#shared/data/client.ts';
import { callLogsTable } from '#shared/data/tables.ts';
import type { ServiceTarget } from '#shared/staffing/erlang.ts';
import type { DayCalendar } from '#shared/staffing/forecast.ts';
import {
  addDays,
  demandFromCallLogs,
  type PlanRequest,
  planFromCallLogs,
} from '#shared/staffing/plan.ts';
import { callHistory } from './demo/call-history.ts';
import { startDynamoDbLocal } from './dynamodb/launcher.ts';
import { createLocalTables, localDynamoDbClient, localTableName } from './dynamodb/tables.ts';

/** The centre's calendar: its time zone and the public holidays in data/. */
export const contactCentreCalendar = (config: EnvironmentConfig): DayCalendar => ({
  timeZone: config.hours.timeZone,
  holidays: new Set(catalogueFiles.holidays.map((holiday) => holiday.date)),
});

type CallLogs = ReturnType<typeof createCallLogRepository>;

/** Writes a synthetic history of the `days` before `before` through the repository. */
export const seedCallHistory = async (
  callLogs: CallLogs,
  config: EnvironmentConfig,
  before: string,
  days: number,
  callsPerWeekday?: number,
): Promise<number> => {
  const logs = callHistory({
    from: addDays(before, -days),
    to: addDays(before, -1),
    calendar: contactCentreCalendar(config),
    open: config.hours.open,
    close: config.hours.close,
    ...(callsPerWeekday !== undefined && { callsPerWeekday }),
  });
  for (let i = 0; i < logs.length; i += 50)
    await Promise.all(logs.slice(i, i + 50).map((log) => callLogs.saveContactRecord(log)));
  return logs.length;
};

/**
 * The staffing plan `npm run forecast -- --from --to` prints, from the local call logs (after
 * writing a synthetic history there first when asked), with the demand profile it learnt
 * (`--write-profile` keeps it as data/demand-profile.json, the demand CDK checks the planned
 * roster against).
 */
export const planFromLocalCallLogs = async ({
  config,
  request,
  seedHistory,
  dbPath,
  target,
}: {
  readonly config: EnvironmentConfig;
  readonly request: PlanRequest;
  readonly seedHistory: boolean;
  readonly dbPath?: string;
  readonly target: ServiceTarget;
}) => {
  const dynamoDb = await startDynamoDbLocal(dbPath ? { dbPath } : {});
  try {
    await createLocalTables(localDynamoDbClient(dynamoDb.endpoint));
    const callLogs = createCallLogRepository(
      createDocumentClient({ endpoint: dynamoDb.endpoint }),
      localTableName(callLogsTable),
    );
    if (seedHistory) await seedCallHistory(callLogs, config, request.from, request.historyDays);
    const context = {
      calendar: contactCentreCalendar(config),
      config: config.staffing,
      target,
    };
    const [plan, { profile }] = await Promise.all([
      planFromCallLogs(callLogs, request, context),
      demandFromCallLogs(callLogs, request, context),
    ]);
    return { plan, profile };
  } finally {
    await dynamoDb.stop();
  }
};
