import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyResult, Context } from 'aws-lambda';
import type { ChatContacts, ChatStart } from '#lambdas/web-chat/chat-contacts.ts';
import { restEvent } from '#local/chat/web-chat-runtime.ts';
import { localHandler } from '#local/handlers.ts';

const context = { getRemainingTimeInMillis: () => 10_000 } as Context;

/** Connect's StartChatContact, recorded: what the hand-over asked for. */
const recordingChats = () => {
  const started: ChatStart[] = [];
  const chatContacts: ChatContacts = {
    start: async (chat) => {
      started.push(chat);
      return { contactId: randomUUID(), participantId: randomUUID(), participantToken: 'token' };
    },
  };
  return { started, chatContacts };
};

const post = async (
  handler: ReturnType<typeof localHandler<'web-chat'>>,
  path: string,
  body: unknown,
) => {
  const result = (await handler(
    restEvent('POST', path, typeof body === 'string' ? body : JSON.stringify(body)),
    context,
  )) as APIGatewayProxyResult;
  return { status: result.statusCode, headers: result.headers, body: JSON.parse(result.body) };
};

describe('web chat API', () => {
  it('passes messages to the conversation service and hands over with the transcript and screen pop', async () => {
    const { started, chatContacts } = recordingChats();
    const handler = localHandler('web-chat', { chatContacts });
    const chatId = randomUUID();
    const send = (text: string, messageId = randomUUID()) =>
      post(handler, '/chat/messages', { chatId, messageId, text, locale: 'sw' });

    const welcome = await send('habari');
    expect(welcome.status).toBe(200);
    expect(welcome.body.replies[0].text).toMatch(/Huduma/);
    const menu = await send('2');
    expect(menu.body.language).toBe('sw');
    const agentMessageId = randomUUID();
    const agent = await send('0', agentMessageId);

    expect(agent.status).toBe(200);
    expect(agent.body.handover).toEqual({
      contactId: expect.any(String),
      participantId: expect.any(String),
      participantToken: 'token',
    });
    expect(started).toHaveLength(1);
    const [chat] = started;
    expect(chat?.attributes).toMatchObject({ lang: 'sw', channel: 'web' });
    expect(chat?.attributes.waitingMessage).toMatch(/foleni ya wakala/);
    expect(chat?.attributes.transcript).toContain('Customer: habari');
    expect(chat?.initialMessage).toBe('0');
    expect(chat?.clientToken).toBe(`${chatId}:${agentMessageId}`);
  });

  it('refuses a body of the wrong shape with 400 and its reason, and an unknown route with 404', async () => {
    const handler = localHandler('web-chat', recordingChats());
    const bad = await post(handler, '/chat/messages', { chatId: 'not-a-uuid', text: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('INVALID_INPUT');
    expect(bad.body.reason).toContain('body.chatId');
    expect((await post(handler, '/chat/messages', '{not json')).body.reason).toBe('NOT_JSON');
    expect((await post(handler, '/chat/nowhere', {})).status).toBe(404);
    expect(bad.headers?.['access-control-allow-origin']).toBeDefined();
  });

  it('records the post-chat survey on the contact call log, and refuses a score out of range', async () => {
    const handler = localHandler('web-chat', recordingChats());
    const contactId = randomUUID();
    const recorded = await post(handler, '/chat/survey', { contactId, csat: '4', nps: '10' });
    expect(recorded.body).toEqual({ outcome: 'RECORDED', recorded: { csat: 4, nps: 10 } });
    const refused = await post(handler, '/chat/survey', { contactId, csat: '9' });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('INVALID_INPUT');
    expect((await post(handler, '/chat/survey', { contactId })).status).toBe(400);
  });

  it('answers 503 when Connect is at its chat quota, so the page asks to try again', async () => {
    const handler = localHandler('web-chat', {
      chatContacts: {
        start: async () => {
          throw Object.assign(new Error('quota'), { name: 'LimitExceededException' });
        },
      },
    });
    const chatId = randomUUID();
    await post(handler, '/chat/messages', { chatId, messageId: randomUUID(), text: 'hi' });
    await post(handler, '/chat/messages', { chatId, messageId: randomUUID(), text: '1' });
    const busy = await post(handler, '/chat/messages', {
      chatId,
      messageId: randomUUID(),
      text: '0',
    });
    expect(busy.status).toBe(503);
    expect(busy.body.error).toBe('BUSY');
  });
});
