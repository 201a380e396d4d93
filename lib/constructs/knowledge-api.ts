import { Duration } from 'aws-cdk-lib';
import { type HttpApi, HttpMethod, type IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { KNOWLEDGE_ROUTE_KEYS } from '#lambdas/knowledge-api/api-contract.ts';
import { serviceDataTable } from '#shared/data/tables.ts';
import { PlatformFunction } from './flow-function.ts';

export interface KnowledgeApiProps {
  readonly serviceDataTable: TableV2;
  /** Review dates are calendar dates here. */
  readonly timeZone: string;
  readonly logRetention: RetentionDays;
  /** The staff HTTP API the knowledge routes join, with its (Cognito JWT) authorizer. */
  readonly api: { readonly httpApi: HttpApi; readonly authorizer: IHttpRouteAuthorizer };
}

/**
 * The knowledge base on the staff API: search and articles for agents, editing for
 * supervisors and agency focal persons, publication (which rebuilds the search index) for
 * supervisors. The index is stored gzipped in the service-data table and cached by each
 * container: no search cluster, nothing billed while idle.
 */
export class KnowledgeApi extends Construct {
  readonly function: PlatformFunction;

  constructor(scope: Construct, id: string, props: KnowledgeApiProps) {
    super(scope, id);
    this.function = new PlatformFunction(this, 'Function', {
      handler: 'knowledge-api',
      description: 'Knowledge articles: search, editing with history, publication',
      logRetention: props.logRetention,
      // A publication rebuilds the index of every published article; the HTTP API waits 30 s.
      timeout: Duration.seconds(29),
      memorySize: 1024,
      environment: { TIME_ZONE: props.timeZone },
    }).bindTable(serviceDataTable, props.serviceDataTable, 'readWrite');

    const integration = new HttpLambdaIntegration('Knowledge', this.function);
    for (const routeKey of KNOWLEDGE_ROUTE_KEYS) {
      const [method, path] = routeKey.split(' ') as [keyof typeof HttpMethod, string];
      props.api.httpApi.addRoutes({
        path,
        methods: [HttpMethod[method]],
        integration,
        authorizer: props.api.authorizer,
      });
    }
  }
}
