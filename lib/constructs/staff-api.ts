import { Duration } from 'aws-cdk-lib';
import { type HttpApi, HttpMethod, type IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { PlatformFunction, type PlatformFunctionProps } from './flow-function.ts';

/** The staff HTTP API (TicketApi's) and the Cognito JWT authorizer every route sits behind. */
export interface StaffApi {
  readonly httpApi: HttpApi;
  readonly authorizer: IHttpRouteAuthorizer;
}

/**
 * Routes each `METHOD /path` of an API contract to `fn` on the staff API, behind its
 * authorizer; `integrationId` names the one Lambda integration the routes share.
 */
export const addStaffRoutes = (
  api: StaffApi,
  routeKeys: readonly string[],
  integrationId: string,
  fn: IFunction,
): void => {
  const integration = new HttpLambdaIntegration(integrationId, fn);
  for (const routeKey of routeKeys) {
    const [method, path] = routeKey.split(' ') as [keyof typeof HttpMethod, string];
    api.httpApi.addRoutes({
      path,
      methods: [HttpMethod[method]],
      integration,
      authorizer: api.authorizer,
    });
  }
};

export interface StaffRoutesFunctionProps
  extends Omit<PlatformFunctionProps, 'timeout' | 'memorySize'> {
  readonly api: StaffApi;
  /** The routes of the function's API contract (`METHOD /path`). */
  readonly routeKeys: readonly string[];
  readonly integrationId: string;
}

/**
 * A function (`Function`) that joins the staff API with routes of its own and does heavy
 * work per request (a busy day's reports, a search index rebuilt on publication): 1 GB, and
 * up to 29 s, since the HTTP API waits 30 s at most.
 */
export const staffRoutesFunction = (
  scope: Construct,
  { api, routeKeys, integrationId, ...functionProps }: StaffRoutesFunctionProps,
): PlatformFunction => {
  const fn = new PlatformFunction(scope, 'Function', {
    ...functionProps,
    timeout: Duration.seconds(29),
    memorySize: 1024,
  });
  addStaffRoutes(api, routeKeys, integrationId, fn);
  return fn;
};
