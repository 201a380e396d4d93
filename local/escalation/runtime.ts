import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context, SQSEvent } from 'aws-lambda';
import { SWEEP_EVERY_MINUTES, SWEEP_GRACE_MINUTES } from '#lambdas/escalation-sweep/schedule.ts';
import type { SentMessage } from '#lambdas/notification-delivery/gateways.ts';
import { contactCentreHours, environments } from '#lib/config/environments.ts';
import { isKnowledgeRoute, isReportRoute } from '#local/api-events.ts';
import { localArn } from '#local/arns.ts';
import { localContacts } from '#local/contacts.ts';
import { localDynamoDbClient, localTableName } from '#local/dynamodb/tables.ts';
import type { EngineResources } from '#local/flow-engine/types.ts';
import { type LocalPlatform, localHandler } from '#local/handlers.ts';
import type { SimulatedClock } from '#local/sim-clock.ts';
import { ticketsTable } from '#shared/data/tables.ts';
import type { OpeningHours } from '#shared/hours.ts';
import { localOutbox } from '#shared/notifications/default-notifier.ts';
import type { Notification } from '#shared/notifications/notifier.ts';
import type { CallbackMessage } from '#shared/tickets/callbacks.ts';
import type { EscalationControl } from '#shared/tickets/escalations.ts';
import { ESCALATION_STREAM_FILTERS } from '#shared/tickets/ticket-events.ts';
import { type Answering, LocalOutboundDialer } from './dialer.ts';
import { LocalQueue, type SqsConsumer } from './local-queue.ts';
import { type LocalLambda, LocalStepFunctions } from './step-functions.ts';
import { type StreamConsumer, StreamReader } from './stream-reader.ts';

export interface LocalEscalationOptions {
  readonly clock: SimulatedClock;
  readonly dynamoDbEndpoint: string;
  /** What the handlers run on. @default the tests' (local/handlers.ts) */
  readonly platform?: LocalPlatform;
  /** The flow engine's resources: the dialer runs the outbound flow with them. */
  readonly resources: EngineResources;
  /** How the simulated customers answer call-backs. @default every call answered */
  readonly answering?: Answering;
  /** Contact-centre hours for the dialer. @default the dev environment's */
  readonly hours?: OpeningHours;
  /** Wraps the Step Functions client the starter and sweeper use (fault injection). */
  readonly wrapEscalations?: (control: EscalationControl) => EscalationControl;
  /** Minutes between sweeps on the simulated clock. @default the deployed schedule's */
  readonly sweepEveryMinutes?: number;
}

const context = { getRemainingTimeInMillis: () => 60_000 } as Context;

/**
 * The complaint escalation on this machine, with the deployed handlers: the Tickets stream
 * read from DynamoDB Local into the starter, the state machine run by aws-local-stepfunctions,
 * the sweeper on its schedule, the call-back queue and dialer (calls run the outbound flow),
 * and notifications rendered by the delivery handler into `sent`. All on one simulated clock:
 * `advanceTo` steps through every due event in order, so a 72-hour story runs in seconds.
 */
export const startLocalEscalation = async (options: LocalEscalationOptions) => {
  const { clock, platform } = options;

  const callbacks = new LocalQueue<CallbackMessage>({
    name: 'huduma-callbacks',
    clock,
    batchSize: 5,
    maxReceiveCount: 5,
  });
  const dialer = new LocalOutboundDialer({
    resources: options.resources,
    clock,
    ...(options.answering && { answering: options.answering }),
  });
  const stepFunctions = new LocalStepFunctions({
    id: 'complaintEscalation',
    clock,
    lambdas: {
      escalation: localHandler(
        'escalation',
        { clock: clock.now, callbacks },
        platform,
      ) as unknown as LocalLambda,
    },
  });
  const escalations = options.wrapEscalations?.(stepFunctions) ?? stepFunctions;
  const starter = localHandler('escalation-start', { escalations }, platform);
  const sweeper = localHandler(
    'escalation-sweep',
    { escalations, callbacks, clock: clock.now },
    platform,
  );
  const dialerHandler = localHandler(
    'callback-dialer',
    {
      dialer,
      queue: callbacks,
      hours: options.hours ?? contactCentreHours(environments.dev),
      agentQueue: localArn.queue('complaints'),
      // Pacing is real time; on the simulated clock calls are placed as their messages come due.
      pacer: { next: async () => {} },
      clock: clock.now,
    },
    platform,
  );
  const sent: SentMessage[] = [];
  let delivering: Notification | undefined;
  const deliveryHandler = localHandler(
    'notification-delivery',
    {
      sms: {
        send: async (message) => {
          sent.push({ channel: 'sms', notificationId: delivering?.id ?? '', ...message });
        },
      },
      email: {
        send: async (message) => {
          sent.push({ channel: 'email', notificationId: delivering?.id ?? '', ...message });
        },
      },
    },
    platform,
  );
  const stream = new StreamReader({
    client: localDynamoDbClient(options.dynamoDbEndpoint),
    endpoint: options.dynamoDbEndpoint,
    tableName: localTableName(ticketsTable),
    consumer: starter as unknown as StreamConsumer,
    filters: ESCALATION_STREAM_FILTERS,
  });
  await stream.start();

  let delivered = localOutbox.length;
  /** Queued notifications (the local outbox) go through the delivery handler, one by one. */
  const deliverNotifications = async (): Promise<number> => {
    let count = 0;
    while (delivered < localOutbox.length) {
      delivering = localOutbox[delivered++]!;
      const event: SQSEvent = {
        Records: [{ messageId: delivering.id, body: JSON.stringify(delivering) } as never],
      };
      await deliveryHandler(event, context);
      count++;
    }
    return count;
  };

  const sweepEvery = (options.sweepEveryMinutes ?? SWEEP_EVERY_MINUTES) * 60_000;
  let nextSweepAt = clock.nowMs() + sweepEvery;
  const runSweep = () => sweeper({ graceMinutes: SWEEP_GRACE_MINUTES }, context);

  /** Runs everything that is due now until nothing is left to do. */
  const settle = async (): Promise<void> => {
    for (let round = 0; round < 10_000; round++) {
      await stepFunctions.idle();
      let worked = await stream.poll();
      await stepFunctions.idle();
      worked += stepFunctions.tick();
      await stepFunctions.idle();
      worked += await callbacks.deliver(dialerHandler as unknown as SqsConsumer);
      if (clock.nowMs() >= nextSweepAt) {
        nextSweepAt = clock.nowMs() + sweepEvery;
        await runSweep();
        worked++;
      }
      worked += await deliverNotifications();
      if (worked === 0) return;
    }
    throw new Error('The local escalation did not settle');
  };

  /** Moves the clock to `target`, stopping at every wake-up, queued message and sweep on the way. */
  const advanceTo = async (target: number): Promise<void> => {
    await settle();
    for (;;) {
      const due = [stepFunctions.nextWakeAt(), callbacks.nextVisibleAt(), nextSweepAt]
        .filter((at): at is number => at !== undefined && at > clock.nowMs())
        .sort((a, b) => a - b)[0];
      if (due === undefined || due > target) break;
      clock.set(due);
      await settle();
    }
    clock.set(target);
    await settle();
  };

  const tickets = localHandler('tickets-api', { clock: clock.now, callbacks }, platform);
  const reports = localHandler('reports', { now: clock.now }, platform);
  const knowledge = localHandler(
    'knowledge-api',
    { now: clock.now, contactLine: localContacts },
    platform,
  );
  const ussd = localHandler('ussd', { clock: clock.now }, platform);

  return {
    clock,
    stepFunctions,
    callbacks,
    dialer,
    stream,
    /** Messages rendered and "sent" by the delivery handler's local gateways. */
    sent,
    /** Notifications queued by every handler in this process. */
    outbox: localOutbox,
    /** The staff API: each route to its Lambda, as API Gateway routes them. */
    api: (event: APIGatewayProxyEventV2WithJWTAuthorizer, lambdaContext: Context) =>
      (isKnowledgeRoute(event.routeKey)
        ? knowledge
        : isReportRoute(event.routeKey)
          ? reports
          : tickets)(event, lambdaContext),
    /** The USSD gateway's callback (`POST /channels/ussd`), on the same clock. */
    ussd,
    sweep: runSweep,
    settle,
    advanceTo,
    advanceBy: (ms: number) => advanceTo(clock.nowMs() + ms),
    /** Ends running executions and closes the stream client. */
    stop: async () => {
      stepFunctions.stop();
      await stepFunctions.idle();
      stream.stop();
    },
  };
};

export type LocalEscalation = Awaited<ReturnType<typeof startLocalEscalation>>;
