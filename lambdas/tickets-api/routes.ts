import type {
  AgentComplaintInput,
  AgentComplaintResult,
} from '#lambdas/complaints/create-agent-complaint.ts';
import { type Routes, route } from '#shared/http-middleware.ts';
import * as z from '#shared/zod.ts';
import { assertMay } from './access.ts';
import type { TicketRouteKey } from './api-contract.ts';
import {
  AcknowledgeBodySchema,
  ListQuerySchema,
  NoteBodySchema,
  ReferenceParamsSchema,
  ReopenBodySchema,
  ResolveBodySchema,
  type TicketUseCases,
} from './tickets.ts';

const None = z.object({});
const AnyBody = z.record(z.string(), z.unknown());

/** The ticket API's routes (API Gateway route keys), the same on AWS and on the local server. */
export const ticketRoutes = (
  useCases: TicketUseCases,
  createComplaint: (input: AgentComplaintInput) => Promise<AgentComplaintResult>,
): Routes & Record<TicketRouteKey, unknown> => ({
  'GET /tickets': route({
    params: None,
    query: ListQuerySchema,
    body: None,
    handle: ({ query }, principal) => useCases.list(query, principal),
  }),
  'POST /tickets': route({
    params: None,
    query: None,
    body: AnyBody,
    status: 201,
    handle: ({ body }, principal) => {
      assertMay(principal, 'create');
      // createAgentComplaint validates the body and names every field at fault.
      return createComplaint({ ...(body as AgentComplaintInput), createdBy: principal.id });
    },
  }),
  'GET /tickets/{reference}': route({
    params: ReferenceParamsSchema,
    query: None,
    body: None,
    handle: ({ params }, principal) => useCases.get(params.reference, principal),
  }),
  'POST /tickets/{reference}/notes': route({
    params: ReferenceParamsSchema,
    query: None,
    body: NoteBodySchema,
    status: 201,
    handle: ({ params, body }, principal) =>
      useCases.addNote(params.reference, body.note, principal),
  }),
  'POST /tickets/{reference}/acknowledge': route({
    params: ReferenceParamsSchema,
    query: None,
    body: AcknowledgeBodySchema,
    handle: ({ params, body }, principal) =>
      useCases.acknowledge(params.reference, body, principal),
  }),
  'POST /tickets/{reference}/resolve': route({
    params: ReferenceParamsSchema,
    query: None,
    body: ResolveBodySchema,
    handle: ({ params, body }, principal) => useCases.resolve(params.reference, body, principal),
  }),
  'POST /tickets/{reference}/reopen': route({
    params: ReferenceParamsSchema,
    query: None,
    body: ReopenBodySchema,
    handle: ({ params, body }, principal) => useCases.reopen(params.reference, body, principal),
  }),
});
