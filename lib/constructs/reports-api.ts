import { Duration } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { callLogsTable, ticketsTable } from '../../lambdas/shared/data/tables.ts';
import { PlatformFunction } from './flow-function.ts';

/** The report routes: the handler matches them on the path's end, so any prefix works. */
export const REPORT_ROUTES = ['/reports/daily', '/reports/agents'] as const;

export interface ReportsApiProps {
  readonly callLogsTable: TableV2;
  readonly ticketsTable: TableV2;
  /** The contact centre's time zone: report days are calendar dates there. */
  readonly timeZone: string;
  /** Calls answered within this many seconds count towards the service level. */
  readonly answerWithinSeconds: number;
  /** The complaint resolution standard, in hours. */
  readonly complaintResolutionHours: number;
  readonly logRetention: RetentionDays;
  /**
   * The platform's HTTP API to add the report routes to, with its authorizer.
   * @default an API of its own whose routes need IAM (SigV4) authorization
   */
  readonly api?: { readonly httpApi: HttpApi; readonly authorizer: IHttpRouteAuthorizer };
}

/**
 * The supervisors' reports: `GET /reports/daily?date=` and `GET /reports/agents?date=[&agent=]`
 * on a Lambda that reads call logs and tickets by query only. The routes join the shared HTTP
 * API when one is given; until then they have their own, IAM-authorized and access-logged.
 */
export class ReportsApi extends Construct {
  readonly function: PlatformFunction;
  readonly httpApi: HttpApi;
  /** The API's base URL when this construct created the API. */
  readonly url?: string;

  constructor(scope: Construct, id: string, props: ReportsApiProps) {
    super(scope, id);
    this.function = new PlatformFunction(this, 'Function', {
      handler: 'reports',
      description: 'Daily and per-agent contact-centre reports for supervisors',
      logRetention: props.logRetention,
      // A busy day is a few hundred thousand items read; the HTTP API waits 30 s at most.
      timeout: Duration.seconds(29),
      memorySize: 1024,
      environment: {
        TIME_ZONE: props.timeZone,
        ANSWER_WITHIN_SECONDS: String(props.answerWithinSeconds),
        COMPLAINT_RESOLUTION_HOURS: String(props.complaintResolutionHours),
      },
    })
      .bindTable(callLogsTable, props.callLogsTable, 'read')
      .bindTable(ticketsTable, props.ticketsTable, 'read');

    const api = props.api ?? this.ownApi(props.logRetention);
    this.httpApi = api.httpApi;
    if (!props.api) this.url = this.httpApi.apiEndpoint;
    const integration = new HttpLambdaIntegration('Reports', this.function);
    for (const path of REPORT_ROUTES) {
      this.httpApi.addRoutes({
        path,
        methods: [HttpMethod.GET],
        integration,
        authorizer: api.authorizer,
      });
    }
  }

  private ownApi(logRetention: RetentionDays) {
    const httpApi = new HttpApi(this, 'Api', {
      description: 'Huduma contact-centre reports (supervisors, analysts)',
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: logRetention });
    new HttpStage(this, 'DefaultStage', {
      httpApi,
      autoDeploy: true,
      throttle: { rateLimit: 10, burstLimit: 20 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.jsonWithStandardFields(),
      },
    });
    return { httpApi, authorizer: new HttpIamAuthorizer() };
  }
}
