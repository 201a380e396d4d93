import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import type * as z from '#shared/zod.ts';
import { type DomainError, InvalidInputError, isDomainError } from './errors.ts';
import { logger, metrics } from './powertools.ts';
import type { Principal } from './principal.ts';

/** One route: schemas for its path parameters, query and body, and the use case it calls. */
export interface Route<
  P extends z.ZodMiniType,
  Q extends z.ZodMiniType,
  B extends z.ZodMiniType,
  R,
> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  /** @default 200 */
  readonly status?: number;
  readonly handle: (
    input: { params: z.infer<P>; query: z.infer<Q>; body: z.infer<B> },
    principal: Principal,
  ) => Promise<R>;
}

// biome-ignore lint/suspicious/noExplicitAny: a route table holds routes of different shapes.
export type Routes = Readonly<Record<string, Route<any, any, any, unknown>>>;

/** Declares a route with its types inferred from its schemas. */
export const route = <P extends z.ZodMiniType, Q extends z.ZodMiniType, B extends z.ZodMiniType, R>(
  definition: Route<P, Q, B, R>,
) => definition;

/** Domain outcomes as HTTP statuses; any other domain error is a 400. */
const STATUS: Record<string, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

const json = (statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  body: JSON.stringify(body),
});

const invalid = (part: string, error: z.core.$ZodError) =>
  new InvalidInputError(`Invalid ${part}`, {
    details: {
      reason: error.issues
        .map((issue) => `${[part, ...issue.path].join('.')}: ${issue.message}`)
        .join('; '),
      fields: [...new Set(error.issues.map((issue) => [part, ...issue.path].join('.')))].join(','),
    },
  });

const parse = <S extends z.ZodMiniType>(schema: S, value: unknown, part: string): z.infer<S> => {
  const result = schema.safeParse(value);
  if (!result.success) throw invalid(part, result.error);
  return result.data;
};

/**
 * The one middleware stack for API Gateway (HTTP API) Lambdas: logger context,
 * metrics; the principal from the JWT authorizer's claims (refused with 401 when absent or
 * unusable); zod parsing of path, query and JSON body (400 with the reason); the route's use
 * case. Domain errors become 4xx with their outcome and reason here and only here; anything
 * else is logged and answered 500 without internals.
 */
export const httpHandler = ({
  routes,
  principal,
}: {
  readonly routes: Routes;
  /** Maps verified claims to a principal; throws UnauthenticatedError or ForbiddenError. */
  readonly principal: (claims: Record<string, unknown> | undefined) => Principal;
}) => {
  const handle = async (
    event: APIGatewayProxyEventV2WithJWTAuthorizer,
    _context: Context,
  ): Promise<APIGatewayProxyStructuredResultV2> => {
    try {
      const who = principal(event.requestContext?.authorizer?.jwt?.claims);
      const selected = routes[event.routeKey];
      if (!selected) return json(404, { error: 'NOT_FOUND', message: 'No such route' });
      let body: unknown = {};
      if (event.body) {
        try {
          body = JSON.parse(
            event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body,
          );
        } catch {
          throw new InvalidInputError('The body is not JSON', { details: { reason: 'NOT_JSON' } });
        }
      }
      const result = await selected.handle(
        {
          params: parse(selected.params, event.pathParameters ?? {}, 'path'),
          query: parse(selected.query, event.queryStringParameters ?? {}, 'query'),
          body: parse(selected.body, body, 'body'),
        },
        who,
      );
      metrics.addMetric(`Api_${selected.status ?? 200}`, MetricUnit.Count, 1);
      return json(selected.status ?? 200, result);
    } catch (error) {
      if (!isDomainError(error)) {
        logger.error('Request failed', { routeKey: event.routeKey, error });
        metrics.addMetric('UnexpectedError', MetricUnit.Count, 1);
        return json(500, { error: 'INTERNAL', message: 'Something went wrong' });
      }
      const status = STATUS[error.outcome] ?? 400;
      metrics.addMetric(`Api_${status}`, MetricUnit.Count, 1);
      logger.info('Request refused', { routeKey: event.routeKey, outcome: error.outcome });
      return json(status, errorBody(error));
    }
  };

  return middy<APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2>()
    .use(injectLambdaContext(logger, { clearState: true }))
    .use(logMetrics(metrics))
    .handler(handle);
};

const errorBody = (error: DomainError) => ({
  error: error.outcome,
  message: error.message,
  ...error.details,
});
