import { Match } from 'aws-cdk-lib/assertions';
import { buildApp } from '../support/app.ts';
import { actionsOn, functionNamed, serviceActions, statementsOf } from '../support/grants.ts';

const { contactCentre, template } = buildApp('prod', {}, { bundle: false });
const centre = template(contactCentre);
const statements = statementsOf(centre, 'SelfServiceTracking');

describe('tracking function', () => {
  it("runs within Connect's 3 s budget with the service-data table and no notifier", () => {
    const { properties } = functionNamed(centre, 'SelfServiceTracking');

    expect(properties.Timeout).toBeLessThanOrEqual(3);
    expect(Object.keys(properties.Environment.Variables)).toEqual(
      expect.arrayContaining(['SERVICE_DATA_TABLE_NAME', 'PROMPT_AUDIO_URI']),
    );
    expect(properties.Environment.Variables.NOTIFIER).toBeUndefined();
  });

  it('reads the service-data table and puts and updates its attempt counters, and nothing else in DynamoDB', () => {
    expect(actionsOn(statements, /DataServiceData/)).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:ConditionCheckItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ]);
    expect(actionsOn(statements, /DataTickets|DataCallLogs/)).toEqual([]);
    expect(serviceActions(statements, 'sqs:')).toEqual([]);
  });

  it('uses the table key with named actions only', () => {
    expect(serviceActions(statements, 'kms:')).toEqual([
      'kms:Decrypt',
      'kms:Encrypt',
      'kms:GenerateDataKey',
    ]);
  });

  it('is invoked by the tracking flow', () => {
    const [flow] = Object.values(
      centre.findResources('AWS::Connect::ContactFlow', {
        Properties: { Name: 'Huduma document tracking' },
      }),
    );
    expect(JSON.stringify(flow?.Properties.Content)).toMatch(/SelfServiceTracking[0-9A-F]+","Arn"/);
    centre.hasResourceProperties('AWS::Connect::IntegrationAssociation', {
      IntegrationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^SelfServiceTracking'), 'Arn'] },
    });
  });
});
