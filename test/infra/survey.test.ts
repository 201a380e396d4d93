import { buildApp } from '../support/app.ts';
import { actionsOn, functionNamed, serviceActions, statementsOf } from '../support/grants.ts';

const { contactCentre, template } = buildApp('prod', {}, { bundle: false });
const centre = template(contactCentre);
const statements = statementsOf(centre, 'SelfServiceSurvey');

describe('survey function', () => {
  it("runs within Connect's 3 s budget with the call-log table and its retention", () => {
    const { properties } = functionNamed(centre, 'SelfServiceSurvey');

    expect(properties.Timeout).toBeLessThanOrEqual(3);
    expect(properties.Environment.Variables).toMatchObject({
      CALL_LOGS_TABLE_NAME: expect.anything(),
      CALL_LOG_RETENTION_DAYS: '730',
    });
    expect(properties.Environment.Variables.NOTIFIER).toBeUndefined();
  });

  it('may only update call-log items: no reads, no other table, no queue', () => {
    expect(serviceActions(statements, 'dynamodb:')).toEqual(['dynamodb:UpdateItem']);
    expect(actionsOn(statements, /DataCallLogs/)).toEqual(['dynamodb:UpdateItem']);
    expect(serviceActions(statements, 'sqs:')).toEqual([]);
  });
});
