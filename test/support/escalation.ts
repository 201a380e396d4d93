import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LocalEscalationOptions, startLocalEscalation } from '#local/escalation/runtime.ts';
import { startLocalServer } from '#local/server.ts';
import { SimulatedClock } from '#local/sim-clock.ts';
import { createTicketRepository } from '#shared/data/tickets.repository.ts';
import { type ApiCaller, type ApiRequest, callApi } from './api-calls.ts';
import { resources } from './contact-centre.ts';
import { documentClient, tableNames, uniqueCaller } from './data.ts';

export const HOUR = 3_600_000;
export const MINUTE = 60_000;
/** Each escalation story runs days of simulated time; real time is seconds, on a shared machine. */
export const ESCALATION_TIMEOUT = 60_000;

/** The tickets the escalation runtime works on, in this worker's DynamoDB Local. */
export const tickets = createTicketRepository(documentClient, tableNames.tickets);

/** The escalation runtime on this worker's DynamoDB Local, its clock still at `start` until moved. */
export const startEscalation = async (
  start: string,
  options: Partial<Omit<LocalEscalationOptions, 'clock' | 'dynamoDbEndpoint' | 'resources'>> = {},
) => {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (!endpoint) throw new Error('Integration tests need DYNAMODB_ENDPOINT (the global setup)');
  const escalation = await startLocalEscalation({
    clock: new SimulatedClock(new Date(start)),
    dynamoDbEndpoint: endpoint,
    resources,
    ...options,
  });
  running.push(escalation);
  return escalation;
};

const running: { stop(): Promise<void> }[] = [];

/** Stops every escalation runtime a test started (its waits hold timers). */
export const stopEscalations = async () => {
  await Promise.all(running.splice(0).map((escalation) => escalation.stop()));
};

export type Escalation = Awaited<ReturnType<typeof startEscalation>>;

/** Calls the staff API's handlers as API Gateway would route to them, with a demo token's claims. */
export const api = (
  escalation: Escalation,
  token: Exclude<ApiCaller, null>,
  ...request: ApiRequest
) => callApi(escalation.api, token, ...request);

/** The owning agency (immigration) resolves a ticket through the staff API. */
export const resolveTicket = (escalation: Escalation, reference: string, resolution: string) =>
  api(escalation, 'agency-immigration', 'POST', `/tickets/${reference}/resolve`, {
    body: { resolution },
  });

/** An agent lodges a complaint (passport: owned by immigration) for a caller of its own. */
export const lodgeComplaint = async (
  escalation: Escalation,
  overrides: Record<string, unknown> = {},
) => {
  const callbackNumber = uniqueCaller();
  const { status, body } = await api(escalation, 'agent-demo', 'POST', '/tickets', {
    body: {
      contactId: randomUUID(),
      categoryId: 'delay',
      serviceId: 'passport',
      callbackNumber,
      description: 'Passport ready for 3 months but not released.',
      ...overrides,
    },
  });
  if (status !== 201) throw new Error(`Complaint not lodged: ${status} ${JSON.stringify(body)}`);
  return { reference: String(body.ticket.reference), callbackNumber, ticket: body.ticket };
};

/** An escalation runtime at `start` and a complaint lodged on it as soon as it starts. */
export const complaintEscalation = async (
  start: string,
  {
    options,
    complaint,
  }: { options?: Parameters<typeof startEscalation>[1]; complaint?: Record<string, unknown> } = {},
) => {
  const escalation = await startEscalation(start, options);
  return { escalation, ...(await lodgeComplaint(escalation, complaint)) };
};

/**
 * The runtime's calls and queued call-backs for one ticket. A worker's test files share its
 * DynamoDB Local, so the runtime's stream reader and sweeper also pick up complaints the worker's
 * earlier files left behind.
 */
export const callsFor = (escalation: Escalation, reference: string) =>
  escalation.dialer.calls.filter((placed) => placed.call.attributes.reference === reference);
export const callbacksFor = (escalation: Escalation, reference: string) => ({
  sent: escalation.callbacks.sent.filter(({ body }) => body.reference === reference),
  waiting: escalation.callbacks.waiting.filter((body) => body.reference === reference),
  deadLetters: escalation.callbacks.deadLetters.filter((body) => body.reference === reference),
});

/** What the escalation sent about a ticket, in order: `<role-ish id>#<channel>` keys. */
export const escalationMessages = (escalation: Escalation, reference: string) =>
  escalation.outbox
    .filter((notification) => notification.id.startsWith(`escalation#${reference}#`))
    .map((notification) => notification.id.slice(`escalation#${reference}#`.length));

/**
 * The local server (staff API and desktop) on an ephemeral port over an escalation runtime at
 * `start`, with its clock and server files in a temporary folder, not a developer's `.local/`.
 */
export const startStaffServer = async (start: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'staff-server-'));
  const escalation = await startEscalation(start);
  const server = await startLocalServer({
    escalation,
    port: 0,
    clockFile: join(dir, 'clock.json'),
    serverFile: join(dir, 'server.json'),
    tickMs: 60_000,
  });
  return {
    server,
    escalation,
    stop: async () => {
      await server.stop();
      await stopEscalations();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
