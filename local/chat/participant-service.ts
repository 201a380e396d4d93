import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';

/** A transcript item as Connect's participant service and its websocket deliver it. */
export interface ChatItem {
  readonly AbsoluteTime: string;
  readonly Content?: string;
  readonly ContentType: string;
  readonly Id: string;
  readonly Type: 'MESSAGE' | 'EVENT';
  readonly ParticipantId?: string;
  readonly DisplayName?: string;
  readonly ParticipantRole?: 'CUSTOMER' | 'AGENT' | 'SYSTEM';
  readonly InitialContactId: string;
  readonly ContactId: string;
}

interface Participant {
  readonly id: string;
  readonly role: 'CUSTOMER' | 'AGENT';
  readonly displayName: string;
  readonly participantToken: string;
  connectionToken?: string;
  readonly sockets: Set<WebSocket>;
}

export type ChatState = 'QUEUED' | 'CONNECTED' | 'ENDED';

export interface LocalChat {
  readonly contactId: string;
  readonly attributes: Readonly<Record<string, string>>;
  state: ChatState;
  readonly startedAt: number;
  queue?: { readonly arn: string; readonly name: string; readonly enqueuedAt: number };
  agent?: { readonly username: string; readonly connectedAt: number; endedAt?: number };
  endedAt?: number;
  disconnectReason?: string;
  readonly transcript: ChatItem[];
  readonly participants: Map<string, Participant>;
}

const EVENT = 'application/vnd.amazonaws.connect.event.';
const HOUR = 3_600_000;
/** How long Connect lets a chat last: StartChatContact's ChatDurationInMinutes default, 25 hours. */
const CHAT_DURATION_MS = 25 * HOUR;

/** A participant-service error as restJson1 carries it: status, x-amzn-errortype and message. */
export interface ServiceAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}
const ok = (body: unknown): ServiceAnswer => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body,
});
const refuse = (status: number, type: string, message: string): ServiceAnswer => ({
  status,
  headers: { 'content-type': 'application/json', 'x-amzn-errortype': type },
  body: { message },
});

/**
 * The local stand-in for Amazon Connect's chat: the Participant Service's REST operations
 * (CreateParticipantConnection, SendMessage, SendEvent, GetTranscript, DisconnectParticipant:
 * POST /participant/…, bearer tokens in X-Amz-Bearer, restJson1 errors) and the websocket the
 * participant connects to (topics aws/subscribe, aws/heartbeat, aws/ping and aws/chat), so the
 * real amazon-connect-chatjs talks to it; plus the agent's side, which the local desktop drives.
 * Like Connect, a participant of a chat that has ended is refused with 403.
 */
export class LocalParticipantService {
  readonly chats = new Map<string, LocalChat>();
  private readonly byToken = new Map<string, { chat: LocalChat; participant: Participant }>();
  private readonly sockets = new WebSocketServer({ noServer: true });
  private readonly endedListeners: ((chat: LocalChat) => void)[] = [];
  /** StartContactStreaming: the topic each streamed chat publishes its items to. */
  private readonly streams = new Map<string, string>();
  private readonly streamListeners: ((topicArn: string, item: ChatItem) => void)[] = [];
  /** SendMessage's ClientToken per chat: a retried send is the message it sent. */
  private readonly sentByToken = new Map<string, ChatItem>();
  private wsUrl = 'ws://127.0.0.1:0';
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  /** Takes the websocket upgrades at /participant-ws on `server`, whose address is `url`. */
  attach(server: Server, url: string): void {
    this.wsUrl = `${url.replace(/^http/, 'ws')}/participant-ws`;
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      const address = new URL(request.url ?? '/', 'http://localhost');
      if (address.pathname !== '/participant-ws') return;
      const found = this.byToken.get(address.searchParams.get('token') ?? '');
      if (!found || found.chat.state === 'ENDED') {
        socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
        return;
      }
      this.sockets.handleUpgrade(request, socket, head, (ws) => this.serve(ws, found.participant));
    });
  }

  onEnded(listener: (chat: LocalChat) => void): void {
    this.endedListeners.push(listener);
  }

  /**
   * StartContactStreaming: every later item of the chat is published to `topicArn`. The flow
   * runs here before StartChatContact answers, so a chat it closed (after hours) is over
   * already: its connection is then refused, as Connect refuses an ended chat's.
   */
  startStreaming(contactId: string, topicArn: string): boolean {
    const chat = this.chats.get(contactId);
    if (!chat) return false;
    this.streams.set(contactId, topicArn);
    return true;
  }

  /** What SNS would deliver to the topic's subscribers: the topic and the item. */
  onStreamed(listener: (topicArn: string, item: ChatItem) => void): void {
    this.streamListeners.push(listener);
  }

  /** StartChatContact's part here: the chat, its customer and the first message. */
  startChat(input: {
    contactId: string;
    attributes: Record<string, string>;
    displayName: string;
    initialMessage: string;
  }) {
    const chat: LocalChat = {
      contactId: input.contactId,
      attributes: input.attributes,
      state: 'QUEUED',
      startedAt: this.now(),
      transcript: [],
      participants: new Map(),
    };
    this.chats.set(chat.contactId, chat);
    const customer = this.join(chat, 'CUSTOMER', input.displayName);
    this.post(chat, { type: 'MESSAGE', text: input.initialMessage, from: customer });
    return {
      contactId: chat.contactId,
      participantId: customer.id,
      participantToken: customer.participantToken,
    };
  }

  /** A message the flow sends (MessageParticipant). */
  systemMessage(contactId: string, text: string): void {
    const chat = this.chats.get(contactId);
    if (chat && chat.state !== 'ENDED') this.post(chat, { type: 'MESSAGE', text, role: 'SYSTEM' });
  }

  enqueue(contactId: string, queue: { arn: string; name: string }): void {
    const chat = this.chats.get(contactId);
    if (chat) chat.queue = { ...queue, enqueuedAt: this.now() };
  }

  /** The agent accepts the waiting chat (the CCP's Accept): they join, the customer is told. */
  accept(contactId: string, username: string): LocalChat | undefined {
    const chat = this.chats.get(contactId);
    if (chat?.state !== 'QUEUED') return undefined;
    chat.state = 'CONNECTED';
    chat.agent = { username, connectedAt: this.now() };
    const agent = this.join(chat, 'AGENT', username);
    this.post(chat, { type: 'EVENT', contentType: `${EVENT}participant.joined`, from: agent });
    return chat;
  }

  agentMessage(contactId: string, text: string): boolean {
    const chat = this.chats.get(contactId);
    const agent = chat && [...chat.participants.values()].find((p) => p.role === 'AGENT');
    if (!chat || !agent || chat.state !== 'CONNECTED') return false;
    this.post(chat, { type: 'MESSAGE', text, from: agent });
    return true;
  }

  /**
   * Ends every chat older than Connect's chat duration (one waiting in a queue overnight nobody
   * took, one left open), as Connect does: chat.ended, disconnect reason EXPIRED. The local
   * server runs it on its tick and when `npm run clock` moves the clock.
   */
  endLapsed(): LocalChat[] {
    const lapsed = [...this.chats.values()].filter(
      (chat) => chat.state !== 'ENDED' && this.now() - chat.startedAt >= CHAT_DURATION_MS,
    );
    for (const chat of lapsed) this.end(chat.contactId, 'EXPIRED');
    return lapsed;
  }

  /** Ends the chat: the leaver's participant.left, then chat.ended, and every socket closes. */
  end(contactId: string, reason: string, leaver?: 'CUSTOMER' | 'AGENT'): LocalChat | undefined {
    const chat = this.chats.get(contactId);
    if (!chat || chat.state === 'ENDED') return undefined;
    const who = [...chat.participants.values()].find((p) => p.role === leaver);
    if (who) this.post(chat, { type: 'EVENT', contentType: `${EVENT}participant.left`, from: who });
    this.post(chat, { type: 'EVENT', contentType: `${EVENT}chat.ended`, role: 'SYSTEM' });
    chat.state = 'ENDED';
    chat.endedAt = this.now();
    if (chat.agent) chat.agent.endedAt = chat.endedAt;
    chat.disconnectReason = reason;
    for (const participant of chat.participants.values())
      for (const socket of participant.sockets) socket.close(1000, 'chat ended');
    for (const listener of this.endedListeners) listener(chat);
    return chat;
  }

  /** POST /participant/… as the Participant Service answers it; undefined for any other path. */
  http(method: string, path: string, bearer: string | undefined, raw: string) {
    if (method !== 'POST' || !path.startsWith('/participant/')) return undefined;
    const found = this.byToken.get(bearer ?? '');
    if (!found) return refuse(403, 'AccessDeniedException', 'Access denied');
    const { chat, participant } = found;
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw || '{}') as Record<string, unknown>;
    } catch {
      return refuse(400, 'ValidationException', 'The body is not JSON');
    }
    const isParticipantToken = bearer === participant.participantToken;
    if (chat.state === 'ENDED') return refuse(403, 'AccessDeniedException', 'The chat has ended');
    switch (path) {
      case '/participant/connection': {
        if (!isParticipantToken) return refuse(403, 'AccessDeniedException', 'Access denied');
        // Each call gives another connection (chatjs asks again for each websocket it opens).
        const token = randomUUID();
        participant.connectionToken = token;
        this.byToken.set(token, found);
        const expiry = new Date(this.now() + HOUR).toISOString();
        return ok({
          Websocket: { Url: `${this.wsUrl}?token=${token}`, ConnectionExpiry: expiry },
          ConnectionCredentials: { ConnectionToken: token, Expiry: expiry },
        });
      }
      case '/participant/message': {
        if (isParticipantToken) return refuse(403, 'AccessDeniedException', 'Access denied');
        const content = typeof body.Content === 'string' ? body.Content : '';
        if (!content || content.length > 16_384)
          return refuse(400, 'ValidationException', 'Content must be 1-16384 characters');
        const token =
          typeof body.ClientToken === 'string' ? `${chat.contactId}:${body.ClientToken}` : '';
        const item =
          this.sentByToken.get(token) ??
          this.post(chat, { type: 'MESSAGE', text: content, from: participant });
        if (token) this.sentByToken.set(token, item);
        return ok({ Id: item.Id, AbsoluteTime: item.AbsoluteTime });
      }
      case '/participant/event': {
        const item = this.post(chat, {
          type: 'EVENT',
          contentType: String(body.ContentType ?? `${EVENT}typing`),
          from: participant,
          ...(typeof body.Content === 'string' && { text: body.Content }),
        });
        return ok({ Id: item.Id, AbsoluteTime: item.AbsoluteTime });
      }
      case '/participant/transcript': {
        const max = Math.min(100, Number(body.MaxResults ?? 15) || 15);
        const ascending = body.SortOrder !== 'DESCENDING';
        const items = ascending ? chat.transcript : [...chat.transcript].reverse();
        return ok({ InitialContactId: chat.contactId, Transcript: items.slice(-max) });
      }
      case '/participant/disconnect':
        this.end(chat.contactId, 'CUSTOMER_DISCONNECT', participant.role);
        return ok({});
      default:
        return refuse(404, 'ResourceNotFoundException', `No operation at ${path}`);
    }
  }

  private join(chat: LocalChat, role: Participant['role'], displayName: string): Participant {
    const participant: Participant = {
      id: randomUUID(),
      role,
      displayName,
      participantToken: randomUUID(),
      sockets: new Set(),
    };
    chat.participants.set(participant.id, participant);
    this.byToken.set(participant.participantToken, { chat, participant });
    return participant;
  }

  private post(
    chat: LocalChat,
    event: {
      type: 'MESSAGE' | 'EVENT';
      text?: string;
      contentType?: string;
      from?: Participant;
      role?: 'SYSTEM';
    },
  ): ChatItem {
    const item: ChatItem = {
      AbsoluteTime: new Date(this.now()).toISOString(),
      ...(event.text !== undefined && { Content: event.text }),
      ContentType: event.contentType ?? 'text/plain',
      Id: randomUUID(),
      Type: event.type,
      ...(event.from
        ? {
            ParticipantId: event.from.id,
            DisplayName: event.from.displayName,
            ParticipantRole: event.from.role,
          }
        : { ParticipantRole: event.role ?? 'SYSTEM', DisplayName: 'SYSTEM_MESSAGE' }),
      InitialContactId: chat.contactId,
      ContactId: chat.contactId,
    };
    chat.transcript.push(item);
    const topicArn = this.streams.get(chat.contactId);
    if (topicArn) for (const listener of this.streamListeners) listener(topicArn, item);
    const frame = JSON.stringify({
      topic: 'aws/chat',
      contentType: 'application/json',
      content: JSON.stringify(item),
    });
    for (const participant of chat.participants.values())
      for (const socket of participant.sockets) socket.send(frame);
    return item;
  }

  /** The websocket protocol chatjs speaks: subscribe, heartbeat and deep ping answered. */
  private serve(ws: WebSocket, participant: Participant): void {
    participant.sockets.add(ws);
    ws.on('close', () => participant.sockets.delete(ws));
    ws.on('message', (data) => {
      let message: { topic?: string; content?: { topics?: string[] } };
      try {
        message = JSON.parse(String(data));
      } catch {
        return;
      }
      if (message.topic === 'aws/subscribe')
        ws.send(
          JSON.stringify({
            topic: 'aws/subscribe',
            content: { status: 'success', topics: message.content?.topics ?? ['aws/chat'] },
          }),
        );
      else if (message.topic === 'aws/heartbeat')
        ws.send(JSON.stringify({ topic: 'aws/heartbeat' }));
      else if (message.topic === 'aws/ping')
        ws.send(JSON.stringify({ topic: 'aws/ping', statusCode: 200, statusContent: 'OK' }));
    });
  }

  /** Drops every socket (a network drop, for tests) without ending any chat. */
  dropConnections(): void {
    for (const chat of this.chats.values())
      for (const participant of chat.participants.values())
        for (const socket of participant.sockets) socket.terminate();
  }

  close(): void {
    this.dropConnections();
    this.sockets.close();
  }
}
