import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { apiEvent, type Claims, LOCAL_TOKENS } from '#local/api-events.ts';

const context = { getRemainingTimeInMillis: () => 30_000 } as Context;

/** A demo token's name, its claims, or `null` for a request without a token. */
export type ApiCaller = keyof typeof LOCAL_TOKENS | Claims | null;

/** What a test asks of an HTTP API: method, path and, if any, a JSON body and query parameters. */
export type ApiRequest = [
  method: string,
  path: string,
  options?: { body?: unknown; query?: Record<string, string> },
];

/**
 * Calls an HTTP API handler as API Gateway would route to it, with the caller's claims, and
 * parses the JSON it answers.
 */
export const callApi = async (
  handler: (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) => Promise<unknown>,
  caller: ApiCaller,
  ...[method, path, { body, query } = {}]: ApiRequest
) => {
  const claims = caller === null ? {} : typeof caller === 'string' ? LOCAL_TOKENS[caller]! : caller;
  const event = apiEvent({
    method,
    path,
    claims,
    ...(body !== undefined && { body }),
    ...(query && { query }),
  });
  const response = (await handler(event, context)) as APIGatewayProxyStructuredResultV2;
  return { status: response.statusCode ?? 200, body: JSON.parse(String(response.body)) };
};
