import { createTicketsClient, TicketApiError } from '../../agent-desktop/src/tickets-api.ts';

const TICKET = {
  reference: '71234567',
  status: 'OPEN',
  agencyId: 'immigration',
  category: 'delay',
  serviceId: 'passport',
  createdAt: '2026-12-01T07:00:00.000Z',
  updatedAt: '2026-12-01T07:00:00.000Z',
  dueAt: '2026-12-04T07:00:00.000Z',
  version: 3,
  escalationLevel: 1,
};

interface Sent {
  readonly url: string;
  readonly method: string | undefined;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

/** A fetch that records each request and answers with the given status and JSON body. */
const fakeFetch = (status: number, answer: unknown) => {
  const sent: Sent[] = [];
  const send = (async (url: string, init: RequestInit = {}) => {
    sent.push({
      url,
      method: init.method,
      headers: init.headers as Record<string, string>,
      body: init.body === undefined ? undefined : JSON.parse(String(init.body)),
    });
    return new Response(JSON.stringify(answer), { status });
  }) as typeof fetch;
  return { sent, send };
};

const clientWith = (fetch: typeof globalThis.fetch) =>
  createTicketsClient({ baseUrl: 'https://api.example/', token: () => 'agent-demo', fetch });

const failure = async (promise: Promise<unknown>): Promise<TicketApiError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TicketApiError))
    throw new Error(`expected a TicketApiError, got ${error}`);
  return error;
};

describe('desktop ticket API client: requests', () => {
  it('lists with the bearer token and only the filters given', async () => {
    const { sent, send } = fakeFetch(200, { tickets: [TICKET], cursor: 'abc' });
    const page = await clientWith(send).list({ agencyId: 'immigration', status: 'OPEN' });
    expect(sent).toEqual([
      {
        url: 'https://api.example/tickets?agencyId=immigration&status=OPEN',
        method: 'GET',
        headers: { authorization: 'Bearer agent-demo' },
        body: undefined,
      },
    ]);
    expect(page.cursor).toBe('abc');
    // Fields the desktop does not show are dropped by the schema.
    expect(page.tickets[0]).toEqual(
      expect.objectContaining({ reference: '71234567', version: 3, dueAt: TICKET.dueAt }),
    );
    expect(page.tickets[0]).not.toHaveProperty('escalationLevel');
  });

  it('lodges a complaint as JSON', async () => {
    const { sent, send } = fakeFetch(201, { ticket: TICKET, created: true, acknowledged: true });
    const lodged = await clientWith(send).lodge({
      contactId: 'desktop-1',
      categoryId: 'delay',
      serviceId: 'passport',
      callbackNumber: '+254712345678',
      description: 'Waiting six months',
    });
    expect(sent[0]).toEqual({
      url: 'https://api.example/tickets',
      method: 'POST',
      headers: { authorization: 'Bearer agent-demo', 'content-type': 'application/json' },
      body: {
        contactId: 'desktop-1',
        categoryId: 'delay',
        serviceId: 'passport',
        callbackNumber: '+254712345678',
        description: 'Waiting six months',
      },
    });
    expect(lodged).toEqual({
      ticket: expect.objectContaining({ reference: '71234567' }),
      created: true,
    });
  });

  it.each([
    ['acknowledge', { note: 'On it', version: 3 }, '/acknowledge'],
    ['resolve', { resolution: 'Passport ready', version: 3 }, '/resolve'],
    ['reopen', { reason: 'Not collected', version: 3 }, '/reopen'],
  ] as const)('%s sends the version the agent read', async (action, body, path) => {
    const { sent, send } = fakeFetch(200, { ...TICKET, version: 4 });
    const client = clientWith(send);
    // biome-ignore lint/suspicious/noExplicitAny: one table for three methods with different bodies.
    const ticket = await (client[action] as any)('71234567', body);
    expect(sent[0]?.url).toBe(`https://api.example/tickets/71234567${path}`);
    expect(sent[0]?.method).toBe('POST');
    expect(sent[0]?.body).toEqual(body);
    expect(ticket.version).toBe(4);
  });

  it('reads a ticket with its history and adds notes', async () => {
    const entry = {
      at: TICKET.createdAt,
      by: { kind: 'agent', id: 'agent.wanjiku' },
      action: 'NOTE_ADDED',
      note: 'Called',
    };
    const detail = fakeFetch(200, { ticket: TICKET, history: [entry] });
    expect(await clientWith(detail.send).get('71234567')).toEqual({
      ticket: expect.objectContaining({ reference: '71234567' }),
      history: [entry],
    });
    const note = fakeFetch(201, { reference: '71234567', entry });
    await clientWith(note.send).addNote('71234567', 'Called');
    expect(note.sent[0]).toEqual(
      expect.objectContaining({
        url: 'https://api.example/tickets/71234567/notes',
        body: { note: 'Called' },
      }),
    );
  });

  it('sends nothing when nobody is signed in', async () => {
    const { sent, send } = fakeFetch(200, {});
    const signedOut = createTicketsClient({
      baseUrl: 'https://api.example',
      token: () => undefined,
      fetch: send,
    });
    const error = await failure(signedOut.list());
    expect(error.needsSignIn).toBe(true);
    expect(sent).toEqual([]);
  });
});

describe('desktop ticket API client: errors', () => {
  it('maps a 409 to a conflict with the API message and reason', async () => {
    const { send } = fakeFetch(409, {
      error: 'CONFLICT',
      message: 'The ticket changed since you read it',
      reason: 'VERSION_MISMATCH',
      version: 4,
    });
    const error = await failure(
      clientWith(send).resolve('71234567', { resolution: 'x', version: 3 }),
    );
    expect(error).toMatchObject({ status: 409, code: 'CONFLICT', reason: 'VERSION_MISMATCH' });
    expect(error.isConflict).toBe(true);
    expect(error.describe()).toBe('The ticket changed since you read it (VERSION_MISMATCH)');
  });

  it('names the fields at fault of a 400', async () => {
    const { send } = fakeFetch(400, {
      error: 'INVALID_INPUT',
      message: 'Invalid complaint',
      fields: 'categoryId,callbackNumber',
    });
    const error = await failure(
      clientWith(send).lodge({ contactId: 'c', categoryId: 'nope', description: 'd' }),
    );
    expect(error.fields).toEqual(['categoryId', 'callbackNumber']);
    expect(error.describe()).toBe('Invalid complaint (check categoryId, callbackNumber)');
  });

  it("asks to sign in again on API Gateway's own 401", async () => {
    const { send } = fakeFetch(401, { message: 'Unauthorized' });
    const error = await failure(clientWith(send).list());
    expect(error).toMatchObject({ status: 401, code: 'HTTP_401', message: 'Unauthorized' });
    expect(error.describe()).toMatch(/sign in again/);
  });

  it('reports a 403 and a 404 with the API message', async () => {
    const forbidden = await failure(
      clientWith(fakeFetch(403, { error: 'FORBIDDEN', message: 'Not your agency' }).send).get(
        '71234567',
      ),
    );
    expect(forbidden.describe()).toBe('Not your agency');
    const missing = await failure(
      clientWith(fakeFetch(404, { error: 'NOT_FOUND', message: 'No ticket 71234567' }).send).get(
        '71234567',
      ),
    );
    expect(missing).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('reports an unreachable API and an unexpected answer', async () => {
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    expect(await failure(clientWith(down).list())).toMatchObject({
      status: 0,
      code: 'UNREACHABLE',
    });
    const odd = fakeFetch(200, { items: [] });
    expect(await failure(clientWith(odd.send).list())).toMatchObject({
      code: 'UNEXPECTED_RESPONSE',
    });
  });
});
