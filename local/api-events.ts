import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import agencies from '#data/agencies.json' with { type: 'json' };
import { KNOWLEDGE_ROUTE_KEYS } from '#lambdas/knowledge-api/api-contract.ts';
import { REPORT_ROUTE_KEYS } from '#lambdas/reports/api-contract.ts';
import { TICKET_ROUTE_KEYS } from '#lambdas/tickets-api/api-contract.ts';

/** Every staff API route, as API Gateway names them. */
export const STAFF_ROUTE_KEYS = [
  ...TICKET_ROUTE_KEYS,
  ...REPORT_ROUTE_KEYS,
  ...KNOWLEDGE_ROUTE_KEYS,
] as const;

/** Whether API Gateway sends this route to the reports Lambda (else the tickets one). */
export const isReportRoute = (routeKey: string): boolean =>
  (REPORT_ROUTE_KEYS as readonly string[]).includes(routeKey);

/** Whether API Gateway sends this route to the knowledge API's Lambda. */
export const isKnowledgeRoute = (routeKey: string): boolean =>
  (KNOWLEDGE_ROUTE_KEYS as readonly string[]).includes(routeKey);

export type Claims = Record<string, string | string[]>;

/**
 * Demo bearer tokens for the local staff API, each standing for the claims a Cognito ID token
 * would carry (API Gateway's JWT authorizer passes them to the Lambda). Locally the server is
 * the authorizer: an unknown or missing token is refused with 401 before the Lambda runs.
 */
export const LOCAL_TOKENS: Readonly<Record<string, Claims>> = {
  'agent-demo': { 'cognito:username': 'agent.wanjiku', 'cognito:groups': ['agents'] },
  'supervisor-demo': {
    'cognito:username': 'supervisor.achieng',
    'cognito:groups': ['supervisors'],
  },
  'norole-demo': { 'cognito:username': 'visitor.kamau', 'cognito:groups': [] },
  ...Object.fromEntries(
    agencies.map((agency) => [
      `agency-${agency.id}`,
      {
        'cognito:username': `focal.${agency.id}`,
        'cognito:groups': ['agency-focal-persons'],
        'custom:agencyId': agency.id,
      },
    ]),
  ),
};

/** The route key (e.g. `GET /tickets/{reference}`) a request matches, with its path parameters. */
export const matchRoute = (method: string, path: string) => {
  for (const routeKey of STAFF_ROUTE_KEYS) {
    const [routeMethod, template] = routeKey.split(' ') as [string, string];
    if (routeMethod !== method) continue;
    const names: string[] = [];
    const pattern = new RegExp(
      `^${template.replace(/\{(\w+)\}/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      })}/?$`,
    );
    const match = pattern.exec(path);
    if (match)
      return {
        routeKey,
        pathParameters: Object.fromEntries(
          names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]),
        ),
      };
  }
  return undefined;
};

/** An API Gateway HTTP API (payload 2.0) event with JWT authorizer claims, as the Lambda receives it. */
export const apiEvent = ({
  method,
  path,
  query = {},
  body,
  claims,
}: {
  readonly method: string;
  readonly path: string;
  readonly query?: Record<string, string>;
  readonly body?: unknown;
  readonly claims: Claims;
}): APIGatewayProxyEventV2WithJWTAuthorizer => {
  const matched = matchRoute(method, path);
  const routeKey = matched?.routeKey ?? `${method} ${path}`;
  return {
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString: new URLSearchParams(query).toString(),
    headers: { 'content-type': 'application/json' },
    queryStringParameters: Object.keys(query).length ? query : undefined,
    pathParameters: matched?.pathParameters,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'local' },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: new Date().toISOString(),
      timeEpoch: Date.now(),
      authorizer: {
        principalId: '',
        integrationLatency: 0,
        // As API Gateway passes them: arrays flattened to "[a b]".
        jwt: {
          claims: Object.fromEntries(
            Object.entries(claims).map(([name, value]) => [
              name,
              Array.isArray(value) ? `[${value.join(' ')}]` : value,
            ]),
          ),
          scopes: [],
        },
      },
    },
  } as APIGatewayProxyEventV2WithJWTAuthorizer;
};
