import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { channelOperations } from '#lambdas/channel-operations.ts';
import { hashingNotifyingClients } from '#shared/aws-clients.ts';
import { type ChannelDependencies, channelDependencies } from '#shared/channel-dependencies.ts';
import { createCallLogRepository } from '#shared/data/call-logs.repository.ts';
import { createConversationRepository } from '#shared/data/conversations.repository.ts';
import { createUssdSessionRepository } from '#shared/data/ussd-sessions.repository.ts';
import { parseEnv } from '#shared/env.ts';
import type { OpeningHours } from '#shared/hours.ts';
import { type AwsClients, deployedHandler, type Environment } from '#shared/platform.ts';
import { logger, metrics } from '#shared/powertools.ts';
import { ussdRecorder } from './call-log.ts';
import { UssdEnvironmentSchema } from './config.ts';
import { gatewayRanges, gatewaySources, parseCallback } from './gateway.ts';
import { composeScreen } from './screens.ts';
import { createUssdService } from './session.ts';

export interface UssdHandlerDependencies extends ChannelDependencies {
  readonly timeZone: string;
  /** The hours Connect checks (CONTACT_CENTRE_HOURS): when agents are back. */
  readonly hours: OpeningHours;
  readonly gatewayCidrs: string;
  readonly sessionMinutes: number;
  /** @default a new booking reference with its check digit */
  readonly newReference?: () => string;
}

export const defaultDependencies = (
  env: Environment,
  aws: Pick<AwsClients, 'dynamoDb' | 'kms' | 'sqs'>,
): UssdHandlerDependencies => {
  const config = parseEnv(UssdEnvironmentSchema, env);
  return {
    ...channelDependencies(config, aws),
    timeZone: config.TIME_ZONE,
    hours: config.CONTACT_CENTRE_HOURS,
    gatewayCidrs: config.USSD_GATEWAY_CIDRS,
    sessionMinutes: config.USSD_SESSION_MINUTES,
  };
};

/**
 * The REST API's proxy event (payload 1.0), of which the callback reads the body and the source
 * address; the HTTP API's shape (2.0) is read too, so either integration serves it.
 */
export interface UssdHttpEvent {
  readonly body?: string | null;
  readonly isBase64Encoded?: boolean;
  readonly requestContext?: {
    readonly identity?: { readonly sourceIp?: string };
    readonly http?: { readonly sourceIp?: string };
  };
}

const text = (statusCode: number, body: string): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  body,
});

/**
 * The gateway's callback (`POST /channels/ussd`): always a `CON …` or `END …` screen with
 * status 200, whatever the input, since an HTTP error or a reply without the prefix ends the
 * customer's session at the gateway. Only requests from the gateway's addresses are served.
 */
export const createHandler = (deps: UssdHandlerDependencies) => {
  const fromGateway = gatewaySources(deps.gatewayCidrs);
  const service = createUssdService({
    sessions: createUssdSessionRepository(deps.db, deps.tables.serviceData),
    customers: createConversationRepository(deps.db, deps.tables.serviceData),
    identityHasher: deps.identityHasher,
    operations: channelOperations(deps),
    notifier: deps.notifier,
    clock: deps.clock,
    sessionMinutes: deps.sessionMinutes,
    hours: deps.hours,
    // Only behind a configured gateway is the number the network's (an open callback: anyone's).
    numberAuthenticated: gatewayRanges(deps.gatewayCidrs).length > 0,
    record: ussdRecorder(
      createCallLogRepository(deps.db, deps.tables.callLogs),
      deps.callLogPolicy,
    ),
  });
  const handle = async (
    event: UssdHttpEvent,
    _context: Context,
  ): Promise<APIGatewayProxyStructuredResultV2> => {
    const source = event.requestContext?.identity?.sourceIp ?? event.requestContext?.http?.sourceIp;
    if (!fromGateway(source)) {
      metrics.addMetric('UssdForeignSource', MetricUnit.Count, 1);
      logger.warn('USSD callback from outside the gateway refused');
      return text(403, 'Forbidden');
    }
    const request = parseCallback(event.body ?? undefined, event.isBase64Encoded);
    if (!request) {
      metrics.addMetric('Outcome_INVALID_INPUT', MetricUnit.Count, 1);
      return text(200, composeScreen({ said: [], end: { prompt: 'ussd.error' } }, 'en').response);
    }
    const screen = await service(request);
    metrics.addMetric(
      screen.startsWith('END') ? 'UssdSessionEnded' : 'UssdScreen',
      MetricUnit.Count,
      1,
    );
    logger.info('USSD step answered', {
      network: request.networkCode,
      last: screen.startsWith('END'),
    });
    return text(200, screen);
  };
  return middy<UssdHttpEvent, APIGatewayProxyStructuredResultV2>()
    .use(injectLambdaContext(logger, { clearState: true }))
    .use(logMetrics(metrics))
    .handler(handle);
};

export const handler = deployedHandler(() =>
  createHandler(defaultDependencies(process.env, hashingNotifyingClients())),
);
