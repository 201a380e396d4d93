import { Match } from 'aws-cdk-lib/assertions';
import { buildApp } from '../support/app.ts';
import {
  actionsOn,
  functionNamed,
  ITEM_ACTIONS_WITHOUT_DELETE,
  serviceActions,
  statementsOf,
} from '../support/grants.ts';

// The flow-invoked self-service functions (appointments has its own file), on one synthesis.
const { contactCentre, template } = buildApp('prod', {}, { bundle: false });
const centre = template(contactCentre);
const tracking = statementsOf(centre, 'SelfServiceTracking');
const survey = statementsOf(centre, 'SelfServiceSurvey');

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
    expect(actionsOn(tracking, /DataServiceData/)).toEqual(ITEM_ACTIONS_WITHOUT_DELETE);
    expect(actionsOn(tracking, /DataTickets|DataCallLogs/)).toEqual([]);
    expect(serviceActions(tracking, 'sqs:')).toEqual([]);
  });

  it('is invoked by the tracking flow', () => {
    const [flow] = Object.values(
      centre.findResources('AWS::Connect::ContactFlow', {
        Properties: { Name: 'Huduma document tracking' },
      }),
    );
    // Through its live alias (provisioned concurrency in prod).
    expect(JSON.stringify(flow?.Properties.Content)).toMatch(/"Ref":"SelfServiceTrackingLive/);
    centre.hasResourceProperties('AWS::Connect::IntegrationAssociation', {
      IntegrationArn: { Ref: Match.stringLikeRegexp('^SelfServiceTrackingLive') },
    });
  });
});

describe.each(['Pensions', 'Complaints'])('%s function', (name) => {
  const statements = statementsOf(centre, `SelfService${name}`);

  it("runs within Connect's 3 s budget and notifies through the SQS notifications queue", () => {
    const { properties } = functionNamed(centre, `SelfService${name}`);

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
    expect(actionsOn(statements, /DataServiceData/)).toEqual(ITEM_ACTIONS_WITHOUT_DELETE);
    expect(actionsOn(statements, /DataTickets/)).toEqual(ITEM_ACTIONS_WITHOUT_DELETE);
    expect(actionsOn(statements, /DataCallLogs/)).toEqual([]);
  });

  it('may only send to the notifications queue', () => {
    expect(serviceActions(statements, 'sqs:')).toEqual(['sqs:SendMessage']);
    expect(actionsOn(statements, /SelfServiceNotifications[0-9A-F]{8}"/)).toEqual(
      serviceActions(statements, 'sqs:'),
    );
  });

  it('may be invoked by the Connect instance', () => {
    centre.hasResourceProperties('AWS::Connect::IntegrationAssociation', {
      IntegrationArn: { Ref: Match.stringLikeRegexp(`^SelfService${name}Live`) },
    });
  });
});

describe('identity hashing', () => {
  const hmacKey = { 'Fn::ImportValue': expect.stringMatching(/DataIdentityHashKey/) };

  it.each(['Tracking', 'Pensions', 'Complaints'])(
    '%s uses its keys with named KMS actions only (GenerateMac on the HMAC key)',
    (name) => {
      expect(serviceActions(statementsOf(centre, `SelfService${name}`), 'kms:')).toEqual([
        'kms:Decrypt',
        'kms:Encrypt',
        'kms:GenerateDataKey',
        'kms:GenerateMac',
      ]);
    },
  );

  // Caller context hashes the calling number to look up the Tickets caller index (issue 11).
  it.each(['Pensions', 'Tracking', 'Complaints', 'CallerContext'])(
    'lets %s hash what callers prove with the HMAC key: GenerateMac on that key only, its ARN in the env',
    (name) => {
      const { properties } = functionNamed(centre, `SelfService${name}`);
      const statements = statementsOf(centre, `SelfService${name}`);

      expect(properties.Environment.Variables).toMatchObject({
        IDENTITY_HASHER: 'kms',
        IDENTITY_HASH_KEY_ARN: hmacKey,
      });
      expect(
        statements.filter((statement) => /DataIdentityHashKey/.test(JSON.stringify(statement))),
      ).toEqual([
        expect.objectContaining({ Action: 'kms:GenerateMac', Effect: 'Allow', Resource: hmacKey }),
      ]);
    },
  );

  it.each(['Survey', 'Speech'])('gives %s neither the HMAC key nor GenerateMac', (name) => {
    const { properties } = functionNamed(centre, `SelfService${name}`);

    expect(properties.Environment.Variables.IDENTITY_HASH_KEY_ARN).toBeUndefined();
    expect(serviceActions(statementsOf(centre, `SelfService${name}`), 'kms:GenerateMac')).toEqual(
      [],
    );
  });
});

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
    expect(serviceActions(survey, 'dynamodb:')).toEqual(['dynamodb:UpdateItem']);
    expect(actionsOn(survey, /DataCallLogs/)).toEqual(['dynamodb:UpdateItem']);
    expect(serviceActions(survey, 'sqs:')).toEqual([]);
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
