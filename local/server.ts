import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { dirname } from 'node:path';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { agentDesktopFiles } from '#lib/agent-desktop-bundle.ts';
import { localTime } from '#shared/hours.ts';
import { maskPhoneNumber } from '../agent-desktop/src/screen-pop.ts';
import { apiEvent, LOCAL_TOKENS, matchRoute } from './api-events.ts';
import type { LocalWebChat } from './chat/web-chat-runtime.ts';
import { localContacts } from './contacts.ts';
import type { LocalEscalation } from './escalation/runtime.ts';
import { iamCheckSummary, iamChecks } from './iam/guard.ts';
import { localRouteRefusal } from './local-origin.ts';
import { type LocalMessaging, smsCallbackEvent, snsDelivery } from './messaging.ts';
import { sendPageFile } from './page-files.ts';
import { SERVER_FILE } from './server-file.ts';
import { CLOCK_FILE, parseShift, writeClockOffset } from './sim-clock.ts';

export interface LocalServer {
  readonly url: string;
  stop(): Promise<void>;
}

const context = { getRemainingTimeInMillis: () => 30_000 } as Context;

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/** The agent desktop's files, bundled now, with a config.json for this server: no CCP, demo tokens. */
const desktopFiles = (url: string, chat: boolean): Map<string, Uint8Array> => {
  const files = agentDesktopFiles();
  const config = {
    ...(chat && { localChat: { url } }),
    staffApi: {
      url,
      auth: {
        kind: 'local',
        tokens: Object.entries(LOCAL_TOKENS).map(([token, claims]) => ({
          token,
          groups: [claims['cognito:groups'] ?? []].flat(),
        })),
      },
    },
  };
  files.set('config.json', Buffer.from(`${JSON.stringify(config, null, 2)}\n`));
  return files;
};

/** Serves GET /desktop/…; false when the request is for something else. */
const serveDesktop = (
  files: ReadonlyMap<string, Uint8Array>,
  method: string,
  path: string,
  response: ServerResponse,
): boolean => {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (path === '/desktop') {
    response.writeHead(301, { location: '/desktop/' }).end();
    return true;
  }
  if (!path.startsWith('/desktop/')) return false;
  const name = path.slice('/desktop/'.length) || 'index.html';
  const contents = files.get(name);
  if (!contents) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
    return true;
  }
  sendPageFile(response, name, method === 'HEAD' ? undefined : contents);
  return true;
};

/** An instant as the contact centre reads it: Nairobi date and time. */
export const nairobiTime = (at: number): string => {
  const { date, minuteOfDay } = localTime(new Date(at), 'Africa/Nairobi');
  const hh = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
  const mm = String(minuteOfDay % 60).padStart(2, '0');
  return `${date} ${hh}:${mm} (Nairobi)`;
};

/**
 * The staff API on this machine (tickets and reports): the same routes and Lambda handlers as
 * API Gateway, with a bearer token standing for a Cognito ID token (LOCAL_TOKENS; unknown or
 * missing → 401, as the JWT authorizer answers). Beside it, local-only routes to read the outbox and calls and to move
 * the simulated clock, and the agent desktop at /desktop/ (bundled at start, signed in with the demo
 * tokens, without a CCP). Work is serialised: one request or clock move at a time.
 */
export const startLocalServer = async ({
  escalation,
  port = 3100,
  clockFile = CLOCK_FILE,
  serverFile = SERVER_FILE,
  tickMs = 1000,
  chat,
  messaging,
}: {
  readonly escalation: LocalEscalation;
  /** The web chat: its page at /chat/, its API and the participant service stand-in. */
  readonly chat?: LocalWebChat;
  /** The SMS and WhatsApp channels: POST /channels/sms (Africa's Talking's form), /channels/whatsapp (an End User Messaging Social event). */
  readonly messaging?: LocalMessaging;
  readonly port?: number;
  readonly clockFile?: string;
  /** Where to say how to reach this server (tests: a temporary file, not a running server's). */
  readonly serverFile?: string;
  /** How often the running clock's due work is done. */
  readonly tickMs?: number;
}): Promise<LocalServer> => {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const moveClock = async (target: number) => {
    const sentBefore = escalation.sent.length;
    const callsBefore = escalation.dialer.calls.length;
    await escalation.advanceTo(target);
    writeClockOffset(escalation.clock.offsetMs(), clockFile);
    const expired = chat?.service.endLapsed() ?? [];
    return {
      now: new Date(escalation.clock.nowMs()).toISOString(),
      local: nairobiTime(escalation.clock.nowMs()),
      sent: escalation.sent.slice(sentBefore),
      calls: escalation.dialer.calls.slice(callsBefore).map(summariseCall),
      chatsExpired: expired.map((ended) => ended.contactId),
    };
  };

  const local = async (method: string, path: string, body: string) => {
    if (method === 'GET' && path === '/local/clock')
      return {
        status: 200,
        body: {
          now: new Date(escalation.clock.nowMs()).toISOString(),
          local: nairobiTime(escalation.clock.nowMs()),
          offsetMs: escalation.clock.offsetMs(),
        },
      };
    if (method === 'POST' && path === '/local/clock') {
      const { shift, to } = JSON.parse(body || '{}') as { shift?: string; to?: string };
      const target = shift
        ? escalation.clock.nowMs() + (parseShift(shift) ?? Number.NaN)
        : Date.parse(to ?? '');
      if (Number.isNaN(target) || target < escalation.clock.nowMs())
        return {
          status: 400,
          body: { error: 'INVALID_INPUT', reason: 'shift +25h or a later "to"' },
        };
      return { status: 200, body: await moveClock(target) };
    }
    if (method === 'GET' && path === '/local/iam')
      return { status: 200, body: { ...iamChecks, summary: iamCheckSummary() } };
    if (method === 'GET' && path === '/local/outbox')
      return { status: 200, body: { queued: escalation.outbox, sent: escalation.sent } };
    const contact = /^\/local\/contacts\/([^/]+)$/.exec(path);
    if (method === 'GET' && contact) {
      const contactId = decodeURIComponent(contact[1]!);
      const found = localContacts.contacts.get(contactId);
      // The desktop sees the number masked, as the screen pop shows it.
      return found
        ? {
            status: 200,
            body: {
              contactId,
              callerShown: maskPhoneNumber(found.number),
              attributes: found.attributes,
            },
          }
        : { status: 404, body: { error: 'NOT_FOUND' } };
    }
    if (method === 'GET' && path === '/local/calls')
      return { status: 200, body: escalation.dialer.calls.map(summariseCall) };
    if (method === 'GET' && path === '/local/executions')
      return {
        status: 200,
        body: [...escalation.stepFunctions.executions.values()].map((execution) => ({
          name: execution.name,
          status: execution.status,
          waitingUntil: execution.parked ? new Date(execution.parked.until).toISOString() : null,
        })),
      };
    return { status: 404, body: { error: 'NOT_FOUND' } };
  };

  const handle = async (request: IncomingMessage) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = request.method ?? 'GET';
    const body = await readBody(request);
    if (messaging && method === 'POST' && url.pathname === '/channels/sms') {
      // Africa's Talking's inbound callback, form-encoded, as its gateway posts it.
      const before = messaging.received.length;
      const response = (await messaging.smsHandler(
        smsCallbackEvent(body, Object.fromEntries(url.searchParams)),
        context,
      )) as APIGatewayProxyStructuredResultV2;
      return {
        status: response.statusCode ?? 200,
        body: { answer: response.body, sent: messaging.received.slice(before) },
      };
    }
    if (messaging && method === 'POST' && url.pathname === '/channels/whatsapp') {
      // The event End User Messaging Social publishes to its SNS destination (the message body).
      const before = messaging.received.length;
      await messaging.whatsappHandler(snsDelivery(body, 'whatsapp-events'), context);
      messaging.drain();
      return { status: 200, body: { sent: messaging.received.slice(before) } };
    }
    if (url.pathname.startsWith('/local/')) {
      const refusal = localRouteRefusal(request.headers, bound);
      if (refusal) return { status: 403, body: { error: 'FORBIDDEN', reason: refusal } };
      return local(method, url.pathname, body);
    }
    // The USSD gateway's callback: form fields in, a text/plain screen out (no staff token).
    if (url.pathname === '/channels/ussd') {
      if (method !== 'POST') return { status: 405, body: { message: 'POST the gateway fields' } };
      const sourceIp = request.socket.remoteAddress ?? '127.0.0.1';
      const result = (await escalation.ussd(
        { body, isBase64Encoded: false, requestContext: { identity: { sourceIp } } },
        context,
      )) as APIGatewayProxyStructuredResultV2;
      await escalation.settle();
      return { status: result.statusCode ?? 200, body: String(result.body), text: true };
    }
    if (!matchRoute(method, url.pathname)) return { status: 404, body: { message: 'Not Found' } };
    const token = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const claims = token ? LOCAL_TOKENS[token] : undefined;
    if (!claims) return { status: 401, body: { message: 'Unauthorized' } };
    const response = (await escalation.api(
      apiEvent({
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        ...(body && { body }),
        claims,
      }),
      context,
    )) as APIGatewayProxyStructuredResultV2;
    // What the change set off (a start, a wake, a call-back) happens before the answer.
    await escalation.settle();
    return { status: response.statusCode ?? 200, body: JSON.parse(String(response.body)) };
  };

  let desktop: ReadonlyMap<string, Uint8Array> = new Map();
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (serveDesktop(desktop, request.method ?? 'GET', path, response)) return;
    const refusal = path.startsWith('/local/') && localRouteRefusal(request.headers, bound);
    if (refusal) {
      response.writeHead(403, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'FORBIDDEN', reason: refusal }));
      return;
    }
    if (chat?.serve(request, response)) return;
    serial(() => handle(request)).then(
      (answer: { status: number; body: unknown; text?: boolean }) => {
        if (answer.text) {
          response.writeHead(answer.status, { 'content-type': 'text/plain; charset=utf-8' });
          response.end(String(answer.body));
          return;
        }
        response.writeHead(answer.status, { 'content-type': 'application/json' });
        response.end(`${JSON.stringify(answer.body, null, 2)}\n`);
      },
      (error: unknown) => {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(`${JSON.stringify({ error: 'INTERNAL', message: String(error) })}\n`);
      },
    );
  });
  const listen = (on: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(on, '127.0.0.1', () => {
        server.off('error', reject);
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : on);
      });
    });
  let bound: number;
  try {
    bound = await listen(port);
  } catch {
    bound = await listen(0);
  }
  const url = `http://127.0.0.1:${bound}`;
  // The desktop's config names this server, so it is bundled once the port is known.
  desktop = desktopFiles(url, chat !== undefined);
  chat?.attach(server, url);
  mkdirSync(dirname(serverFile), { recursive: true });
  writeFileSync(serverFile, `${JSON.stringify({ url, pid: process.pid })}\n`);

  // The clock runs on in real time: do what falls due.
  const ticker = setInterval(() => {
    void serial(() => escalation.advanceTo(escalation.clock.nowMs())).catch(() => undefined);
    chat?.service.endLapsed();
  }, tickMs);
  ticker.unref();

  return {
    url,
    stop: async () => {
      clearInterval(ticker);
      chat?.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(serverFile, { force: true });
    },
  };
};

const summariseCall = (call: LocalEscalation['dialer']['calls'][number]) => ({
  at: nairobiTime(call.at),
  to: call.call.destination,
  reference: call.call.attributes.reference,
  answered: call.answered,
  heard: call.heard,
});
