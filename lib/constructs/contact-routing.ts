import { Annotations, Stack } from 'aws-cdk-lib';
import {
  CfnContactFlow,
  CfnHoursOfOperation,
  CfnQueue,
  CfnQuickConnect,
  CfnRoutingProfile,
} from 'aws-cdk-lib/aws-connect';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { substitutePlaceholders } from '#flows/language/placeholders.ts';
import { loadFlowDocument } from '#flows/load.ts';
import { HOURS, QUEUES } from '#flows/manifest.ts';
import type { RoutingProfileDefinition } from '#lib/config/agents.ts';
import type { OpeningHours } from '#shared/hours.ts';
import { getPrompt } from '#shared/speech/catalogue.ts';
import { ConnectApiCall, connectResourceId } from './connect-api-call.ts';

type QueuePlaceholder = keyof typeof QUEUES;

export interface ContactRoutingProps {
  readonly instanceArn: string;
  readonly instanceId: string;
  /** The contact centre's opening hours; closed dates become CLOSED overrides. */
  readonly hours: OpeningHours;
  /** Routing profiles by id (lib/config/agents.ts). */
  readonly routingProfiles: Readonly<Record<string, RoutingProfileDefinition>>;
  /** Caller ID for outbound calls (call-backs) placed from the queues. @default none */
  readonly outboundCallerIdNumberArn?: string;
  /** Retention of the log group of the Connect API calls that associate quick connects. */
  readonly logRetention: RetentionDays;
  /**
   * What the forecast says of the planned shifts (lib/config/staffing-check.ts): each becomes a
   * synth warning on the hours of operation. @default none
   */
  readonly staffingWarnings?: readonly string[];
}

/** Connect allows at most this many overrides per hours of operation. */
export const MAX_HOURS_OVERRIDES = 50;

const clock = (time: string) => ({
  hours: Number(time.slice(0, 2)),
  minutes: Number(time.slice(3, 5)),
});
/**
 * Connect's closing time: midnight is 00:00 (the admin guide's "how to specify midnight"), so
 * 00:00 to 24:00 is open around the clock.
 */
const closingClock = (time: string) => (time === '24:00' ? { hours: 0, minutes: 0 } : clock(time));

/** The hours of operation's description: when agents answer. */
const describeHours = (hours: OpeningHours): string => {
  const windows = [...new Set(hours.weekly.map((window) => `${window.open}-${window.close}`))];
  const allDay = windows.length === 1 && windows[0] === '00:00-24:00';
  return `${allDay ? '24 hours' : windows.join(', ')}, ${hours.weekly.length} days a week (${hours.timeZone}); public holidays per configuration`;
};

/**
 * How contacts reach agents: the hours of operation (with holiday overrides), the queues of
 * contact-flows/manifest.ts, the routing profiles that map queues to agents, and a quick
 * connect per queue, offered on every queue, for agent transfers.
 */
export class ContactRouting extends Construct {
  readonly hours: CfnHoursOfOperation;
  /** Queues by placeholder name (e.g. GeneralQueueArn). */
  readonly queues: Record<QueuePlaceholder, CfnQueue>;
  readonly routingProfiles: Record<string, CfnRoutingProfile>;
  /** The QUEUE_TRANSFER flow quick connects run (contact-flows/queue-transfer.json). */
  readonly queueTransferFlow: CfnContactFlow;
  readonly quickConnects: CfnQuickConnect[] = [];
  private readonly props: ContactRoutingProps;

  constructor(scope: Construct, id: string, props: ContactRoutingProps) {
    super(scope, id);
    const closed = props.hours.closedDates;
    if (closed.length > MAX_HOURS_OVERRIDES) {
      throw new Error(
        `Connect allows ${MAX_HOURS_OVERRIDES} overrides per hours of operation, but ${closed.length} ` +
          `holidays from ${closed[0]} to ${closed.at(-1)} need one. Remove past or far-future dates ` +
          'from data/kenya-public-holidays-*.json, or set hours.openOnHolidays in lib/config/environments.ts.',
      );
    }
    this.props = props;
    this.hours = new CfnHoursOfOperation(this, 'Hours', {
      instanceArn: props.instanceArn,
      name: HOURS.ContactCentreHoursArn.name,
      description: describeHours(props.hours),
      timeZone: props.hours.timeZone,
      config: props.hours.weekly.map((window) => ({
        day: window.day,
        startTime: clock(window.open),
        endTime: closingClock(window.close),
      })),
      ...(closed.length > 0 && {
        hoursOfOperationOverrides: closed.map((date) => ({
          overrideName: `Public holiday ${date}`,
          effectiveFrom: date,
          effectiveTill: date,
          overrideType: 'CLOSED',
          overrideConfig: [],
        })),
      }),
    });

    for (const warning of props.staffingWarnings ?? [])
      Annotations.of(this.hours).addWarningV2('huduma:staffing-short', warning);

    this.queues = Object.fromEntries(
      Object.entries(QUEUES).map(([placeholder, queue]) => [
        placeholder,
        new CfnQueue(this, `Queue-${queue.id}`, {
          instanceArn: props.instanceArn,
          name: queue.name,
          hoursOfOperationArn: this.hours.attrHoursOfOperationArn,
          ...(props.outboundCallerIdNumberArn && {
            outboundCallerConfig: {
              outboundCallerIdName: 'Huduma',
              outboundCallerIdNumberArn: props.outboundCallerIdNumberArn,
            },
          }),
        }),
      ]),
    ) as Record<QueuePlaceholder, CfnQueue>;

    this.routingProfiles = Object.fromEntries(
      Object.entries(props.routingProfiles).map(([profileId, profile]) => [
        profileId,
        new CfnRoutingProfile(this, `RoutingProfile-${profileId}`, {
          instanceArn: props.instanceArn,
          name: profile.name,
          description: profile.description,
          defaultOutboundQueueArn: this.queues[profile.defaultOutboundQueue].attrQueueArn,
          // One call at a time; web, SMS and WhatsApp chats handed over from self-service beside it.
          mediaConcurrencies: [
            { channel: 'VOICE', concurrency: 1 },
            { channel: 'CHAT', concurrency: 2 },
          ],
          queueConfigs: Object.entries(profile.queues).flatMap(([placeholder, routing]) =>
            (['VOICE', 'CHAT'] as const).map((channel) => ({
              priority: routing.priority,
              delay: routing.delay ?? 0,
              queueReference: {
                channel,
                queueArn: this.queues[placeholder as QueuePlaceholder].attrQueueArn,
              },
            })),
          ),
        }),
      ]),
    );

    this.queueTransferFlow = new CfnContactFlow(this, 'QueueTransferFlow', {
      instanceArn: props.instanceArn,
      name: 'Huduma queue transfer',
      description: 'Quick-connect transfers from an agent to another queue',
      type: 'QUEUE_TRANSFER',
      content: Stack.of(this).toJsonString(
        substitutePlaceholders(loadFlowDocument('queue-transfer.json'), (placeholder) => {
          if (placeholder.kind === 'prompt' && placeholder.lang === 'en') {
            return getPrompt(placeholder.promptId).en;
          }
          throw new Error(
            `queue-transfer.json may use only English prompts, not ${placeholder.token}`,
          );
        }),
      ),
    });
    this.addQuickConnects(this.queueTransferFlow.attrContactFlowArn);
  }

  /**
   * A quick connect per queue, transferring through the QUEUE_TRANSFER flow, each offered on
   * every queue. The association is an API call: CfnQueue.QuickConnectArns would make each
   * queue depend on quick connects that depend on the queues (a dependency cycle).
   */
  private addQuickConnects(queueTransferFlowArn: string): void {
    const { instanceArn, instanceId } = this.props;
    for (const [placeholder, queue] of Object.entries(QUEUES)) {
      this.quickConnects.push(
        new CfnQuickConnect(this, `QuickConnect-${queue.id}`, {
          instanceArn,
          name: queue.name,
          description: `Transfer to the ${queue.name} queue`,
          quickConnectConfig: {
            quickConnectType: 'QUEUE',
            queueConfig: {
              contactFlowArn: queueTransferFlowArn,
              queueArn: this.queues[placeholder as QueuePlaceholder].attrQueueArn,
            },
          },
        }),
      );
    }
    // One association per queue and quick connect: adding or removing a queue then only adds or
    // removes its own pairs, and no call ever re-associates an existing pair.
    const quickConnectArns = this.quickConnects.map((qc) => qc.attrQuickConnectArn);
    const queueArns = Object.values(this.queues).map((queue) => queue.attrQueueArn);
    ConnectApiCall.grant(
      this,
      {
        actions: ['connect:AssociateQueueQuickConnects', 'connect:DisassociateQueueQuickConnects'],
        resources: [instanceArn, ...queueArns, ...quickConnectArns],
      },
      this.props.logRetention,
    );
    Object.values(QUEUES).forEach((queue, queueIndex) => {
      const QueueId = connectResourceId(queueArns[queueIndex] as string);
      Object.values(QUEUES).forEach((target, targetIndex) => {
        const QuickConnectIds = [connectResourceId(quickConnectArns[targetIndex] as string)];
        const parameters = { InstanceId: instanceId, QueueId, QuickConnectIds };
        new ConnectApiCall(this, `QuickConnect-${target.id}-on-${queue.id}`, {
          onCreate: { action: 'AssociateQueueQuickConnects', parameters },
          onDelete: { action: 'DisassociateQueueQuickConnects', parameters },
          physicalResourceId: `quick-connect-${target.id}-on-${queue.id}`,
          logRetention: this.props.logRetention,
        });
      });
    });
  }
}
