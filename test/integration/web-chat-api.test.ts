import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyResult, Context } from 'aws-lambda';
import type { ChatContacts, ChatStart } from '#lambdas/web-chat/chat-contacts.ts';
import { restEvent } from '#local/chat/web-chat-runtime.ts';
import { localTableName } from '#local/dynamodb/tables.ts';
import { localHandler } from '#local/handlers.ts';
import { defaultLocalPlatform } from '#local/platform.ts';
import { SimulatedClock } from '#local/sim-clock.ts';
import { createCallLogRepository } from '#shared/data/call-logs.repository.ts';
import { callLogsTable } from '#shared/data/tables.ts';
import { callLogItem, uniqueCaller } from '../support/data.ts';

/** A whole journey is a dozen requests on a DynamoDB Local shared with other test files. */
const JOURNEY_TIMEOUT = 60_000;

const context = { getRemainingTimeInMillis: () => 10_000 } as Context;

/** A clock from `at` (Nairobi time) on real time. */
const clockFrom = (at: string) => new SimulatedClock(new Date(at), true).now;

/** The deployed web-chat handler and its conversation on a clock from `at`: Tuesday 10:00 in Nairobi (the agents are in) unless told. */
const chatApi = (
  overrides: Parameters<typeof localHandler<'web-chat'>>[1],
  at = '2026-12-01T10:00:00+03:00',
) => localHandler('web-chat', { clock: clockFrom(at), ...overrides });

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

const post = async (handler: ReturnType<typeof chatApi>, path: string, body: unknown) => {
  const result = (await handler(
    restEvent('POST', path, typeof body === 'string' ? body : JSON.stringify(body)),
    context,
  )) as APIGatewayProxyResult;
  return { status: result.statusCode, headers: result.headers, body: JSON.parse(result.body) };
};

describe('web chat API', () => {
  it('passes messages to the conversation service and hands over with the transcript and screen pop', async () => {
    const { started, chatContacts } = recordingChats();
    const handler = chatApi({ chatContacts });
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
      surveyToken: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(started).toHaveLength(1);
    const [chat] = started;
    expect(chat?.attributes).toMatchObject({ lang: 'sw', channel: 'web' });
    expect(chat?.attributes.waitingMessage).toMatch(/foleni ya wakala/);
    expect(chat?.attributes.transcript).toContain('Customer: habari');
    expect(chat?.initialMessage).toBe('0');
    expect(chat?.clientToken).toBe(`${chatId}:${agentMessageId}`);

    // One contact record: the self-service item is merged into the agent chat's, and stays so.
    const conversationId = chat?.attributes.conversationId ?? '';
    await send('menyu');
    const selfService = await callLogItem(conversationId);
    expect(selfService).toMatchObject({
      mergedInto: agent.body.handover.contactId,
      nextContactId: agent.body.handover.contactId,
      channel: 'CHAT',
    });
    expect(selfService).not.toHaveProperty('gsi1pk');
    const day = selfService?.day as string;
    const listed = await createCallLogRepository(
      defaultLocalPlatform().aws.dynamoDb,
      localTableName(callLogsTable),
    ).listByDay(day);
    expect(listed.map((log) => log.contactId)).not.toContain(conversationId);
  });

  it('after hours, answers an agent request with when the agents are back and starts no chat', async () => {
    // Arrange: Wednesday 03:00 in Nairobi.
    const { started, chatContacts } = recordingChats();
    const handler = chatApi({ chatContacts }, '2026-12-02T03:00:00+03:00');
    const chatId = randomUUID();
    await post(handler, '/chat/messages', {
      chatId,
      messageId: randomUUID(),
      text: 'hi',
      locale: 'en',
    });

    // Act
    const agent = await post(handler, '/chat/messages', {
      chatId,
      messageId: randomUUID(),
      text: 'agent',
      locale: 'en',
    });

    // Assess
    expect(agent.status).toBe(200);
    expect(agent.body).not.toHaveProperty('handover');
    expect(agent.body.replies.map((reply: { text: string }) => reply.text).join('\n')).toContain(
      'They will be back on Wednesday 2 December at 07:00.',
    );
    // The page holds a web chat's participant: nobody could keep it overnight, so no offer to leave it.
    expect(JSON.stringify(agent.body.replies)).not.toContain('reply 0 again');
    expect(started).toHaveLength(0);
  });

  /** One chat's messages in order, in the page's language; the replies after each, joined. */
  const chatThrough = async (locale: 'en' | 'sw', messages: readonly string[]) => {
    const handler = chatApi(recordingChats());
    const chatId = randomUUID();
    const replies: string[] = [];
    for (const text of messages) {
      const answer = await post(handler, '/chat/messages', {
        chatId,
        messageId: randomUUID(),
        text,
        locale,
      });
      expect(answer.status).toBe(200);
      replies.push(answer.body.replies.map((reply: { text: string }) => reply.text).join('\n'));
    }
    return replies;
  };

  it.each([
    ['en', /is ready for collection at GPO Huduma Centre/],
    ['sw', /Maombi 12345678/],
  ] as const)(
    'tracks a document in %s',
    async (locale, found) => {
      // Act: menu, tracking, the application number, the last 4 ID digits.
      const replies = await chatThrough(locale, ['hi', '2', '12345678', '5678']);

      // Assess
      expect(replies[3]).toMatch(found);
    },
    JOURNEY_TIMEOUT,
  );

  it.each([
    ['en', /Your booking reference is \d{8}/, /Please send your mobile number/],
    ['sw', /Nambari yako ya kumbukumbu ni \d{8}/, /Tafadhali tuma nambari yako ya simu/],
  ] as const)(
    'books an appointment in %s, asking the number the SMS goes to (a web chat has none)',
    async (locale, booked, askNumber) => {
      // Act: menu, appointments, book, county, centre, service, slot, confirm, a wrong number, the number.
      const replies = await chatThrough(locale, [
        'hi',
        ...Array.from({ length: 7 }, () => '1'),
        '12345',
        uniqueCaller().replace('+254', '0'),
      ]);

      // Assess
      expect(replies[7]).toMatch(askNumber);
      expect(replies[8]).toMatch(askNumber);
      expect(replies[9]).toMatch(booked);
      expect(replies.join()).not.toMatch(/press|hash|bonyeza|alama ya reli/i);
    },
    JOURNEY_TIMEOUT,
  );

  it.each([
    ['en', 'My passport is three months late.', /Your reference number is \d{8}/],
    ['sw', 'Pasipoti yangu imechelewa kwa miezi mitatu.', /Nambari yako ya kumbukumbu ni \d{8}/],
  ] as const)(
    'lodges a complaint in %s with the customer’s own words',
    async (locale, words, lodged) => {
      // Act: menu, complaints, lodge, category, service, record, the description.
      const replies = await chatThrough(locale, ['hi', '4', '1', '1', '1', '1', words]);

      // Assess
      expect(replies[5]).toMatch(/describe|eleza/);
      expect(replies[6]).toMatch(lodged);
      expect(replies.join()).not.toMatch(/press|hash|bonyeza|alama ya reli/i);
    },
    JOURNEY_TIMEOUT,
  );

  it('refuses a body of the wrong shape with 400 and its reason, and an unknown route with 404', async () => {
    const handler = chatApi(recordingChats());
    const bad = await post(handler, '/chat/messages', { chatId: 'not-a-uuid', text: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('INVALID_INPUT');
    expect(bad.body.reason).toContain('body.chatId');
    expect((await post(handler, '/chat/messages', '{not json')).body.reason).toBe('NOT_JSON');
    expect((await post(handler, '/chat/nowhere', {})).status).toBe(404);
    expect(bad.headers?.['access-control-allow-origin']).toBeDefined();
  });

  /** A chat handed to an agent: the contact and the survey token the page was given. */
  const handedOver = async (handler: ReturnType<typeof localHandler<'web-chat'>>) => {
    const chatId = randomUUID();
    await post(handler, '/chat/messages', { chatId, messageId: randomUUID(), text: 'hi' });
    const agent = await post(handler, '/chat/messages', {
      chatId,
      messageId: randomUUID(),
      text: '0',
    });
    return agent.body.handover as { contactId: string; surveyToken: string };
  };

  it(
    'records the signed post-chat survey on the contact call log, and refuses a score out of range',
    async () => {
      const handler = chatApi(recordingChats());
      const { contactId, surveyToken: token } = await handedOver(handler);

      const refused = await post(handler, '/chat/survey', { contactId, token, csat: '9' });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toBe('INVALID_INPUT');
      expect((await post(handler, '/chat/survey', { contactId, token })).status).toBe(400);
      // Refused answers leave the survey open.
      const recorded = await post(handler, '/chat/survey', {
        contactId,
        token,
        csat: '4',
        nps: '10',
      });
      expect(recorded.body).toEqual({ outcome: 'RECORDED', recorded: { csat: 4, nps: 10 } });
      expect(await callLogItem(contactId)).toMatchObject({ csat: 4, nps: 10 });
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'refuses a survey without its token, with another contact’s token, or a second time',
    async () => {
      const handler = chatApi(recordingChats());
      const first = await handedOver(handler);
      const second = await handedOver(handler);

      const unsigned = await post(handler, '/chat/survey', {
        contactId: first.contactId,
        csat: '1',
      });
      expect(unsigned.status).toBe(400);
      expect(unsigned.body.reason).toContain('body.token');
      const forged = await post(handler, '/chat/survey', {
        contactId: first.contactId,
        token: second.surveyToken,
        csat: '1',
      });
      expect(forged.status).toBe(403);
      expect(forged.body).toMatchObject({ error: 'FORBIDDEN', reason: 'BAD_SIGNATURE' });

      const signed = { contactId: first.contactId, token: first.surveyToken };
      expect((await post(handler, '/chat/survey', { ...signed, csat: '5' })).status).toBe(200);
      const replayed = await post(handler, '/chat/survey', { ...signed, csat: '1', nps: '0' });
      expect(replayed.status).toBe(409);
      expect(replayed.body).toMatchObject({ error: 'CONFLICT', reason: 'ALREADY_ANSWERED' });
      expect(await callLogItem(first.contactId)).toMatchObject({ csat: 5 });
      expect(await callLogItem(first.contactId)).not.toHaveProperty('nps');
    },
    JOURNEY_TIMEOUT,
  );

  it('answers 503 when Connect is at its chat quota, so the page asks to try again', async () => {
    const handler = chatApi({
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
