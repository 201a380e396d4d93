import { Match } from 'aws-cdk-lib/assertions';
import { KNOWLEDGE_ROUTE_KEYS } from '#lambdas/knowledge-api/api-contract.ts';
import { REPORT_ROUTE_KEYS } from '#lambdas/reports/api-contract.ts';
import { TICKET_ROUTE_KEYS } from '#lambdas/tickets-api/api-contract.ts';
import { environments } from '#lib/config/environments.ts';
import { ESCALATION_STREAM_FILTERS } from '#shared/tickets/ticket-events.ts';
import { buildApp } from '../support/app.ts';
import { actionsOn, functionNamed, serviceActions, statementsOf } from '../support/grants.ts';
import type { Json } from '../support/templates.ts';

const { contactCentre, template } = buildApp('prod', {}, { bundle: false });
const centre = template(contactCentre);
const resources = centre.toJSON().Resources as Record<string, { Type: string; Properties: Json }>;
const ofType = (type: string) =>
  Object.entries(resources).filter(([, resource]) => resource.Type === type);
const idOf = (prefix: string, type?: string) => {
  const ids = Object.keys(resources).filter(
    (id) =>
      new RegExp(`^${prefix}[0-9A-F]{8}$`).test(id) && (!type || resources[id]!.Type === type),
  );
  if (ids.length !== 1) throw new Error(`Expected one ${prefix}, found ${ids.join(', ')}`);
  return ids[0]!;
};

describe('complaint escalation state machine', () => {
  const [[, machine]] = ofType('AWS::StepFunctions::StateMachine') as [[string, Json]];

  it('is a Standard workflow named per environment, traced, logging every event', () => {
    expect(machine.Properties).toMatchObject({
      StateMachineType: 'STANDARD',
      StateMachineName: 'huduma-prod-complaint-escalation',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: false },
    });
  });

  it('runs the repository definition, its tasks on the escalation function', () => {
    const escalate = functionNamed(centre, 'ComplaintEscalationEscalate');
    expect(machine.Properties.DefinitionSubstitutions).toEqual({
      EscalationFunctionArn: { 'Fn::GetAtt': [escalate.logicalId, 'Arn'] },
    });
    expect(JSON.stringify(machine.Properties.DefinitionString)).toContain(
      'lambda:invoke.waitForTaskToken',
    );
  });

  it("gives the escalation function the centre's time zone from the environment config", () => {
    const { properties } = functionNamed(centre, 'ComplaintEscalationEscalate');
    expect(properties.Environment.Variables.TIME_ZONE).toBe(environments.prod.hours.timeZone);
  });

  it('may invoke only the escalation function, by its exact ARN', () => {
    const role = machine.Properties.RoleArn['Fn::GetAtt'][0];
    const statements = ofType('AWS::IAM::Policy')
      .filter(([, policy]) => policy.Properties.Roles.some((r: Json) => r.Ref === role))
      .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement);
    const invoke = statements.filter((s: Json) =>
      [s.Action].flat().includes('lambda:InvokeFunction'),
    );
    expect(invoke.map((s: Json) => s.Resource)).toEqual([
      { 'Fn::GetAtt': [functionNamed(centre, 'ComplaintEscalationEscalate').logicalId, 'Arn'] },
    ]);
  });
});

describe('escalation start', () => {
  it('reads the Tickets stream with the documented filters, partial batch failures, retries and an on-failure queue', () => {
    centre.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: functionNamed(centre, 'ComplaintEscalationStart').logicalId },
      StartingPosition: 'TRIM_HORIZON',
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: 5,
      BisectBatchOnFunctionError: true,
      FilterCriteria: {
        Filters: ESCALATION_STREAM_FILTERS.map((pattern) => ({ Pattern: JSON.stringify(pattern) })),
      },
      DestinationConfig: {
        OnFailure: {
          Destination: { 'Fn::GetAtt': [idOf('ComplaintEscalationStartFailures'), 'Arn'] },
        },
      },
    });
  });

  it('lets the starter start and wake executions of this state machine only, and read only the stream', () => {
    const statements = statementsOf(centre, 'ComplaintEscalationStart');
    const machine = idOf('ComplaintEscalationStateMachine', 'AWS::StepFunctions::StateMachine');
    expect(serviceActions(statements, 'states:')).toEqual([
      'states:SendTaskFailure',
      'states:SendTaskHeartbeat',
      'states:SendTaskSuccess',
      'states:StartExecution',
    ]);
    expect(actionsOn(statements, new RegExp(machine))).toEqual(
      serviceActions(statements, 'states:'),
    );
    expect(actionsOn(statements, /StreamArn/)).toEqual([
      'dynamodb:DescribeStream',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
      'dynamodb:ListStreams',
    ]);
  });

  // The sweeper also drains the call-back outbox and the retention schedule (issue 11).
  it('lets the starter and the sweeper delete in their outbox partitions only', () => {
    for (const [prefix, partitions] of [
      ['ComplaintEscalationStart', ['ESCALATION#PENDING']],
      ['ComplaintEscalationSweep', ['ESCALATION#PENDING', 'CALLBACK#PENDING', 'RETENTION#DUE']],
    ] as const) {
      const deletes = statementsOf(centre, prefix).filter((statement) =>
        [statement.Action].flat().includes('dynamodb:DeleteItem'),
      );
      expect(deletes).toEqual([
        {
          Action: 'dynamodb:DeleteItem',
          Effect: 'Allow',
          Resource: { 'Fn::ImportValue': expect.stringMatching(/DataTickets[0-9A-F]{8}Arn/) },
          Condition: {
            'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': partitions },
          },
        },
      ]);
    }
  });

  it('sweeps the escalation outbox every 5 minutes; only the starter and sweeper may start executions', () => {
    centre.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(5 minutes)',
      Targets: [
        Match.objectLike({
          Arn: {
            'Fn::GetAtt': [functionNamed(centre, 'ComplaintEscalationSweep').logicalId, 'Arn'],
          },
          Input: JSON.stringify({ graceMinutes: 5 }),
          DeadLetterConfig: Match.anyValue(),
        }),
      ],
    });
    const starters = ofType('AWS::IAM::Policy')
      .filter(([, policy]) => JSON.stringify(policy.Properties).includes('states:StartExecution'))
      .map(([, policy]) => policy.Properties.Roles[0].Ref);
    expect(starters.sort()).toEqual([
      expect.stringMatching(/^ComplaintEscalationStartRole/),
      expect.stringMatching(/^ComplaintEscalationSweepRole/),
    ]);
  });
});

describe('queues, dead letters and alarms', () => {
  const queues = ofType('AWS::SQS::Queue');

  it('encrypts every queue with a customer-managed key; every work queue redrives to a dead-letter queue', () => {
    for (const [, queue] of queues) {
      expect(resources[queue.Properties.KmsMasterKeyId['Fn::GetAtt'][0]]?.Type).toBe(
        'AWS::KMS::Key',
      );
    }
    const work = queues.filter(([id]) => !/DeadLetters|StartFailures/.test(id));
    expect(work.map(([id]) => id.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual([
      'ResolutionCallbackRequests',
      'SelfServiceNotifications',
    ]);
    for (const [, queue] of work) expect(queue.Properties.RedrivePolicy.maxReceiveCount).toBe(5);
  });

  it('alarms on every dead-letter queue, to the encrypted operations topic', () => {
    const deadLetters = queues
      .filter(([id]) => /DeadLetters|StartFailures/.test(id))
      .map(([id]) => id);
    // Notifications, call analytics, call-backs, escalation starts and sweeps, WhatsApp events,
    // the agent chats' stream to the relay.
    expect(deadLetters).toHaveLength(7);
    const topic = idOf('OperationsAlertsTopic', 'AWS::SNS::Topic');
    for (const queue of deadLetters) {
      centre.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queue, 'QueueName'] } }],
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        AlarmActions: [{ Ref: topic }],
      });
    }
    expect(resources[topic]!.Properties.KmsMasterKeyId).toBeDefined();
  });

  it('lets the sweeper queue call-backs, with the retention it purges after', () => {
    const sweeper = functionNamed(centre, 'ComplaintEscalationSweep');
    expect(sweeper.properties.Environment.Variables).toMatchObject({
      TICKET_RETENTION_DAYS: String(environments.prod.ticketPersonalDataRetentionDays),
      CALLBACK_QUEUE_URL: expect.anything(),
    });
    expect(serviceActions(statementsOf(centre, 'ComplaintEscalationSweep'), 'sqs:')).toEqual([
      'sqs:SendMessage',
    ]);
  });

  it('lets the dialer delete in the call-back outbox partition only', () => {
    const deletes = statementsOf(centre, 'ResolutionCallbackDialer').filter((statement) =>
      [statement.Action].flat().includes('dynamodb:DeleteItem'),
    );
    expect(deletes).toEqual([
      expect.objectContaining({
        Condition: {
          'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['CALLBACK#PENDING'] },
        },
      }),
    ]);
  });

  it('alarms on breaches, recovered and stalled starts, recovered call-backs, failed purges, failed executions', () => {
    for (const [metricName, service] of [
      ['ComplaintsBreached', 'huduma-escalation'],
      ['EscalationStartsRecovered', 'huduma-escalation-sweep'],
      ['EscalationOutboxOldestMinutes', 'huduma-escalation-sweep'],
      ['CallbackRequestsRecovered', 'huduma-escalation-sweep'],
      ['TicketPurgesFailed', 'huduma-escalation-sweep'],
    ]) {
      centre.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'HudumaContactCentre',
        MetricName: metricName,
        Dimensions: [{ Name: 'service', Value: service }],
      });
    }
    centre.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/States',
      MetricName: 'ExecutionsFailed',
    });
  });
});

describe('call-back dialer', () => {
  it("consumes the call-back queue with partial batch failures, at most 2 instances (Connect's 2 calls a second)", () => {
    centre.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: functionNamed(centre, 'ResolutionCallbackDialer').logicalId },
      EventSourceArn: { 'Fn::GetAtt': [idOf('ResolutionCallbackRequests'), 'Arn'] },
      BatchSize: 5,
      ScalingConfig: { MaximumConcurrency: 2 },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    const { properties } = functionNamed(centre, 'ResolutionCallbackDialer');
    expect(properties.Environment.Variables).toMatchObject({
      DIAL_INTERVAL_MS: '1000',
      CONTACT_CENTRE_HOURS: expect.stringContaining('Africa/Nairobi'),
    });
  });

  it('may place and describe calls on its instance, and nothing else in Connect', () => {
    const statements = statementsOf(centre, 'ResolutionCallbackDialer');
    expect(serviceActions(statements, 'connect:')).toEqual([
      'connect:DescribeContact',
      'connect:StartOutboundVoiceContact',
    ]);
    // Its own queue: consumed, and sent to (deferred attempts and answer checks).
    expect(actionsOn(statements, /ResolutionCallbackRequests[0-9A-F]{8}"/)).toEqual([
      'sqs:ChangeMessageVisibility',
      'sqs:DeleteMessage',
      'sqs:GetQueueAttributes',
      'sqs:GetQueueUrl',
      'sqs:ReceiveMessage',
      'sqs:SendMessage',
    ]);
  });
});

describe('ticket API', () => {
  // Africa's Talking's SMS callback carries no staff token: its handler checks the callback's own.
  const SMS_CALLBACK = 'POST /channels/sms';

  it('puts every staff route behind the Cognito JWT authorizer, and only the SMS callback outside it', () => {
    const [[authorizer]] = ofType('AWS::ApiGatewayV2::Authorizer') as [[string, unknown]];
    centre.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
    });
    const all = ofType('AWS::ApiGatewayV2::Route');
    const [[, callback]] = all.filter(
      ([, route]) => route.Properties.RouteKey === SMS_CALLBACK,
    ) as [[string, Json]];
    expect(callback.Properties.AuthorizationType ?? 'NONE').toBe('NONE');
    const routes = all.filter(([, route]) => route.Properties.RouteKey !== SMS_CALLBACK);
    expect(routes.map(([, route]) => route.Properties.RouteKey).sort()).toEqual(
      [...TICKET_ROUTE_KEYS, ...REPORT_ROUTE_KEYS, ...KNOWLEDGE_ROUTE_KEYS].sort(),
    );
    for (const [, route] of routes) {
      expect(route.Properties).toMatchObject({
        AuthorizationType: 'JWT',
        AuthorizerId: { Ref: authorizer },
      });
    }
  });

  it('has no self sign-up, requires MFA, and users cannot write their own agency', () => {
    centre.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
    });
    const [[, client]] = ofType('AWS::Cognito::UserPoolClient') as [[string, Json]];
    expect(client.Properties.ReadAttributes).toContain('custom:agencyId');
    expect(client.Properties.WriteAttributes).not.toContain('custom:agencyId');
    expect(
      ofType('AWS::Cognito::UserPoolGroup')
        .map(([, group]) => group.Properties.GroupName)
        .sort(),
    ).toEqual(['agency-focal-persons', 'agents', 'supervisors']);
  });

  it('logs access and throttles the stage', () => {
    centre.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
      DefaultRouteSettings: { ThrottlingBurstLimit: 100, ThrottlingRateLimit: 50 },
    });
  });

  it('reads and updates tickets, reads service data, and may not start or stop escalations', () => {
    const statements = statementsOf(centre, 'TicketApiHandler');
    expect(serviceActions(statements, 'states:')).toEqual([]);
    expect(serviceActions(statements, 'dynamodb:')).not.toContain('dynamodb:DeleteItem');
    expect(actionsOn(statements, /DataServiceData/)).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:ConditionCheckItem',
      'dynamodb:GetItem',
      'dynamodb:Query',
    ]);
  });
});
