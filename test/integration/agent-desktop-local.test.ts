import { randomUUID } from 'node:crypto';
import { LOCAL_TOKENS } from '#local/api-events.ts';
import type { LocalServer } from '#local/server.ts';
import { parseDesktopConfig } from '../../agent-desktop/src/config.ts';
import { createTicketsClient, TicketApiError } from '../../agent-desktop/src/tickets-api.ts';
import { uniqueCaller } from '../support/data.ts';
import { startStaffServer } from '../support/escalation.ts';

const TIMEOUT = 60_000;

describe('the agent desktop on the local server', () => {
  let staff: Awaited<ReturnType<typeof startStaffServer>>;
  let server: LocalServer;
  beforeAll(async () => {
    staff = await startStaffServer('2026-12-01T10:00:00+03:00');
    server = staff.server;
  }, TIMEOUT);
  afterAll(() => staff?.stop());

  it('serves the page, its bundled script and styles under /desktop/', async () => {
    const page = await fetch(`${server.url}/desktop/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<script src="app.js" defer></script>');
    expect(html).toContain('Lodge a complaint');

    const script = await fetch(`${server.url}/desktop/app.js`);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await script.text()).toContain('config.json');
    expect((await fetch(`${server.url}/desktop/styles.css`)).headers.get('content-type')).toMatch(
      /^text\/css/,
    );
    expect((await fetch(`${server.url}/desktop/missing.js`)).status).toBe(404);
    const bare = await fetch(`${server.url}/desktop`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/desktop/');
  });

  it('gives the desktop a config.json for this server: demo tokens and no CCP', async () => {
    const config = parseDesktopConfig(
      await (await fetch(`${server.url}/desktop/config.json`)).json(),
    );
    expect(config).toEqual({
      staffApi: {
        url: server.url,
        auth: {
          kind: 'local',
          tokens: Object.entries(LOCAL_TOKENS).map(([token, claims]) => ({
            token,
            groups: [claims['cognito:groups'] ?? []].flat(),
          })),
        },
      },
    });
    expect(config.staffApi?.auth).toMatchObject({
      tokens: expect.arrayContaining([{ token: 'agent-demo', groups: ['agents'] }]),
    });
  });

  it(
    "lets the desktop's client lodge, read and resolve a complaint, refusing a stale version",
    async () => {
      const agent = createTicketsClient({ baseUrl: server.url, token: () => 'agent-demo' });
      const { ticket, created } = await agent.lodge({
        contactId: `desktop-${randomUUID()}`,
        categoryId: 'delay',
        serviceId: 'passport',
        callbackNumber: uniqueCaller(),
        description: 'Passport ready for 3 months but not released.',
      });
      expect(created).toBe(true);
      expect(ticket).toMatchObject({ status: 'OPEN', agencyId: 'immigration', version: 1 });

      await agent.addNote(ticket.reference, 'Caller rang again');
      const focal = createTicketsClient({ baseUrl: server.url, token: () => 'agency-immigration' });
      const acknowledged = await focal.acknowledge(ticket.reference, { version: ticket.version });
      expect(acknowledged.status).toBe('ACKNOWLEDGED');

      // The agent still holds version 1: the API refuses, and the desktop shows why.
      const stale = await agent
        .resolve(ticket.reference, { resolution: 'Released', version: ticket.version })
        .catch((error: unknown) => error);
      expect(stale).toBeInstanceOf(TicketApiError);
      expect((stale as TicketApiError).isConflict).toBe(true);
      expect((stale as TicketApiError).describe()).toBe(
        'The ticket changed since you read it (VERSION_MISMATCH)',
      );

      const { ticket: current, history } = await agent.get(ticket.reference);
      const resolved = await agent.resolve(ticket.reference, {
        resolution: 'Released at Nyayo House',
        version: current.version,
      });
      expect(resolved.status).toBe('RESOLVED');
      expect(history.map((entry) => entry.action)).toEqual(
        expect.arrayContaining(['CREATED', 'NOTE_ADDED', 'STATUS_CHANGED']),
      );
      expect(history.find((entry) => entry.action === 'NOTE_ADDED')).toMatchObject({
        by: { kind: 'agent', id: 'agent.wanjiku' },
        note: 'Caller rang again',
      });
    },
    TIMEOUT,
  );

  it('reports an unknown token as a sign-in problem', async () => {
    const stranger = createTicketsClient({ baseUrl: server.url, token: () => 'nobody' });
    const error = await stranger.list({ agencyId: 'immigration' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TicketApiError);
    expect((error as TicketApiError).needsSignIn).toBe(true);
  });
});
