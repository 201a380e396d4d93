import { Match } from 'aws-cdk-lib/assertions';
import { QUEUES } from '#flows/manifest.ts';
import { buildApp } from '../support/app.ts';
import { actionsOn, functionNamed, serviceActions, statementsOf } from '../support/grants.ts';

const { contactCentre, template } = buildApp('prod', {}, { bundle: false });
const centre = template(contactCentre);
const json = JSON.stringify;

const logicalId = (type: string, prefix: string) => {
  const ids = Object.keys(centre.findResources(type)).filter((id) =>
    new RegExp(`^${prefix}[0-9A-F]{8}$`).test(id),
  );
  if (ids.length !== 1) throw new Error(`Expected one ${type} ${prefix}, found ${ids.length}`);
  return ids[0]!;
};
const DLQ = logicalId('AWS::SQS::Queue', 'CallAnalyticsDeadLetters');
const TOPIC = logicalId('AWS::SNS::Topic', 'OperationsAlertsTopic');
const KEY = logicalId('AWS::KMS::Key', 'CallAnalyticsKey');
const STREAM = logicalId('AWS::Kinesis::Stream', 'ContactRecordsStream');

describe('call-log writer (contact-record stream consumer)', () => {
  const writer = functionNamed(centre, 'CallAnalyticsCallLogWriter');
  const statements = statementsOf(centre, 'CallAnalyticsCallLogWriter');

  it('consumes the contact-record stream in batches with partial failure reporting, retries and an on-failure queue', () => {
    centre.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: writer.logicalId },
      EventSourceArn: { 'Fn::GetAtt': [STREAM, 'Arn'] },
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 100,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [DLQ, 'Arn'] } } },
    });
  });

  it('knows the table, the retention, the time zone and the service-level threshold', () => {
    expect(writer.properties.Timeout).toBe(60);
    expect(writer.properties.Environment.Variables).toMatchObject({
      CALL_LOGS_TABLE_NAME: expect.anything(),
      CALL_LOG_RETENTION_DAYS: '730',
      TIME_ZONE: 'Africa/Nairobi',
      ANSWER_WITHIN_SECONDS: '20',
    });
  });

  it('may only update call-log items (never put whole items over the survey), and read the stream', () => {
    expect(serviceActions(statements, 'dynamodb:')).toEqual(['dynamodb:UpdateItem']);
    expect(actionsOn(statements, /DataCallLogs/)).toEqual(['dynamodb:UpdateItem']);
    expect(actionsOn(statements, new RegExp(STREAM))).toEqual(
      expect.arrayContaining(['kinesis:GetRecords', 'kinesis:GetShardIterator']),
    );
    expect(serviceActions(statements, 'kinesis:').every((action) => !action.includes('Put'))).toBe(
      true,
    );
  });

  it('decrypts the stream with the Connect storage key and sends failures to its encrypted queue only', () => {
    expect(actionsOn(statements, /ConnectStorageKey/)).toEqual(['kms:Decrypt']);
    expect(serviceActions(statements, 'sqs:')).toEqual(['sqs:SendMessage']);
    expect(actionsOn(statements, new RegExp(KEY))).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
  });
});

describe('complaint metrics', () => {
  const fn = functionNamed(centre, 'CallAnalyticsComplaintMetrics');
  const statements = statementsOf(centre, 'CallAnalyticsComplaintMetrics');

  it('reads complaint changes from the tickets stream, filtered to complaint tickets', () => {
    centre.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: fn.logicalId },
      EventSourceArn: { 'Fn::ImportValue': Match.stringLikeRegexp('DataTickets.*StreamArn') },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [DLQ, 'Arn'] } } },
      FilterCriteria: {
        Filters: [
          {
            Pattern: json({
              eventName: ['INSERT', 'MODIFY'],
              dynamodb: {
                NewImage: { entity: { S: ['TICKET'] }, type: { S: ['COMPLAINT'] } },
              },
            }),
          },
        ],
      },
    });
  });

  it('sweeps for overdue complaints every 15 minutes, with a dead-letter queue for missed runs', () => {
    centre.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(15 minutes)',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [fn.logicalId, 'Arn'] },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [DLQ, 'Arn'] } },
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 900 },
        }),
      ],
    });
    expect(fn.properties.DeadLetterConfig).toEqual({ TargetArn: { 'Fn::GetAtt': [DLQ, 'Arn'] } });
  });

  it('reads tickets by query only and the tickets stream, nothing else', () => {
    expect(serviceActions(statements, 'dynamodb:')).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:ConditionCheckItem',
      'dynamodb:DescribeStream',
      'dynamodb:GetItem',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
      'dynamodb:ListStreams',
      'dynamodb:Query',
    ]);
    expect(actionsOn(statements, /StreamArn/)).toEqual([
      'dynamodb:DescribeStream',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
      'dynamodb:ListStreams',
    ]);
    expect(actionsOn(statements, /DataCallLogs/)).toEqual([]);
  });
});

describe('alarms', () => {
  const alarms = Object.values(centre.findResources('AWS::CloudWatch::Alarm'));
  const alarm = (description: RegExp) => {
    const found = alarms.filter((candidate) =>
      description.test(String(candidate.Properties.AlarmDescription)),
    );
    if (found.length !== 1)
      throw new Error(`Expected one alarm ${description}, found ${found.length}`);
    return found[0]!.Properties;
  };

  it('notify the one encrypted operations topic, every one of them', () => {
    // The other topics carry WhatsApp's inbound events and the agent chats' stream, not alarms.
    const topics = Object.keys(centre.findResources('AWS::SNS::Topic'));
    expect(topics.filter((topic) => topic !== TOPIC).sort()).toEqual([
      expect.stringMatching(/^MessagingAgentChatStream/),
      expect.stringMatching(/^MessagingWhatsAppEvents/),
    ]);
    expect(topics).toContain(TOPIC);
    expect(alarms.length).toBeGreaterThanOrEqual(8);
    for (const { Properties } of alarms) {
      expect(Properties.AlarmActions).toEqual([{ Ref: TOPIC }]);
    }
    centre.hasResourceProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: { 'Fn::GetAtt': [logicalId('AWS::KMS::Key', 'OperationsAlertsKey'), 'Arn'] },
    });
  });

  it('fire when a caller has waited longer than the ASA target in any queue', () => {
    const wait = alarm(/waited more than 30 s/);
    expect(wait.Threshold).toBe(30);
    expect(wait.EvaluationPeriods).toBe(3);
    const queues = wait.Metrics.filter((metric: { MetricStat?: unknown }) => metric.MetricStat);
    expect(
      queues.map((metric: { MetricStat: { Metric: unknown } }) => metric.MetricStat.Metric),
    ).toEqual(
      Object.values(QUEUES).map((queue) =>
        expect.objectContaining({
          Namespace: 'AWS/Connect',
          MetricName: 'LongestQueueWaitTime',
          Dimensions: expect.arrayContaining([
            { Name: 'MetricGroup', Value: 'Queue' },
            { Name: 'QueueName', Value: queue.name },
          ]),
        }),
      ),
    );
  });

  it('fire when more than 5 % of an hour of queued calls (10 or more) were abandoned', () => {
    const abandonment = alarm(/More than 5 % of queued calls/);
    expect(abandonment.Threshold).toBe(5);
    expect(json(abandonment.Metrics)).toContain('IF(queued >= 10, 100 * abandoned / queued, 0)');
    expect(json(abandonment.Metrics)).toContain('"MetricName":"CallsAbandoned"');
    expect(json(abandonment.Metrics)).toContain('"MetricName":"CallsQueued"');
  });

  it('fire on any complaint past its deadline, open or resolved late', () => {
    const breach = alarm(/past its resolution deadline/);
    expect(breach.Threshold).toBe(0);
    expect(breach.ComparisonOperator).toBe('GreaterThanThreshold');
    expect(json(breach.Metrics)).toContain('ComplaintsOverdue');
    expect(json(breach.Metrics)).toContain('ComplaintsBreached');
  });

  it('fire on any error of the writer, the complaint metrics and the reports function, and on dead letters', () => {
    for (const name of ['CallLogWriter', 'ComplaintMetrics', 'Reports']) {
      const errors = alarm(new RegExp(`^${name}: the function failed`));
      expect(errors).toMatchObject({ MetricName: 'Errors', Namespace: 'AWS/Lambda', Threshold: 0 });
    }
    expect(alarm(/contact trace record or ticket change could not be processed/)).toMatchObject({
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [DLQ, 'QueueName'] } }],
      Threshold: 0,
    });
    expect(alarm(/behind the contact-record stream/)).toMatchObject({
      MetricName: 'IteratorAge',
      Threshold: 900_000,
    });
  });

  it('let EventBridge use the analytics key, and only from this account', () => {
    const key = centre.findResources('AWS::KMS::Key')[KEY]!;
    expect(key.Properties.KeyPolicy.Statement).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Principal: { Service: 'events.amazonaws.com' },
          Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
          Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
        }),
      ]),
    );
  });
});

describe('dashboard', () => {
  const [dashboard] = Object.values(centre.findResources('AWS::CloudWatch::Dashboard'));
  const body = json(dashboard?.Properties.DashboardBody);

  it.each([
    'CallsReceived',
    'CallsHandled',
    'CallsAbandoned',
    'SelfServiceContained',
    'CallsAnsweredInThreshold',
    'AnswerTime',
    'CsatSatisfied',
    'NpsPromoters',
    'NpsDetractors',
    'ComplaintsOpened',
    'ComplaintsResolved',
    'ComplaintsBreached',
    'ComplaintsOverdue',
  ])('charts %s under the analytics service', (metric) => {
    expect(body).toContain(`\\"${metric}\\",\\"service\\",\\"huduma-analytics\\"`);
  });

  it('charts handle time per agent (average and maximum) and the ratios against their targets', () => {
    expect(body).toContain('SEARCH(');
    expect(body).toContain('MetricName=\\\\\\"HandleTime\\\\\\"');
    expect(body).toContain('100 * inThreshold / queued');
    expect(body).toContain('100 * (promoters - detractors) / npsResponses');
    expect(body).toContain('\\"value\\":80,\\"label\\":\\"Service level target\\"');
    expect(body).toContain('\\"value\\":50,\\"label\\":\\"NPS target\\"');
  });

  it('shows every alarm', () => {
    expect(body).toContain('\\"type\\":\\"alarm\\"');
  });
});
