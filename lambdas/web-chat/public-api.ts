import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { isDomainError } from '#shared/errors.ts';
import { logger, metrics } from '#shared/powertools.ts';
import type * as z from '#shared/zod.ts';

/** A public route: its body schema and use case (citizens are anonymous: no principal). */
export interface PublicRoute<B extends z.ZodMiniType, R> {
  readonly body: B;
  readonly handle: (body: z.infer<B>) => Promise<R>;
}
export const publicRoute = <B extends z.ZodMiniType, R>(route: PublicRoute<B, R>) => route;
// biome-ignore lint/suspicious/noExplicitAny: a route table holds routes of different shapes.
export type PublicRoutes = Readonly<Record<string, PublicRoute<any, unknown>>>;

const STATUS: Record<string, number> = {
  INVALID_INPUT: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};
/** Connect's answers when it is at its chat quota or rate: the customer is asked to try again. */
const BUSY = new Set(['LimitExceededException', 'ThrottlingException', 'TooManyRequestsException']);

/**
 * The public chat API behind API Gateway (REST, so AWS WAF can guard it): the route by method
 * and resource, a JSON body parsed by the route's zod schema (400 with the reason), the use case;
 * domain errors become 4xx with their outcome here and only here, Connect's quota a 503, and
 * anything else a 500 without internals. Every answer carries the page's CORS origin.
 */
export const publicApiHandler = ({
  routes,
  allowedOrigin,
}: {
  readonly routes: PublicRoutes;
  readonly allowedOrigin: string;
}) => {
  const json = (statusCode: number, body: unknown): APIGatewayProxyResult => {
    metrics.addMetric(`Api_${statusCode}`, MetricUnit.Count, 1);
    return {
      statusCode,
      headers: {
        'content-type': 'application/json',
        'cache-control': 'no-store',
        'access-control-allow-origin': allowedOrigin,
        vary: 'origin',
      },
      body: JSON.stringify(body),
    };
  };
  const handle = async (
    event: APIGatewayProxyEvent,
    _context: Context,
  ): Promise<APIGatewayProxyResult> => {
    const key = `${event.httpMethod} ${event.resource}`;
    const selected = routes[key];
    if (!selected) return json(404, { error: 'NOT_FOUND', message: 'No such route' });
    let raw: unknown;
    try {
      const text = event.isBase64Encoded
        ? Buffer.from(event.body ?? '', 'base64').toString('utf8')
        : (event.body ?? '');
      raw = JSON.parse(text || '{}');
    } catch {
      return json(400, { error: 'INVALID_INPUT', reason: 'NOT_JSON' });
    }
    const body = selected.body.safeParse(raw);
    if (!body.success)
      return json(400, {
        error: 'INVALID_INPUT',
        reason: body.error.issues
          .map(
            (issue: z.core.$ZodIssue) => `${['body', ...issue.path].join('.')}: ${issue.message}`,
          )
          .join('; '),
      });
    try {
      return json(200, await selected.handle(body.data));
    } catch (error) {
      if (isDomainError(error)) {
        logger.info('Request refused', { route: key, outcome: error.outcome });
        return json(STATUS[error.outcome] ?? 400, {
          error: error.outcome,
          message: error.message,
          ...error.details,
        });
      }
      const name = (error as Error)?.name;
      if (BUSY.has(name)) {
        logger.warn('Connect is at its chat quota or rate', { route: key, errorName: name });
        return json(503, { error: 'BUSY', message: 'Please try again in a minute' });
      }
      // The error's name only: a message may quote what the customer typed.
      logger.error('Request failed', { route: key, errorName: name });
      metrics.addMetric('UnexpectedError', MetricUnit.Count, 1);
      return json(500, { error: 'INTERNAL', message: 'Something went wrong' });
    }
  };
  return middy<APIGatewayProxyEvent, APIGatewayProxyResult>()
    .use(injectLambdaContext(logger, { clearState: true }))
    .use(logMetrics(metrics))
    .handler(handle);
};
