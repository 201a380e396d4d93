import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { REPORT_ROUTE_KEYS } from '#lambdas/reports/api-contract.ts';
import { callLogsTable, ticketsTable } from '#shared/data/tables.ts';
import type { StaffingConfig } from '#shared/staffing/forecast.ts';
import type { PlatformFunction } from './flow-function.ts';
import { type StaffApi, staffRoutesFunction } from './staff-api.ts';

export interface ReportsApiProps {
  readonly callLogsTable: TableV2;
  readonly ticketsTable: TableV2;
  /** The contact centre's time zone: report days are calendar dates there. */
  readonly timeZone: string;
  /** Calls answered within this many seconds count towards the service level. */
  readonly answerWithinSeconds: number;
  /** The complaint resolution standard, in hours. */
  readonly complaintResolutionHours: number;
  /** Staffing assumptions and rosters for `GET /reports/staffing`. */
  readonly staffing: StaffingConfig;
  readonly logRetention: RetentionDays;
  /** The staff HTTP API the report routes join, with its (Cognito JWT) authorizer. */
  readonly api: StaffApi;
}

/**
 * The supervisors' reports: `GET /reports/daily?date=` and `GET /reports/agents?date=[&agent=]`
 * on the staff API, served by a Lambda that reads call logs and tickets by query only and
 * answers supervisors only.
 */
export class ReportsApi extends Construct {
  readonly function: PlatformFunction;

  constructor(scope: Construct, id: string, props: ReportsApiProps) {
    super(scope, id);
    this.function = staffRoutesFunction(this, {
      handler: 'reports',
      description: 'Daily and per-agent contact-centre reports for supervisors',
      logRetention: props.logRetention,
      environment: {
        TIME_ZONE: props.timeZone,
        ANSWER_WITHIN_SECONDS: String(props.answerWithinSeconds),
        COMPLAINT_RESOLUTION_HOURS: String(props.complaintResolutionHours),
        STAFFING_CONFIG: JSON.stringify(props.staffing),
      },
      api: props.api,
      routeKeys: REPORT_ROUTE_KEYS,
      integrationId: 'Reports',
    })
      .bindTable(callLogsTable, props.callLogsTable, 'read')
      .bindTable(ticketsTable, props.ticketsTable, 'read');
  }
}
