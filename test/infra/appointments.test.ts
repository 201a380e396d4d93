import { Match } from 'aws-cdk-lib/assertions';
import { FLOW_FUNCTIONS } from '#flows/manifest.ts';
import { buildApp } from '../support/app.ts';
import { ITEM_ACTIONS } from '../support/grants.ts';

const { contactCentre, template } = buildApp('prod');
const centreTemplate = template(contactCentre);
const resources = centreTemplate.toJSON().Resources as Record<
  string,
  { Type: string; Properties: Record<string, unknown> }
>;

/** The logical id of the one resource of a type at a construct path (`<path><8-hex hash>`). */
const logicalId = (type: string, path: string) => {
  const ids = Object.keys(resources).filter(
    (id) => resources[id]?.Type === type && new RegExp(`^${path}[0-9A-F]{8}$`).test(id),
  );
  expect(ids).toHaveLength(1);
  return ids[0]!;
};

interface Statement {
  readonly Action: string | string[];
  readonly Resource: unknown;
}

/** Every statement of the policies attached to a role. */
const statementsOf = (roleLogicalId: string): Statement[] =>
  Object.values(resources)
    .filter(
      (resource) =>
        resource.Type === 'AWS::IAM::Policy' &&
        JSON.stringify(resource.Properties.Roles) === JSON.stringify([{ Ref: roleLogicalId }]),
    )
    .flatMap(
      (policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement,
    );

const actions = (statements: Statement[], service: string) =>
  statements.flatMap((statement) =>
    [statement.Action].flat().filter((action) => action.startsWith(`${service}:`)),
  );

const functionId = logicalId('AWS::Lambda::Function', 'SelfServiceAppointments');
const roleId = logicalId('AWS::IAM::Role', 'SelfServiceAppointmentsRole');
const queueId = logicalId('AWS::SQS::Queue', 'SelfServiceNotifications');
const deadLetterId = logicalId('AWS::SQS::Queue', 'SelfServiceNotificationsDeadLetters');
const queueKeyId = logicalId('AWS::KMS::Key', 'SelfServiceNotificationsKey');

describe('appointments function', () => {
  it('is a flow function in the manifest, so flows can invoke it by placeholder', () => {
    expect(FLOW_FUNCTIONS.AppointmentsFunctionArn).toEqual({ handler: 'appointments' });
  });

  it("runs on Node.js 24 within Connect's 3 s budget, with the SQS notifier", () => {
    const fn = resources[functionId]!.Properties;
    expect(fn.Runtime).toBe('nodejs24.x');
    expect(fn.Timeout).toBeLessThanOrEqual(3);
    expect(fn.Environment).toEqual({
      Variables: expect.objectContaining({
        SERVICE_DATA_TABLE_NAME: expect.anything(),
        PROMPT_AUDIO_URI: expect.anything(),
        POWERTOOLS_SERVICE_NAME: 'huduma-appointments',
        NOTIFIER: 'sqs',
        NOTIFICATIONS_QUEUE_URL: { Ref: queueId },
        IDENTITY_HASHER: 'kms',
        IDENTITY_HASH_KEY_ARN: { 'Fn::ImportValue': expect.stringMatching(/DataIdentityHashKey/) },
      }),
    });
  });

  it('hashes ID numbers with GenerateMac on the HMAC key, and no other use of that key', () => {
    const onHmacKey = statementsOf(roleId).filter((statement) =>
      JSON.stringify(statement.Resource).includes('DataIdentityHashKey'),
    );
    expect(onHmacKey).toEqual([
      expect.objectContaining({
        Action: 'kms:GenerateMac',
        Resource: { 'Fn::ImportValue': expect.stringMatching(/DataIdentityHashKey/) },
      }),
    ]);
    expect(actions(statementsOf(roleId), 'kms').filter((a) => a === 'kms:GenerateMac')).toEqual([
      'kms:GenerateMac',
    ]);
  });

  it('reads and writes items of the service-data table only: no scans, no table settings', () => {
    const statements = statementsOf(roleId).filter(
      (statement) => actions([statement], 'dynamodb').length > 0,
    );
    expect(statements).toHaveLength(1);
    expect(actions(statements, 'dynamodb').sort()).toEqual(ITEM_ACTIONS);
    expect(JSON.stringify(statements[0]!.Resource)).toMatch(/DataServiceData/);
    expect(JSON.stringify(statements[0]!.Resource)).not.toMatch(/Tickets|CallLogs/);
  });

  it('may only send to the notifications queue, encrypting with its key', () => {
    const statements = statementsOf(roleId);
    const sqs = statements.filter((statement) => actions([statement], 'sqs').length > 0);
    expect(sqs).toEqual([
      expect.objectContaining({
        Action: 'sqs:SendMessage',
        Resource: { 'Fn::GetAtt': [queueId, 'Arn'] },
      }),
    ]);
    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
        Resource: { 'Fn::GetAtt': [queueKeyId, 'Arn'] },
      }),
    );
    const services = statements.flatMap((statement) =>
      [statement.Action].flat().map((action) => action.split(':')[0]),
    );
    expect([...new Set(services)].sort()).toEqual(['dynamodb', 'kms', 'logs', 'sqs', 'xray']);
  });

  it('is among the functions that send SMS, the only ones allowed to queue notifications', () => {
    const sendsNotifications = (statement: { Action: unknown; Resource: unknown }) =>
      [statement.Action].flat().includes('sqs:SendMessage') &&
      JSON.stringify(statement.Resource).includes('SelfServiceNotifications');
    const senders = Object.values(resources).filter(
      (resource) =>
        resource.Type === 'AWS::IAM::Policy' &&
        (
          resource.Properties.PolicyDocument as {
            Statement: Parameters<typeof sendsNotifications>[0][];
          }
        ).Statement.some(sendsNotifications),
    );
    const roles = senders.map((policy) => (policy.Properties.Roles as { Ref: string }[])[0]?.Ref);
    // The flow Lambdas that send SMS, the complaint escalation, call-back and staff APIs, and
    // the text and USSD channels, which run the same capabilities.
    expect(roles.sort()).toEqual(
      [
        /^ComplaintEscalationEscalateRole/,
        /^KnowledgeFunctionRole/,
        /^MessagingSmsRole/,
        /^MessagingWhatsAppRole/,
        /^ResolutionCallbackDialerRole/,
        new RegExp(`^${roleId}$`),
        /^SelfServiceComplaintsRole/,
        /^SelfServiceKnowledgeRole/,
        /^SelfServicePensionsRole/,
        /^TicketApiHandlerRole/,
        /^UssdFunctionRole/,
        /^WebChatHandlerRole/,
      ].map((pattern) => expect.stringMatching(pattern)),
    );
  });

  it('can be invoked by its Connect instance only, and is associated with it', () => {
    centreTemplate.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      // On the live alias the flows invoke: one on the function would not admit those calls.
      FunctionName: { Ref: Match.stringLikeRegexp('^SelfServiceAppointmentsLive') },
      Principal: 'connect.amazonaws.com',
      // The instance lives in the stateful stack.
      SourceArn: { 'Fn::ImportValue': Match.stringLikeRegexp('ConnectInstance') },
    });
    centreTemplate.hasResourceProperties('AWS::Connect::IntegrationAssociation', {
      IntegrationType: 'LAMBDA_FUNCTION',
      // The live alias (provisioned in prod): its Ref is the alias ARN.
      IntegrationArn: { Ref: Match.stringLikeRegexp('^SelfServiceAppointmentsLive') },
    });
  });
});

describe('notifications queue', () => {
  it('is encrypted with a rotating customer-managed key and hands failures to a dead-letter queue', () => {
    expect(resources[queueId]!.Properties).toMatchObject({
      KmsMasterKeyId: { 'Fn::GetAtt': [queueKeyId, 'Arn'] },
      RedrivePolicy: {
        deadLetterTargetArn: { 'Fn::GetAtt': [deadLetterId, 'Arn'] },
        maxReceiveCount: 5,
      },
    });
    expect(resources[deadLetterId]!.Properties).toMatchObject({
      KmsMasterKeyId: { 'Fn::GetAtt': [queueKeyId, 'Arn'] },
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
    expect(resources[queueKeyId]!.Properties).toMatchObject({ EnableKeyRotation: true });
  });

  it('refuses connections without TLS on both queues', () => {
    for (const id of [queueId, deadLetterId])
      centreTemplate.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: id }],
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
});
