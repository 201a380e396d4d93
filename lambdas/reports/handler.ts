import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import { APIGatewayProxyEventV2Schema } from '@aws-lambda-powertools/parser/schemas/api-gatewayv2';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { z } from 'zod';
import { isDomainError } from '#shared/errors.ts';
import { logger, tracer } from '#shared/powertools.ts';
import { reports } from './dependencies.ts';
import { ReportQuerySchema } from './reports.ts';

/** Report routes, matched on the path's end so the routes can sit under any API prefix. */
const ROUTES = {
  '/reports/daily': reports.daily,
  '/reports/agents': reports.agents,
} as const;

type HttpEvent = z.infer<typeof APIGatewayProxyEventV2Schema>;

const json = (statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  body: JSON.stringify(body),
});

const handle = async (event: HttpEvent): Promise<APIGatewayProxyStructuredResultV2> => {
  const path = event.rawPath.replace(/\/+$/, '');
  const route = Object.entries(ROUTES).find(([suffix]) => path.endsWith(suffix));
  if (!route || event.requestContext.http.method !== 'GET')
    return json(404, { message: 'No such report' });
  const query = ReportQuerySchema.safeParse(event.queryStringParameters ?? {});
  if (!query.success) return json(400, { outcome: 'INVALID_INPUT', field: 'date' });
  try {
    const report = await route[1](query.data);
    logger.info('Report served', { report: route[0], date: query.data.date });
    return json(200, report);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return json(400, { outcome: error.outcome, message: error.message, ...error.details });
  }
};

/**
 * The supervisors' report API (HTTP API, IAM or the shared API's authorizer):
 * `GET /reports/daily?date=YYYY-MM-DD` and `GET /reports/agents?date=YYYY-MM-DD[&agent=<username>]`.
 */
export const handler = middy<HttpEvent, APIGatewayProxyStructuredResultV2>()
  .use(injectLambdaContext(logger, { clearState: true }))
  .use(captureLambdaHandler(tracer, { captureResponse: false }))
  .use(parser({ schema: APIGatewayProxyEventV2Schema }))
  .handler(handle);
