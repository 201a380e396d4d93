import { Match } from 'aws-cdk-lib/assertions';
import { buildApp } from '../support/app.ts';
import { actionsOn, functionNamed, serviceActions, statementsOf } from '../support/grants.ts';

const { contactCentre, template } = buildApp('prod', {}, { bundle: false });
const centre = template(contactCentre);

describe('reports API', () => {
  const fn = functionNamed(centre, 'ReportsFunction');
  const statements = statementsOf(centre, 'ReportsFunction');

  it('routes GET /reports/daily and /reports/agents on the staff API, behind its Cognito authorizer', () => {
    const [api] = Object.keys(centre.findResources('AWS::ApiGatewayV2::Api'));
    centre.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    for (const route of ['GET /reports/daily', 'GET /reports/agents', 'GET /reports/staffing']) {
      centre.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        ApiId: { Ref: api },
        RouteKey: route,
        AuthorizationType: 'JWT',
        AuthorizerId: Match.anyValue(),
        Target: Match.anyValue(),
      });
    }
    centre.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: { 'Fn::GetAtt': [fn.logicalId, 'Arn'] },
      PayloadFormatVersion: '2.0',
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
    expect(JSON.parse(fn.properties.Environment.Variables.STAFFING_CONFIG)).toMatchObject({
      maxOccupancy: 0.85,
      rosters: { '12 h': expect.any(Array), '24 h': expect.any(Array) },
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
});
