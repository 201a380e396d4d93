import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { AttributeType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { ReportsApi } from '../../lib/constructs/reports-api.ts';
import { buildApp } from '../support/app.ts';
import { actionsOn, functionNamed, serviceActions, statementsOf } from '../support/grants.ts';

const { contactCentre, template } = buildApp('prod', {}, { bundle: false });
const centre = template(contactCentre);

describe('reports API', () => {
  const fn = functionNamed(centre, 'ReportsFunction');
  const statements = statementsOf(centre, 'ReportsFunction');

  it('routes GET /reports/daily and /reports/agents to the reports function, IAM-authorized', () => {
    for (const route of ['GET /reports/daily', 'GET /reports/agents']) {
      centre.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: route,
        AuthorizationType: 'AWS_IAM',
        Target: Match.anyValue(),
      });
    }
    centre.resourceCountIs('AWS::ApiGatewayV2::Route', 2);
    centre.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: { 'Fn::GetAtt': [fn.logicalId, 'Arn'] },
      PayloadFormatVersion: '2.0',
    });
  });

  it('logs access and throttles its stage', () => {
    centre.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: {
        DestinationArn: Match.anyValue(),
        Format: Match.stringLikeRegexp('requestId'),
      },
      DefaultRouteSettings: { ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 },
    });
  });

  it('reads call logs and tickets by key and query only, within the HTTP API timeout', () => {
    expect(fn.properties.Timeout).toBe(29);
    expect(fn.properties.Environment.Variables).toMatchObject({
      CALL_LOGS_TABLE_NAME: expect.anything(),
      TICKETS_TABLE_NAME: expect.anything(),
      TIME_ZONE: 'Africa/Nairobi',
      ANSWER_WITHIN_SECONDS: '20',
      COMPLAINT_RESOLUTION_HOURS: '72',
    });
    const read = [
      'dynamodb:BatchGetItem',
      'dynamodb:ConditionCheckItem',
      'dynamodb:GetItem',
      'dynamodb:Query',
    ];
    expect(serviceActions(statements, 'dynamodb:')).toEqual(read);
    expect(actionsOn(statements, /DataCallLogs/)).toEqual(read);
    expect(actionsOn(statements, /DataTickets/)).toEqual(read);
    expect(actionsOn(statements, /DataServiceData/)).toEqual([]);
  });

  it('may be invoked by its API only', () => {
    centre.hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: { 'Fn::GetAtt': [fn.logicalId, 'Arn'] },
      Principal: 'apigateway.amazonaws.com',
      SourceArn: Match.anyValue(),
    });
  });

  it('joins a shared HTTP API with its authorizer instead of creating one', () => {
    const stack = new Stack(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), 'Shared');
    const table = (id: string) =>
      new TableV2(stack, id, { partitionKey: { name: 'pk', type: AttributeType.STRING } });
    const httpApi = new HttpApi(stack, 'PlatformApi');
    const authorizer = new HttpJwtAuthorizer('Staff', 'https://issuer.example', {
      jwtAudience: ['huduma'],
    });

    new ReportsApi(stack, 'Reports', {
      callLogsTable: table('CallLogs'),
      ticketsTable: table('Tickets'),
      timeZone: 'Africa/Nairobi',
      answerWithinSeconds: 20,
      complaintResolutionHours: 72,
      logRetention: RetentionDays.ONE_MONTH,
      api: { httpApi, authorizer },
    });

    const shared = Template.fromStack(stack);
    shared.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    shared.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'GET /reports/daily',
      AuthorizationType: 'JWT',
    });
  });
});
