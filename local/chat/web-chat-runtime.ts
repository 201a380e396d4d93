import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { chatPageFiles } from '#lib/chat-page-bundle.ts';
import type { ContactRecordFeed } from '#local/contact-records.ts';
import type { FlowEngine } from '#local/flow-engine/engine.ts';
import type { QueueSimulation } from '#local/flow-engine/types.ts';
import { type LocalPlatform, localHandler } from '#local/handlers.ts';
import { LOCAL_INSTANCE_ARN, localArn } from '../arns.ts';
import { sendPageFile } from '../page-files.ts';
import { localChatContacts } from './local-chats.ts';
import { type LocalChat, LocalParticipantService } from './participant-service.ts';

const context = { getRemainingTimeInMillis: () => 10_000 } as Context;

/** An API Gateway REST proxy event, as the chat API's stage sends it to the Lambda. */
export const restEvent = (method: string, resource: string, body: string): APIGatewayProxyEvent =>
  ({
    resource,
    path: resource,
    httpMethod: method,
    headers: { 'content-type': 'application/json' },
    multiValueHeaders: {},
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: null,
    stageVariables: null,
    body,
    isBase64Encoded: false,
    requestContext: {
      requestId: randomUUID(),
      stage: 'v1',
      httpMethod: method,
      resourcePath: resource,
      identity: { sourceIp: '127.0.0.1' },
    },
  }) as unknown as APIGatewayProxyEvent;

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/** What the local desktop shows of a chat: no tokens. */
const summary = (chat: LocalChat) => ({
  contactId: chat.contactId,
  state: chat.state,
  queue: chat.queue?.name,
  agent: chat.agent?.username,
  attributes: chat.attributes,
  messages: chat.transcript
    .filter((item) => item.Type === 'MESSAGE')
    .map((item) => ({ id: item.Id, role: item.ParticipantRole, text: item.Content ?? '' })),
});

export interface LocalWebChatOptions {
  readonly engine: FlowEngine;
  readonly platform: LocalPlatform;
  readonly feed: ContactRecordFeed;
  readonly now: () => Date;
  /** How the agent queue behaves (`atCapacity`: the chat flow ends a hand-over at once). */
  readonly queue?: QueueSimulation;
}

/**
 * The web chat on this machine: the chat page at /chat/ (bundled at start, config.json naming
 * this server), the chat API (the deployed web-chat handler, called with REST proxy events) at
 * /chat/messages and /chat/survey, the participant service stand-in at /participant/… and its
 * websocket, and the agent's side for the local desktop at /local/chats.
 */
export const createLocalWebChat = (options: LocalWebChatOptions) => {
  const service = new LocalParticipantService(() => options.now().getTime());
  const chatContacts = localChatContacts({
    service,
    engine: options.engine,
    flowArn: localArn.flow('chat-handover'),
    instanceArn: LOCAL_INSTANCE_ARN,
    feed: options.feed,
    now: options.now,
    ...(options.queue && { queue: options.queue }),
  });
  const api = localHandler(
    'web-chat',
    {
      chatContacts,
      // The handler and its conversation on the chat flow's clock.
      clock: options.now,
    },
    options.platform,
  );
  let files = new Map<string, Uint8Array>();

  const agentRoute = (method: string, path: string, body: Record<string, string>) => {
    if (method === 'GET' && path === '/local/chats')
      return { status: 200, body: [...service.chats.values()].map(summary) };
    const match = /^\/local\/chats\/([^/]+)\/(accept|messages|end)$/.exec(path);
    if (method !== 'POST' || !match) return undefined;
    const [, contactId = '', action] = match;
    const done =
      action === 'accept'
        ? service.accept(contactId, body.agent || 'agent.wanjiku')
        : action === 'messages'
          ? body.text && service.agentMessage(contactId, body.text)
          : service.end(contactId, 'AGENT_DISCONNECT', 'AGENT');
    return done
      ? { status: 200, body: summary(service.chats.get(contactId)!) }
      : { status: 409, body: { error: 'CONFLICT', reason: 'No such chat in that state' } };
  };

  const send = (response: ServerResponse, status: number, body: unknown, headers = {}) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };

  return {
    service,
    chatContacts,
    attach(server: Server, url: string) {
      service.attach(server, url);
      files = chatPageFiles();
      files.set(
        'config.json',
        Buffer.from(
          JSON.stringify({ apiUrl: url, region: 'af-south-1', participantEndpoint: url }),
        ),
      );
    },
    /** Serves a request that is the web chat's; false for anything else. */
    serve(request: IncomingMessage, response: ServerResponse): boolean {
      const method = request.method ?? 'GET';
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (path === '/chat') {
        response.writeHead(301, { location: '/chat/' }).end();
        return true;
      }
      const name = path.startsWith('/chat/') ? path.slice('/chat/'.length) || 'index.html' : '';
      if (method === 'GET' && files.has(name)) {
        sendPageFile(response, name, files.get(name));
        return true;
      }
      const isApi = method === 'POST' && (path === '/chat/messages' || path === '/chat/survey');
      const isParticipant = path.startsWith('/participant/');
      const isAgent = path === '/local/chats' || path.startsWith('/local/chats/');
      if (!isApi && !isParticipant && !isAgent) return false;
      void readBody(request)
        .then(async (body) => {
          if (isApi) {
            const result = (await api(
              restEvent(method, path, body),
              context,
            )) as APIGatewayProxyResult;
            response.writeHead(result.statusCode, result.headers as Record<string, string>);
            response.end(result.body);
            return;
          }
          if (isParticipant) {
            const bearer = request.headers['x-amz-bearer'];
            const answer = service.http(
              method,
              path,
              typeof bearer === 'string' ? bearer : undefined,
              body,
            );
            if (!answer) return send(response, 404, { message: 'Not Found' });
            return send(response, answer.status, answer.body, answer.headers);
          }
          const parsed = body ? (JSON.parse(body) as Record<string, string>) : {};
          const answer = agentRoute(method, path, parsed) ?? {
            status: 404,
            body: { error: 'NOT_FOUND' },
          };
          return send(response, answer.status, answer.body);
        })
        .catch((error: unknown) =>
          send(response, 500, { error: 'INTERNAL', message: String(error) }),
        );
      return true;
    },
    close: () => service.close(),
  };
};
export type LocalWebChat = ReturnType<typeof createLocalWebChat>;
