import { Match } from 'aws-cdk-lib/assertions';
import { buildApp } from '../support/app.ts';
import { actionsOn, functionNamed, serviceActions, statementsOf } from '../support/grants.ts';

const { contactCentre, template } = buildApp('prod', {}, { bundle: false });
const centre = template(contactCentre);
const statements = statementsOf(centre, 'SelfServiceComplaints');

describe('complaints function', () => {
  it("runs within Connect's 3 s budget and notifies through the SQS notifications queue", () => {
    const { properties } = functionNamed(centre, 'SelfServiceComplaints');

    expect(properties.Timeout).toBeLessThanOrEqual(3);
    expect(properties.Environment.Variables).toMatchObject({
      SERVICE_DATA_TABLE_NAME: expect.anything(),
      TICKETS_TABLE_NAME: expect.anything(),
      NOTIFIER: 'sqs',
      NOTIFICATIONS_QUEUE_URL: {
        Ref: expect.stringMatching(/^SelfServiceNotifications[0-9A-F]{8}$/),
      },
    });
  });

  it('reads, puts and updates items of the service-data and tickets tables, deletes nothing, and never touches call logs', () => {
    const readUpdate = [
      'dynamodb:BatchGetItem',
      'dynamodb:ConditionCheckItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ];
    expect(actionsOn(statements, /DataServiceData/)).toEqual(readUpdate);
    expect(actionsOn(statements, /DataTickets/)).toEqual(readUpdate);
    expect(actionsOn(statements, /DataCallLogs/)).toEqual([]);
  });

  it('may only send to the notifications queue', () => {
    expect(serviceActions(statements, 'sqs:')).toEqual(['sqs:SendMessage']);
    expect(actionsOn(statements, /SelfServiceNotifications[0-9A-F]{8}"/)).toEqual(
      serviceActions(statements, 'sqs:'),
    );
  });

  it('uses its keys with named KMS actions only', () => {
    expect(serviceActions(statements, 'kms:')).toEqual([
      'kms:Decrypt',
      'kms:Encrypt',
      'kms:GenerateDataKey',
    ]);
  });

  it('may be invoked by the Connect instance', () => {
    centre.hasResourceProperties('AWS::Connect::IntegrationAssociation', {
      IntegrationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^SelfServiceComplaints'), 'Arn'] },
    });
  });
});

describe('notifications queue', () => {
  it('is KMS-encrypted with a rotating key, SSL-only, and redrives to an encrypted dead-letter queue', () => {
    const queues = Object.fromEntries(
      Object.entries(centre.findResources('AWS::SQS::Queue')).filter(([id]) =>
        id.startsWith('SelfServiceNotifications'),
      ),
    );
    expect(Object.keys(queues)).toHaveLength(2);
    for (const queue of Object.values(queues)) {
      expect(queue.Properties.KmsMasterKeyId).toEqual({
        'Fn::GetAtt': [expect.stringMatching(/^SelfServiceNotificationsKey/), 'Arn'],
      });
    }
    centre.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: {
        deadLetterTargetArn: {
          'Fn::GetAtt': [Match.stringLikeRegexp('^SelfServiceNotificationsDeadLetters'), 'Arn'],
        },
        maxReceiveCount: 5,
      },
    });
    centre.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      Description: Match.stringLikeRegexp('notification'),
    });
    centre.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('is sent to only by the functions that notify', () => {
    const senders = ['Tracking', 'Pensions', 'Complaints', 'Survey'].filter(
      (name) => serviceActions(statementsOf(centre, `SelfService${name}`), 'sqs:').length > 0,
    );
    expect(senders).toEqual(['Pensions', 'Complaints']);
  });
});
