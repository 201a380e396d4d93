import { createTicketRepository } from '#shared/data/tickets.repository.ts';
import { documentClient, tableNames } from '../support/data.ts';
import {
  api,
  type Escalation,
  lodgeComplaint,
  startEscalation,
  stopEscalations,
} from '../support/escalation.ts';

const tickets = createTicketRepository(documentClient, tableNames.tickets);
const NOW = '2026-12-01T10:00:00+03:00';
const TIMEOUT = 30_000;

describe('ticket API (the deployed handler, behind the JWT authorizer claims)', () => {
  let escalation: Escalation;
  beforeAll(async () => {
    escalation = await startEscalation(NOW);
  });
  afterAll(stopEscalations);

  it('refuses a request without verified claims with 401', async () => {
    const response = await api(escalation, {}, 'GET', '/tickets', { query: { agencyId: 'nrb' } });
    expect(response).toEqual({
      status: 401,
      body: expect.objectContaining({ error: 'UNAUTHENTICATED' }),
    });
  });

  it('refuses a user in no contact-centre group with 403', async () => {
    const response = await api(escalation, 'norole-demo', 'GET', '/tickets', {
      query: { agencyId: 'nrb' },
    });
    expect(response.status).toBe(403);
  });

  it(
    "lists an agency's open tickets, soonest due first, to its focal person and to agents",
    async () => {
      const first = await lodgeComplaint(escalation);
      const second = await lodgeComplaint(escalation);

      const own = await api(escalation, 'agency-immigration', 'GET', '/tickets', {
        query: { status: 'OPEN', limit: '100' },
      });
      const agent = await api(escalation, 'agent-demo', 'GET', '/tickets', {
        query: { agencyId: 'immigration' },
      });

      expect(own.status).toBe(200);
      const references = own.body.tickets.map((t: { reference: string }) => t.reference);
      expect(references).toEqual(expect.arrayContaining([first.reference, second.reference]));
      expect(agent.status).toBe(200);
      expect(
        own.body.tickets.every((t: { agencyId: string }) => t.agencyId === 'immigration'),
      ).toBe(true);
    },
    TIMEOUT,
  );

  it(
    "refuses a focal person another agency's listing with 403, and answers its tickets as unknown (404)",
    async () => {
      const { reference } = await lodgeComplaint(escalation);

      const listed = await api(escalation, 'agency-nrb', 'GET', '/tickets', {
        query: { agencyId: 'immigration' },
      });
      const read = await api(escalation, 'agency-nrb', 'GET', `/tickets/${reference}`);
      const resolved = await api(
        escalation,
        'agency-nrb',
        'POST',
        `/tickets/${reference}/resolve`,
        {
          body: { resolution: 'Not ours to resolve.' },
        },
      );

      const unknown = await api(escalation, 'agency-nrb', 'GET', '/tickets/99999999');

      expect([listed.status, read.status, resolved.status]).toEqual([403, 404, 404]);
      // The same answer as for a reference that does not exist: nothing to probe.
      expect(read.body).toEqual({ ...unknown.body, message: `No ticket ${reference}` });
      expect((await tickets.get(reference))?.status).toBe('OPEN');
    },
    TIMEOUT,
  );

  it(
    'answers invalid input with 400 and the reason',
    async () => {
      const { reference } = await lodgeComplaint(escalation);

      const badReference = await api(escalation, 'agent-demo', 'GET', '/tickets/123');
      const emptyResolution = await api(
        escalation,
        'agency-immigration',
        'POST',
        `/tickets/${reference}/resolve`,
        {
          body: { resolution: '   ' },
        },
      );
      const notJson = await api(escalation, 'agent-demo', 'POST', `/tickets/${reference}/notes`, {
        body: '{not json',
      });
      const noAgency = await api(escalation, 'agent-demo', 'GET', '/tickets');
      const badComplaint = await api(escalation, 'agent-demo', 'POST', '/tickets', {
        body: { contactId: 'c-1', categoryId: 'no-such-category', description: '' },
      });

      expect(badReference).toMatchObject({
        status: 400,
        body: { error: 'INVALID_INPUT', fields: 'path.reference' },
      });
      expect(emptyResolution).toMatchObject({
        status: 400,
        body: { error: 'INVALID_INPUT', fields: 'body.resolution' },
      });
      expect(notJson).toMatchObject({ status: 400, body: { reason: 'NOT_JSON' } });
      expect(noAgency).toMatchObject({ status: 400, body: { fields: 'query.agencyId' } });
      expect(badComplaint).toMatchObject({
        status: 400,
        body: { error: 'INVALID_INPUT', fields: 'categoryId,description' },
      });
    },
    TIMEOUT,
  );

  it(
    'answers an unknown ticket with 404 and a wrong move with 409',
    async () => {
      const { reference } = await lodgeComplaint(escalation);
      const missing = await api(escalation, 'agent-demo', 'GET', '/tickets/70000001');
      const reopenOpen = await api(
        escalation,
        'agent-demo',
        'POST',
        `/tickets/${reference}/reopen`,
        {
          body: { reason: 'Customer not satisfied.' },
        },
      );
      expect(missing.status).toBe(404);
      expect(reopenOpen).toMatchObject({ status: 409, body: { reason: 'WRONG_STATUS' } });
    },
    TIMEOUT,
  );

  it(
    'records who did what: note, acknowledge, resolve, reopen, each in the history',
    async () => {
      const { reference } = await lodgeComplaint(escalation);
      // People act minutes apart: the history is in time order.
      const aMinuteLater = () => escalation.clock.set(escalation.clock.nowMs() + 60_000);

      aMinuteLater();
      await api(escalation, 'agency-immigration', 'POST', `/tickets/${reference}/notes`, {
        body: { note: 'Checking with the passport office.' },
      });
      aMinuteLater();
      const acknowledged = await api(
        escalation,
        'agency-immigration',
        'POST',
        `/tickets/${reference}/acknowledge`,
        {
          body: { version: 1 },
        },
      );
      aMinuteLater();
      const resolved = await api(
        escalation,
        'agency-immigration',
        'POST',
        `/tickets/${reference}/resolve`,
        {
          body: { resolution: 'Released for collection.', version: 2 },
        },
      );
      aMinuteLater();
      const reopened = await api(
        escalation,
        'supervisor-demo',
        'POST',
        `/tickets/${reference}/reopen`,
        {
          body: { reason: 'The passport was not at the counter.' },
        },
      );
      const read = await api(escalation, 'agent-demo', 'GET', `/tickets/${reference}`);

      expect([acknowledged.status, resolved.status, reopened.status]).toEqual([200, 200, 200]);
      expect(resolved.body).toMatchObject({
        status: 'RESOLVED',
        version: 3,
        resolution: {
          text: 'Released for collection.',
          by: { kind: 'agency', id: 'focal.immigration' },
        },
      });
      expect(reopened.body).toMatchObject({ status: 'OPEN', version: 4 });
      expect(reopened.body.resolution).toBeUndefined();
      expect(read.body.ticket.escalationTaskToken).toBeUndefined();
      expect(
        read.body.history.map(
          (entry: { action: string; by: { id?: string }; toStatus?: string }) => [
            entry.action,
            entry.by.id,
            entry.toStatus,
          ],
        ),
      ).toEqual([
        ['CREATED', 'agent.wanjiku', 'OPEN'],
        ['NOTE_ADDED', 'focal.immigration', undefined],
        ['STATUS_CHANGED', 'focal.immigration', 'ACKNOWLEDGED'],
        ['STATUS_CHANGED', 'focal.immigration', 'RESOLVED'],
        ['STATUS_CHANGED', 'supervisor.achieng', 'OPEN'],
      ]);
      // The status moved the agency-status index key with it.
      const resolvedList = await api(escalation, 'agency-immigration', 'GET', '/tickets', {
        query: { status: 'OPEN', limit: '100' },
      });
      expect(resolvedList.body.tickets.map((t: { reference: string }) => t.reference)).toContain(
        reference,
      );
    },
    TIMEOUT,
  );

  it(
    'lets only one of two concurrent edits win; the other is 409, and a stale version is 409',
    async () => {
      const { reference } = await lodgeComplaint(escalation);

      const [a, b] = await Promise.all([
        api(escalation, 'agency-immigration', 'POST', `/tickets/${reference}/resolve`, {
          body: { resolution: 'First answer.' },
        }),
        api(escalation, 'supervisor-demo', 'POST', `/tickets/${reference}/acknowledge`, {
          body: {},
        }),
      ]);
      const stale = await api(
        escalation,
        'agency-immigration',
        'POST',
        `/tickets/${reference}/resolve`,
        {
          body: { resolution: 'Second answer.', version: 1 },
        },
      );

      expect([a.status, b.status].sort()).toEqual([200, 409]);
      expect(stale).toMatchObject({ status: 409 });
      const history = await tickets.history(reference);
      expect(history.filter((entry) => entry.action === 'STATUS_CHANGED')).toHaveLength(1);
    },
    TIMEOUT,
  );

  it(
    'lets agents but not agency focal persons lodge a complaint, and agency persons not reopen',
    async () => {
      const { reference } = await lodgeComplaint(escalation);
      await api(escalation, 'agency-immigration', 'POST', `/tickets/${reference}/resolve`, {
        body: { resolution: 'Done.' },
      });

      const lodged = await api(escalation, 'agency-immigration', 'POST', '/tickets', {
        body: { contactId: 'c-2', categoryId: 'delay', description: 'x' },
      });
      const reopened = await api(
        escalation,
        'agency-immigration',
        'POST',
        `/tickets/${reference}/reopen`,
        {
          body: { reason: 'Again.' },
        },
      );

      expect([lodged.status, reopened.status]).toEqual([403, 403]);
    },
    TIMEOUT,
  );

  it(
    'pages with the cursor it gave and refuses any other with 400 and the reason',
    async () => {
      await lodgeComplaint(escalation);
      await lodgeComplaint(escalation);
      const list = (cursor?: string) =>
        api(escalation, 'agency-immigration', 'GET', '/tickets', {
          query: { limit: '1', ...(cursor && { cursor }) },
        });
      const first = await list();
      const encode = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
      const lastKey = JSON.parse(Buffer.from(first.body.cursor, 'base64url').toString('utf8'));

      const next = await list(first.body.cursor);
      const refused = await Promise.all([
        list('not-a-cursor'),
        list(encode({ ...lastKey, gsi1pk: 'AGENCY#nrb#OPEN' })),
        list(encode({ ...lastKey, pk: 'TICKET#0', extra: 1 })),
        list(encode('x'.repeat(3000))),
      ]);

      expect(next.status).toBe(200);
      expect(next.body.tickets[0].reference).not.toBe(first.body.tickets[0].reference);
      for (const response of refused)
        expect(response).toEqual({
          status: 400,
          body: expect.objectContaining({ error: 'INVALID_INPUT', fields: 'query.cursor' }),
        });
    },
    TIMEOUT,
  );
});
