import * as z from 'zod/mini';
import { TICKET_STATUSES } from '#shared/tickets/statuses.ts';

/**
 * A typed client for the staff ticket API (docs/complaints.md, "The ticket API"). No DOM: the
 * panel renders, this only speaks HTTP. Responses are parsed with zod, so a changed API fails
 * here with a clear message instead of rendering `undefined`.
 */

const Status = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof Status>;

const Actor = z.object({ kind: z.string(), id: z.optional(z.string()) });

/** The ticket fields the desktop shows; the API sends more, which are dropped. */
const TicketSchema = z.object({
  reference: z.string(),
  status: Status,
  agencyId: z.string(),
  category: z.string(),
  serviceId: z.optional(z.string()),
  callbackNumber: z.optional(z.string()),
  description: z.optional(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  dueAt: z.string(),
  breachedAt: z.optional(z.string()),
  version: z._default(z.number().check(z.int(), z.minimum(1)), 1),
  resolution: z.optional(z.object({ text: z.string(), at: z.string(), by: Actor })),
});
export type Ticket = z.infer<typeof TicketSchema>;

const HistoryEntrySchema = z.object({
  at: z.string(),
  by: Actor,
  action: z.string(),
  fromStatus: z.optional(Status),
  toStatus: z.optional(Status),
  note: z.optional(z.string()),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

const TicketPage = z.object({ tickets: z.array(TicketSchema), cursor: z.optional(z.string()) });
export type TicketPage = z.infer<typeof TicketPage>;
const TicketDetail = z.object({ ticket: TicketSchema, history: z.array(HistoryEntrySchema) });
export type TicketDetail = z.infer<typeof TicketDetail>;
const Lodged = z.object({ ticket: TicketSchema, created: z.boolean() });
export type Lodged = z.infer<typeof Lodged>;
const NoteAdded = z.object({ reference: z.string(), entry: HistoryEntrySchema });

/** The API's error body: `{ error, message, reason?, fields? }`; API Gateway's own 401 has only `message`. */
const ErrorBody = z.object({
  error: z.optional(z.string()),
  message: z.optional(z.string()),
  reason: z.optional(z.string()),
  fields: z.optional(z.string()),
});

/** A refused or failed request, with what the agent should be told. */
export class TicketApiError extends Error {
  /** HTTP status; 0 when the API could not be reached. */
  readonly status: number;
  /** The API's outcome (INVALID_INPUT, CONFLICT…) or a client-side code. */
  readonly code: string;
  readonly reason: string | undefined;
  readonly fields: readonly string[];

  constructor(
    status: number,
    code: string,
    message: string,
    { reason, fields = [] }: { reason?: string; fields?: readonly string[] } = {},
  ) {
    super(message);
    this.name = 'TicketApiError';
    this.status = status;
    this.code = code;
    this.reason = reason;
    this.fields = fields;
  }

  /** A stale edit: the ticket changed since it was read. Reload before trying again. */
  get isConflict(): boolean {
    return this.status === 409;
  }

  /** The token is missing, expired or not accepted: sign in again. */
  get needsSignIn(): boolean {
    return this.status === 401;
  }

  /** One line for the agent: the API's message and, when it gave one, its reason. */
  describe(): string {
    if (this.needsSignIn) return 'Your sign-in has expired or was refused: sign in again.';
    const detail = this.reason ?? (this.fields.length ? `check ${this.fields.join(', ')}` : '');
    return detail ? `${this.message} (${detail})` : this.message;
  }
}

export interface ListQuery {
  readonly agencyId?: string;
  readonly status?: TicketStatus;
  readonly limit?: number;
  readonly cursor?: string;
}

export interface LodgeInput {
  readonly contactId: string;
  readonly categoryId: string;
  readonly serviceId?: string;
  readonly callbackNumber?: string;
  readonly description: string;
  readonly lang?: 'en' | 'sw';
}

export interface TicketsClientOptions {
  /** The staff API base URL (the stage URL on AWS, the server origin locally). */
  readonly baseUrl: string;
  /** The bearer token for the next request, or undefined when nobody is signed in. */
  readonly token: () => string | undefined;
  readonly fetch?: typeof fetch;
}

/**
 * One typed request to the staff API (tickets and reports share it): bearer token, query,
 * JSON body, and the answer parsed with `schema` or turned into a {@link TicketApiError}.
 */
export const createStaffApiRequest = ({
  baseUrl,
  token,
  fetch: send = globalThis.fetch.bind(globalThis),
}: TicketsClientOptions) => {
  const base = baseUrl.replace(/\/+$/, '');
  return async <S extends z.ZodMiniType>(
    schema: S,
    method: 'GET' | 'POST',
    path: string,
    { query, body }: { query?: Record<string, string | number | undefined>; body?: unknown } = {},
  ): Promise<z.infer<S>> => {
    const bearer = token();
    if (!bearer) throw new TicketApiError(401, 'UNAUTHENTICATED', 'Not signed in');
    const search = new URLSearchParams(
      Object.entries(query ?? {}).flatMap(([key, value]): [string, string][] =>
        value === undefined || value === '' ? [] : [[key, String(value)]],
      ),
    ).toString();
    const headers: Record<string, string> = { authorization: `Bearer ${bearer}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await send(`${base}${path}${search ? `?${search}` : ''}`, {
        method,
        headers,
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new TicketApiError(0, 'UNREACHABLE', `The staff API is unreachable: ${error}`);
    }
    const payload: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const parsed = ErrorBody.safeParse(payload);
      const problem = parsed.success ? parsed.data : {};
      throw new TicketApiError(
        response.status,
        problem.error ?? `HTTP_${response.status}`,
        problem.message ?? `The staff API answered ${response.status}`,
        {
          ...(problem.reason && { reason: problem.reason }),
          fields: problem.fields?.split(',').filter(Boolean) ?? [],
        },
      );
    }
    const parsed = schema.safeParse(payload);
    if (!parsed.success)
      throw new TicketApiError(
        response.status,
        'UNEXPECTED_RESPONSE',
        `The staff API sent an unexpected answer to ${method} ${path}`,
      );
    return parsed.data;
  };
};

export const createTicketsClient = (options: TicketsClientOptions) => {
  const request = createStaffApiRequest(options);

  const ticketPath = (reference: string, action = '') =>
    `/tickets/${encodeURIComponent(reference)}${action}`;

  return {
    list: ({ agencyId, status, limit, cursor }: ListQuery = {}): Promise<TicketPage> =>
      request(TicketPage, 'GET', '/tickets', { query: { agencyId, status, limit, cursor } }),
    get: (reference: string): Promise<TicketDetail> =>
      request(TicketDetail, 'GET', ticketPath(reference)),
    lodge: (input: LodgeInput): Promise<Lodged> =>
      request(Lodged, 'POST', '/tickets', { body: input }),
    addNote: (reference: string, note: string) =>
      request(NoteAdded, 'POST', ticketPath(reference, '/notes'), { body: { note } }),
    acknowledge: (reference: string, body: { note?: string; version: number }): Promise<Ticket> =>
      request(TicketSchema, 'POST', ticketPath(reference, '/acknowledge'), { body }),
    resolve: (reference: string, body: { resolution: string; version: number }): Promise<Ticket> =>
      request(TicketSchema, 'POST', ticketPath(reference, '/resolve'), { body }),
    reopen: (reference: string, body: { reason: string; version: number }): Promise<Ticket> =>
      request(TicketSchema, 'POST', ticketPath(reference, '/reopen'), { body }),
  };
};

export type TicketsClient = ReturnType<typeof createTicketsClient>;
