import { CfnResource, Duration, type IAspect, Names, Stack } from 'aws-cdk-lib';
import { Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { CfnAlias, CfnFunction, CfnPermission } from 'aws-cdk-lib/aws-lambda';
import type { IConstruct } from 'constructs';
import { WITHHELD_FAILURES_METRIC } from '#shared/verification.ts';
import { PlatformFunction } from './flow-function.ts';
import type { OperationsAlerts } from './operations-alerts.ts';

/** Callers that wait on a function's answer: a throttle is a caller turned away. */
/** Who invokes a function a customer waits on: Connect, an API, or SNS (WhatsApp and two-way SMS). */
const WAITING_CALLERS = ['connect.amazonaws.com', 'apigateway.amazonaws.com', 'sns.amazonaws.com'];

/** Channels that run the capabilities' use cases in process, so count their failure metrics too. */
const TEXT_AND_USSD_CHANNELS = ['sms-channel', 'ussd', 'web-chat', 'whatsapp-channel'];

/** Counted by the Connect and HTTP handler factories when a handler fails unexpectedly. */
const UNEXPECTED_ERROR = 'UnexpectedError';

/**
 * Business failure metrics other than UnexpectedError, and the handlers (lambdas/<handler>)
 * that count them: each is alarmed on each of those handlers' functions.
 */
const FAILURE_METRICS: Readonly<
  Record<string, { readonly handlers: readonly string[]; readonly description: string }>
> = {
  TicketAcknowledgementFailed: {
    // The text and USSD channels lodge complaints through the same use case.
    handlers: ['complaints', 'pensions', 'tickets-api', ...TEXT_AND_USSD_CHANNELS],
    description: 'a ticket was opened but its SMS acknowledgement could not be queued',
  },
  CallbackRequestFailed: {
    handlers: ['tickets-api'],
    description:
      "a resolved complaint's call-back could not be queued (the escalation's closing turn queues it again)",
  },
  [WITHHELD_FAILURES_METRIC]: {
    handlers: ['appointments', 'complaints', 'pensions', 'tracking', ...TEXT_AND_USSD_CHANNELS],
    description:
      'withheld callers failed more proofs this hour than the country-wide threshold allows',
  },
  CallbackRequestsFailed: {
    handlers: ['escalation-sweep'],
    description:
      "the sweeper could not queue a resolved ticket's call-back from the outbox (it stays there for the next sweep)",
  },
  EscalationStartsFailed: {
    handlers: ['escalation-sweep'],
    description: 'the sweeper could not start an escalation the Tickets stream consumer missed',
  },
};

/** A readable name for a function: its construct id, or its owner's when the id is generic. */
const labelOf = (fn: CfnResource): string => {
  const owner = fn.node.id === 'Resource' ? fn.node.scope! : fn;
  return ['Function', 'Handler'].includes(owner.node.id)
    ? owner.node.scope!.node.id
    : owner.node.id;
};

/**
 * Alarms every Lambda function of a stack, to the operations topic: its errors; its throttles
 * when Connect or API Gateway waits on it; and the business failure metrics its handler counts.
 * An aspect, so a function any construct adds (ours or CDK's own) is covered without a list.
 */
export class FunctionAlarms implements IAspect {
  private readonly alerts: OperationsAlerts;

  constructor(alerts: OperationsAlerts) {
    this.alerts = alerts;
  }

  visit(node: IConstruct): void {
    if (!Stack.isStack(node)) return;
    const all = node.node.findAll();
    const waitedOn = new Set(
      all
        .filter((c): c is CfnPermission => c instanceof CfnPermission)
        .filter((permission) => WAITING_CALLERS.includes(permission.principal))
        .map((permission) => JSON.stringify(node.resolve(permission.functionName))),
    );
    // A function invoked through its live alias is waited on when the alias is.
    const aliasesOf = (fn: CfnFunction) =>
      all
        .filter((c): c is CfnAlias => c instanceof CfnAlias)
        .filter(
          (alias) =>
            JSON.stringify(node.resolve(alias.functionName)) ===
            JSON.stringify(node.resolve(fn.ref)),
        )
        .map((alias) => JSON.stringify(node.resolve(alias.ref)));
    for (const fn of all) {
      if (!CfnResource.isCfnResource(fn) || fn.cfnResourceType !== 'AWS::Lambda::Function')
        continue;
      const callerWaits =
        fn instanceof CfnFunction &&
        [JSON.stringify(node.resolve(fn.attrArn)), ...aliasesOf(fn)].some((arn) =>
          waitedOn.has(arn),
        );
      this.alarmFunction(fn, callerWaits);
    }
  }

  private alarmFunction(fn: CfnResource, callerWaits: boolean) {
    const owner = fn.node.id === 'Resource' ? fn.node.scope! : fn;
    // Alarms live beside their function, or with the topic when the function is in another stack.
    const sameStack = Stack.of(owner) === Stack.of(this.alerts);
    const scope = sameStack ? (owner === fn ? fn.node.scope! : owner) : this.alerts;
    const prefix = sameStack ? (owner === fn ? fn.node.id : '') : Names.uniqueId(owner);
    const label = labelOf(fn);
    const purpose = fn instanceof CfnFunction && fn.description ? ` (${fn.description})` : '';
    const lambdaMetric = (metricName: string) =>
      new Metric({
        namespace: 'AWS/Lambda',
        metricName,
        dimensionsMap: { FunctionName: fn.ref },
        statistic: 'Sum',
        period: Duration.minutes(5),
      });

    this.alerts.alarm(scope, `${prefix}ErrorsAlarm`, {
      metric: lambdaMetric('Errors'),
      threshold: 0,
      description: `${label}: the function failed${purpose}`,
    });
    if (callerWaits) {
      this.alerts.alarm(scope, `${prefix}ThrottlesAlarm`, {
        metric: lambdaMetric('Throttles'),
        threshold: 0,
        description: `${label}: invocations were throttled and the caller turned away`,
      });
    }
    const platform = owner instanceof PlatformFunction ? owner : undefined;
    if (!platform) return;
    const failures = Object.entries(FAILURE_METRICS).filter(([, metric]) =>
      metric.handlers.includes(platform.handlerName),
    );
    // The Connect and HTTP handler factories count it; every function a caller waits on is one.
    if (callerWaits)
      failures.push([
        UNEXPECTED_ERROR,
        { handlers: [], description: 'a request failed unexpectedly' },
      ]);
    for (const [metricName, { description }] of failures) {
      this.alerts.onMetric(scope, `${prefix}${metricName}Alarm`, {
        metricName,
        service: platform.serviceName,
        description: `${label}: ${description}`,
      });
    }
  }
}
