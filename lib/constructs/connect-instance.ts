import { CfnHoursOfOperation, CfnInstance, CfnQueue } from 'aws-cdk-lib/aws-connect';
import { Construct } from 'constructs';
import { HOURS, QUEUES } from '../../contact-flows/manifest.ts';
import type { OpeningHours } from '../../lambdas/shared/hours.ts';

export interface ConnectInstanceProps {
  /** Instance alias: unique in the region, part of the agents' login URL. */
  readonly instanceAlias: string;
  /** The contact centre's opening hours; closed dates become CLOSED overrides. */
  readonly hours: OpeningHours;
}

/** Connect allows at most this many overrides per hours of operation. */
const MAX_HOURS_OVERRIDES = 50;

const clock = (time: string) => ({
  hours: Number(time.slice(0, 2)),
  minutes: Number(time.slice(3, 5)),
});

/** The Amazon Connect instance with its hours of operation and queues (contact-flows/manifest.ts). */
export class ConnectInstance extends Construct {
  readonly instance: CfnInstance;
  readonly hours: CfnHoursOfOperation;
  /** Queues by placeholder name (e.g. GeneralQueueArn). */
  readonly queues: Record<keyof typeof QUEUES, CfnQueue>;

  constructor(scope: Construct, id: string, props: ConnectInstanceProps) {
    super(scope, id);
    if (props.hours.closedDates.length > MAX_HOURS_OVERRIDES) {
      throw new Error(
        `Connect allows ${MAX_HOURS_OVERRIDES} hours overrides; ${props.hours.closedDates.length} closed dates were given`,
      );
    }
    this.instance = new CfnInstance(this, 'Instance', {
      identityManagementType: 'CONNECT_MANAGED',
      instanceAlias: props.instanceAlias,
      attributes: {
        inboundCalls: true,
        outboundCalls: true,
        contactflowLogs: true,
        contactLens: true,
        earlyMedia: true,
        autoResolveBestVoices: true,
      },
    });
    this.hours = new CfnHoursOfOperation(this, 'Hours', {
      instanceArn: this.instance.attrArn,
      name: HOURS.ContactCentreHoursArn.name,
      timeZone: props.hours.timeZone,
      config: props.hours.weekly.map((window) => ({
        day: window.day,
        startTime: clock(window.open),
        endTime: clock(window.close),
      })),
      hoursOfOperationOverrides: props.hours.closedDates.map((date) => ({
        overrideName: `Closed ${date}`,
        effectiveFrom: date,
        effectiveTill: date,
        overrideType: 'CLOSED',
        overrideConfig: [],
      })),
    });
    this.queues = Object.fromEntries(
      Object.entries(QUEUES).map(([placeholder, queue]) => [
        placeholder,
        new CfnQueue(this, `Queue-${queue.id}`, {
          instanceArn: this.instance.attrArn,
          name: queue.name,
          hoursOfOperationArn: this.hours.attrHoursOfOperationArn,
        }),
      ]),
    ) as Record<keyof typeof QUEUES, CfnQueue>;
  }
}
