import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { EventSourceMapping, FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  DefinitionBody,
  LogLevel,
  StateMachine,
  StateMachineType,
} from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { SWEEP_EVERY_MINUTES, SWEEP_GRACE_MINUTES } from '#lambdas/escalation-sweep/schedule.ts';
import {
  CALLBACK_OUTBOX_PARTITION,
  ESCALATION_OUTBOX_PARTITION,
  RETENTION_DUE_PARTITION,
  ticketsTable,
} from '#shared/data/tables.ts';
import type { ContactCentreContacts } from '#shared/tickets/escalation-policy.ts';
import { ESCALATION_STREAM_FILTERS } from '#shared/tickets/ticket-events.ts';
import { definitionText, STATE_MACHINES } from '#state-machines/definitions.ts';
import { grantStreamReadByArn } from './data-tables.ts';
import { PlatformFunction } from './flow-function.ts';
import type { OperationsAlerts } from './operations-alerts.ts';
import { deadLetterQueue, EncryptedQueueDestination } from './queues.ts';
import type { ResolutionCallback } from './resolution-callback.ts';
import { rotatingKey } from './rotating-key.ts';

export interface ComplaintEscalationProps {
  /** Tickets, with the stream the escalation starts from. */
  readonly ticketsTable: TableV2;
  /** The contact centre's supervisor and management (environment config). */
  readonly contacts: ContactCentreContacts;
  /** Where a resolved complaint's call-back is requested again if the API could not. */
  readonly callbacks: ResolutionCallback;
  /** Days a closed ticket keeps its call-back number and free text (the sweeper purges). */
  readonly ticketRetentionDays: number;
  readonly allowToNotify: (fn: PlatformFunction) => void;
  /** Prefix of the state machine's name, e.g. `huduma-prod`. */
  readonly namePrefix: string;
  readonly promptAudioUri: string;
  /** The centre's time zone (config `hours.timeZone`): local dates and hours of its notices. */
  readonly timeZone: string;
  readonly logRetention: RetentionDays;
  readonly alerts: OperationsAlerts;
}

const SWEEP_EVERY = Duration.minutes(SWEEP_EVERY_MINUTES);

/** What the sweeper had to do that should not have been needed (alarmed above 0 in 5 minutes). */
const SWEEP_ALARMS = [
  {
    id: 'RecoveredStartsAlarm',
    metricName: 'EscalationStartsRecovered',
    description: 'The sweeper had to start escalations the Tickets stream consumer missed',
  },
  {
    id: 'StalledStartsAlarm',
    metricName: 'EscalationOutboxOldestMinutes',
    statistic: 'Maximum',
    threshold: 30,
    description: 'A complaint has waited over 30 minutes for its escalation to start',
  },
  {
    id: 'RecoveredCallbacksAlarm',
    metricName: 'CallbackRequestsRecovered',
    description: 'The sweeper had to queue call-backs the ticket API could not',
  },
  {
    id: 'FailedPurgesAlarm',
    metricName: 'TicketPurgesFailed',
    description: "A closed ticket's personal data could not be purged after its retention",
  },
] as const;

/**
 * The 72-hour escalation: a Standard state machine per complaint (definition in
 * state-machines/, shared with the local runner), started from the Tickets stream by a consumer
 * that reports partial batch failures and dead-letters what it gives up on, with a scheduled
 * sweeper that starts any complaint the stream missed (execution names make it exactly once).
 * Alarms: breaches, failed or recovered starts, the stream's dead letters, failed executions
 * (each function's errors come with every function's, from OperationsAlerts).
 */
export class ComplaintEscalation extends Construct {
  readonly stateMachine: StateMachine;
  readonly escalationFunction: PlatformFunction;
  readonly starter: PlatformFunction;
  readonly sweeper: PlatformFunction;

  constructor(scope: Construct, id: string, props: ComplaintEscalationProps) {
    super(scope, id);
    const { alerts } = props;
    const platformFunction = (name: string, handler: string, description: string) =>
      new PlatformFunction(this, name, {
        handler,
        description,
        logRetention: props.logRetention,
        timeout: Duration.seconds(30),
        environment: { PROMPT_AUDIO_URI: props.promptAudioUri },
      }).bindTable(ticketsTable, props.ticketsTable, 'readUpdate');

    this.escalationFunction = platformFunction(
      'Escalate',
      'escalation',
      'Escalation steps of a complaint (notify, remind, escalate, breach, watch) and its wait',
    );
    this.escalationFunction.addEnvironment('ESCALATION_CONTACTS', JSON.stringify(props.contacts));
    this.escalationFunction.addEnvironment('TIME_ZONE', props.timeZone);
    props.allowToNotify(this.escalationFunction);
    props.callbacks.allowToRequest(this.escalationFunction);

    const definition = STATE_MACHINES.complaintEscalation;
    const stateMachineName = `${props.namePrefix}-complaint-escalation`;
    const logs = new LogGroup(this, 'ExecutionLogs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineName,
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromString(definitionText('complaintEscalation')),
      definitionSubstitutions: Object.fromEntries(
        Object.keys(definition.functions).map((placeholder) => [
          placeholder,
          this.escalationFunction.functionArn,
        ]),
      ),
      tracingEnabled: true,
      logs: { destination: logs, level: LogLevel.ALL, includeExecutionData: false },
    });
    Validations.of(this.stateMachine.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray tracing and CloudWatch Logs delivery (logs:CreateLogDelivery and friends) support no resource-level permissions.',
    });
    // Only this function, by its ARN (not grantInvoke's version wildcard).
    this.stateMachine.addToRolePolicy(
      new PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: [this.escalationFunction.functionArn],
      }),
    );

    // The stream consumer: starts executions, wakes them on resolution, restarts on reopening.
    this.starter = platformFunction(
      'Start',
      'escalation-start',
      'Starts, wakes and restarts complaint escalations from the Tickets stream',
    );
    this.starter.addEnvironment('ESCALATION_STATE_MACHINE_ARN', this.stateMachine.stateMachineArn);
    this.stateMachine.grantStartExecution(this.starter);
    this.stateMachine.grantTaskResponse(this.starter);
    // A started complaint leaves the outbox (readUpdate has no delete).
    this.starter.allowDeleteIn(props.ticketsTable, [ESCALATION_OUTBOX_PARTITION]);
    const key = rotatingKey(
      this,
      'Key',
      'Encrypts the escalation start failures (Tickets stream batches given up)',
    );
    // EventBridge writes the sweep schedule's undeliverable events to a queue under this key.
    key.grant(new ServicePrincipal('events.amazonaws.com'), 'kms:GenerateDataKey', 'kms:Decrypt');
    const startFailures = deadLetterQueue(
      this,
      'StartFailures',
      key,
      'the Tickets stream consumer (an on-failure destination)',
    );
    const streamArn = grantStreamReadByArn(props.ticketsTable, this.starter, 'Escalation starts');
    // Given-up batches' coordinates go here (the destination grants exactly send and its key).
    new EventSourceMapping(this, 'StreamMapping', {
      target: this.starter,
      eventSourceArn: streamArn,
      startingPosition: StartingPosition.TRIM_HORIZON,
      batchSize: 10,
      retryAttempts: 5,
      maxRecordAge: Duration.hours(6),
      bisectBatchOnError: true,
      reportBatchItemFailures: true,
      onFailure: new EncryptedQueueDestination(startFailures, key),
      filters: ESCALATION_STREAM_FILTERS.map((pattern) => FilterCriteria.filter(pattern as never)),
    });

    // The sweeper: starts any complaint still in the escalation outbox after the grace period.
    this.sweeper = platformFunction(
      'Sweep',
      'escalation-sweep',
      'Starts the escalation of any complaint the stream consumer missed',
    );
    this.sweeper.addEnvironment('ESCALATION_STATE_MACHINE_ARN', this.stateMachine.stateMachineArn);
    this.stateMachine.grantStartExecution(this.sweeper);
    // It also queues call-backs left in their outbox and purges closed tickets past retention.
    props.callbacks.allowToRequest(this.sweeper);
    this.sweeper.addEnvironment('TICKET_RETENTION_DAYS', String(props.ticketRetentionDays));
    this.sweeper.allowDeleteIn(props.ticketsTable, [
      ESCALATION_OUTBOX_PARTITION,
      CALLBACK_OUTBOX_PARTITION,
      RETENTION_DUE_PARTITION,
    ]);
    const sweepDeadLetters = deadLetterQueue(this, 'SweepDeadLetters', key, 'the sweep schedule');
    new Rule(this, 'SweepSchedule', {
      description: 'Sweeps the complaint escalation outbox',
      schedule: Schedule.rate(SWEEP_EVERY),
      targets: [
        new LambdaFunction(this.sweeper, {
          event: RuleTargetInput.fromObject({ graceMinutes: SWEEP_GRACE_MINUTES }),
          retryAttempts: 2,
          deadLetterQueue: sweepDeadLetters,
        }),
      ],
    });

    alerts.onDeadLetters(this, 'StartFailuresAlarm', startFailures, 'Escalation starts');
    alerts.onDeadLetters(this, 'SweepDeadLettersAlarm', sweepDeadLetters, 'Escalation sweeps');
    alerts.onMetric(this, 'BreachAlarm', {
      metricName: 'ComplaintsBreached',
      service: 'huduma-escalation',
      description: 'A complaint passed its resolution deadline (72 h) unresolved',
    });
    for (const { id: alarmId, ...alarm } of SWEEP_ALARMS)
      alerts.onMetric(this, alarmId, { ...alarm, service: 'huduma-escalation-sweep' });
    alerts.alarm(this, 'FailedExecutionsAlarm', {
      metric: this.stateMachine.metricFailed({ period: Duration.minutes(5) }),
      threshold: 0,
      description: 'A complaint escalation execution failed',
    });
  }
}
