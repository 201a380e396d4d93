import { buildApp } from '../support/app.ts';
import { actionsOn, functionNamed, serviceActions, statementsOf } from '../support/grants.ts';
import { expectInvokedByApiGateway, expectStaffApiRoutes } from '../support/staff-api.ts';

const { contactCentre, template } = buildApp('prod', {}, { bundle: false });
const centre = template(contactCentre);

describe('reports API', () => {
  const fn = functionNamed(centre, 'ReportsFunction');
  const statements = statementsOf(centre, 'ReportsFunction');

  it('routes GET /reports/daily and /reports/agents on the staff API, behind its Cognito authorizer', () => {
    centre.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    expectStaffApiRoutes(centre, fn.logicalId, [
      'GET /reports/daily',
      'GET /reports/agents',
      'GET /reports/staffing',
    ]);
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
    expectInvokedByApiGateway(centre, fn.logicalId);
  });
});
