import { documentClientFor } from '#shared/data/client.ts';
import { ForbiddenError } from '#shared/errors.ts';
import { httpHandler, type Routes, route } from '#shared/http-middleware.ts';
import { deployedHandler } from '#shared/platform.ts';
import { type Principal, principalFromClaims } from '#shared/principal.ts';
import * as z from '#shared/zod.ts';
import { REPORT_ROLES, type ReportRouteKey } from './api-contract.ts';
import { defaultDependencies } from './dependencies.ts';
import {
  createReports,
  type ReportDependencies,
  ReportQuerySchema,
  type Reports,
  StaffingQuerySchema,
} from './reports.ts';

export { defaultDependencies };

const None = z.object({});

const assertMayReadReports = (principal: Principal) => {
  if (!(REPORT_ROLES as readonly string[]).includes(principal.role))
    throw new ForbiddenError(`A ${principal.role} may not read contact-centre reports`);
};

/** The report routes (API Gateway route keys), the same on AWS and on the local server. */
export const reportRoutes = (reports: Reports): Routes & Record<ReportRouteKey, unknown> => ({
  'GET /reports/daily': route({
    params: None,
    query: z.pick(ReportQuerySchema, { date: true }),
    body: None,
    handle: ({ query }, principal) => {
      assertMayReadReports(principal);
      return reports.daily(query);
    },
  }),
  'GET /reports/agents': route({
    params: None,
    query: ReportQuerySchema,
    body: None,
    handle: ({ query }, principal) => {
      assertMayReadReports(principal);
      return reports.agents(query);
    },
  }),
  'GET /reports/staffing': route({
    params: None,
    query: StaffingQuerySchema,
    body: None,
    handle: ({ query }, principal) => {
      assertMayReadReports(principal);
      return reports.staffing(query);
    },
  }),
  'GET /reports/sla-board': route({
    params: None,
    query: None,
    body: None,
    handle: (_request, principal) => {
      assertMayReadReports(principal);
      return reports.slaBoard();
    },
  }),
});

/**
 * The supervisors' reports on the platform's HTTP API, behind its Cognito JWT authorizer:
 * `GET /reports/daily?date=YYYY-MM-DD` and `GET /reports/agents?date=YYYY-MM-DD[&agent=<username>]`.
 */
export const createHandler = (deps: ReportDependencies) =>
  httpHandler({ routes: reportRoutes(createReports(deps)), principal: principalFromClaims });

export const handler = deployedHandler(() =>
  createHandler(defaultDependencies(process.env, { dynamoDb: documentClientFor(process.env) })),
);
