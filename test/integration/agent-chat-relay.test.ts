import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { SNSEvent } from 'aws-lambda';
import { context, localAgentDesk, localMessaging } from '#local/messaging.ts';
import { defaultLocalPlatform } from '#local/platform.ts';
import { SimulatedClock } from '#local/sim-clock.ts';
import { uniqueCaller } from '../support/data.ts';

/** Within the contact centre's hours (Tuesday 10:00 in Nairobi): the chat flow queues the chat. */
const WITHIN_HOURS = new Date('2026-12-01T10:00:00+03:00');
const messaging = localMessaging(defaultLocalPlatform(), () => WITHIN_HOURS);
const { service } = messaging.desk;

const LANGUAGES = {
  en: {
    opening: ['Hi', '1', 'agent'],
    waiting: 'An agent will join this conversation',
    ended: 'The chat with our agent has ended',
    unanswered: 'Sorry, no agent could take your chat this time',
    menu: 'Reply with a number',
    leave: 'end',
  },
  sw: {
    opening: ['Habari', '2', 'wakala'],
    waiting: 'Wakala atajiunga na mazungumzo haya',
    ended: 'Mazungumzo na wakala wetu yamekwisha',
    unanswered: 'Samahani, hakuna wakala aliyeweza kupokea mazungumzo yako',
    menu: 'Jibu kwa nambari',
    leave: 'maliza',
  },
} as const;

type Messaging = ReturnType<typeof localMessaging>;

/** One customer message; what the customer received because of it (after the relay too). */
const say = async (
  channel: 'whatsapp' | 'sms',
  customer: string,
  text: string,
  { id = randomUUID(), via = messaging }: { id?: string; via?: Messaging } = {},
) => {
  const before = via.received.length;
  await via.send({ channel, customer, text, id });
  await via.relayed();
  return via.received.slice(before).map((message) => message.text);
};

/** The chat a conversation's hand-over started in the desk. */
const chatOf = (conversationId: string | undefined, via: Messaging = messaging) =>
  [...via.desk.service.chats.values()].find(
    (candidate) => candidate.attributes.conversationId === conversationId,
  );

/** The customer hands over; the agent accepts the chat the flow queued in the local desktop. */
const handedOver = async (channel: 'whatsapp' | 'sms', lang: 'en' | 'sw') => {
  const customer = uniqueCaller();
  const replies: string[] = [];
  for (const text of LANGUAGES[lang].opening) replies.push(...(await say(channel, customer, text)));
  const chat = chatOf(messaging.agentChats.started.at(-1)?.conversationId);
  if (!chat) throw new Error('No chat was started for the hand-over');
  service.accept(chat.contactId, 'agent.wanjiku');
  await messaging.relayed();
  return { customer, chat, replies };
};

const agentSays = async (contactId: string, text: string) => {
  const before = messaging.received.length;
  service.agentMessage(contactId, text);
  await messaging.relayed();
  return messaging.received.slice(before);
};

const customerLines = (contactId: string, via: Messaging = messaging) =>
  (via.desk.service.chats.get(contactId)?.transcript ?? [])
    .filter((item) => item.Type === 'MESSAGE' && item.ParticipantRole === 'CUSTOMER')
    .map((item) => item.Content);

describe.each(['whatsapp', 'sms'] as const)('an agent chat handed over on %s', (channel) => {
  describe.each(['en', 'sw'] as const)('in %s', (lang) => {
    it("relays the agent's reply to the customer and the customer's next message to the agent", async () => {
      // Arrange
      const { customer, chat, replies } = await handedOver(channel, lang);

      // Act
      const toCustomer = await agentSays(chat.contactId, 'Habari, naitwa Wanjiku. How can I help?');
      const answer = await say(channel, customer, 'My passport is late');

      // Assess
      expect(replies.join()).toContain(LANGUAGES[lang].waiting);
      expect(chat.attributes).toMatchObject({
        lang,
        channel: channel === 'sms' ? 'SMS' : 'WHATSAPP',
      });
      expect(toCustomer).toEqual([
        { channel, to: customer, text: 'Habari, naitwa Wanjiku. How can I help?' },
      ]);
      expect(answer).toEqual([]);
      expect(customerLines(chat.contactId)).toContain('My passport is late');
    });

    it('returns the customer to the menu when the agent ends the chat, and self-service answers again', async () => {
      // Arrange
      const { customer, chat } = await handedOver(channel, lang);

      // Act
      const before = messaging.received.length;
      service.end(chat.contactId, 'AGENT_DISCONNECT', 'AGENT');
      await messaging.relayed();
      const told = messaging.received.slice(before).map((message) => message.text);
      const next = await say(channel, customer, '2');

      // Assess
      // participant.left and chat.ended both arrive: the customer is told once.
      expect(told.join('\n').split(LANGUAGES[lang].ended)).toHaveLength(2);
      expect(told.join()).toContain(LANGUAGES[lang].menu);
      expect(next.join()).toMatch(/8-digit application number|nambari yako ya maombi/);
      expect(customerLines(chat.contactId)).not.toContain('2');
    });

    it('tells the conversation ended, not that nobody took it, once an agent joined and said nothing', async () => {
      const { chat } = await handedOver(channel, lang);

      const before = messaging.received.length;
      service.end(chat.contactId, 'EXPIRED');
      await messaging.relayed();
      const told = messaging.received.slice(before).map((message) => message.text);

      expect(told.join()).toContain(LANGUAGES[lang].ended);
      expect(told.join()).not.toContain(LANGUAGES[lang].unanswered);
    });

    it('lets the customer leave the chat for the menu', async () => {
      // Arrange
      const { customer, chat } = await handedOver(channel, lang);

      // Act
      const told = await say(channel, customer, LANGUAGES[lang].leave);

      // Assess
      expect(service.chats.get(chat.contactId)?.state).toBe('ENDED');
      expect(told.join('\n').split(LANGUAGES[lang].ended)).toHaveLength(2);
      expect(told.join()).toContain(LANGUAGES[lang].menu);
    });
  });

  it('relays a redelivered message once, either way', async () => {
    // Arrange
    const { customer, chat } = await handedOver(channel, 'en');
    const id = randomUUID();

    // Act
    await say(channel, customer, 'Are you there?', { id });
    const again = await say(channel, customer, 'Are you there?', { id });
    await agentSays(chat.contactId, 'Yes, I am here.');
    const item = service.chats.get(chat.contactId)?.transcript.at(-1);
    const before = messaging.received.length;
    if (item) await messaging.redeliver(item);

    // Assess
    expect(again).toEqual([]);
    expect(customerLines(chat.contactId).filter((text) => text === 'Are you there?')).toHaveLength(
      1,
    );
    expect(item?.Content).toBe('Yes, I am here.');
    expect(messaging.received.length).toBe(before);
  });
});

describe('the agent-chat relay handler', () => {
  const fixture = JSON.parse(
    readFileSync(
      new URL('../events/messaging/connect-chat-streaming-sns-event.json', import.meta.url),
      'utf8',
    ),
  ) as SNSEvent;

  it("drops Connect's streamed message for a chat that is no conversation's, sending nothing", async () => {
    // Act
    const before = messaging.received.length;
    const item = JSON.parse(fixture.Records[0]?.Sns.Message ?? '{}');
    await messaging.relayHandler(fixture, context('agent-chat-relay'));

    // Assess
    expect(item).toMatchObject({ Type: 'MESSAGE', ParticipantRole: 'AGENT' });
    expect(messaging.received.length).toBe(before);
  });

  it('ignores an SNS message that is not a chat item, without failing', async () => {
    // Arrange
    const record = fixture.Records[0]!;
    const event = { Records: [{ ...record, Sns: { ...record.Sns, Message: 'not json' } }] };

    // Act
    const before = messaging.received.length;
    await messaging.relayHandler(event, context('agent-chat-relay'));

    // Assess
    expect(messaging.received.length).toBe(before);
  });
});

describe('a customer waiting in the queue longer than a conversation idles', () => {
  const clock = new SimulatedClock(WITHIN_HOURS);
  const waiting = localMessaging(defaultLocalPlatform(), clock.now);

  it.each([
    ['whatsapp', 'en'],
    ['sms', 'sw'],
  ] as const)(
    'tells the %s customer in %s no agent could take the chat when it lapses unanswered',
    async (channel, lang) => {
      // Arrange: handed over and queued; nobody takes it within Connect's 25 hours.
      const customer = uniqueCaller();
      for (const text of LANGUAGES[lang].opening)
        await say(channel, customer, text, { via: waiting });
      const chat = chatOf(waiting.agentChats.started.at(-1)?.conversationId, waiting);
      clock.set(clock.nowMs() + 25 * 3_600_000);

      // Act
      const before = waiting.received.length;
      const lapsed = waiting.desk.service.endLapsed();
      await waiting.relayed();
      const told = waiting.received.slice(before);
      const next = await say(channel, customer, '2', { via: waiting });

      // Assess
      expect(lapsed.map((ended) => ended.contactId)).toContain(chat?.contactId);
      expect(chat).toMatchObject({ state: 'ENDED', disconnectReason: 'EXPIRED' });
      const text = told.map((message) => message.text).join();
      expect(text).toContain(LANGUAGES[lang].unanswered);
      expect(text).not.toContain(LANGUAGES[lang].ended);
      if (channel === 'whatsapp')
        // 25 hours after the customer last wrote, Meta's window is closed: the approved template.
        expect(told).toEqual([
          expect.objectContaining({ template: 'huduma_agent_chat_unanswered' }),
        ]);
      else expect(text).toContain(LANGUAGES[lang].menu);
      // Back in self-service either way.
      expect(next.join()).toMatch(/8-digit application number|nambari yako ya maombi/);
    },
  );

  it("sends no free text on WhatsApp once Meta's window has closed, and the chat's end still returns the customer to the menu", async () => {
    // Arrange: an agent takes the chat; the customer says nothing for 24.5 hours.
    const customer = uniqueCaller();
    for (const text of LANGUAGES.en.opening)
      await say('whatsapp', customer, text, { via: waiting });
    const chat = chatOf(waiting.agentChats.started.at(-1)?.conversationId, waiting);
    waiting.desk.service.accept(chat?.contactId ?? '', 'agent.wanjiku');
    await waiting.relayed();
    clock.set(clock.nowMs() + 24.5 * 3_600_000);

    // Act
    const before = waiting.received.length;
    waiting.desk.service.agentMessage(chat?.contactId ?? '', 'Are you still there?');
    waiting.desk.service.end(chat?.contactId ?? '', 'AGENT_DISCONNECT', 'AGENT');
    await waiting.relayed();
    const sent = waiting.received.slice(before);
    const next = await say('whatsapp', customer, '2', { via: waiting });

    // Assess
    expect(sent).toEqual([]);
    expect(next.join()).toMatch(/8-digit application number/);
  });

  it.each(['whatsapp', 'sms'] as const)(
    'keeps the %s conversation with its agent chat: what they write reaches the agent, and the reply reaches them',
    async (channel) => {
      // Arrange: handed over and queued, then 45 minutes with nobody writing (idle is 30).
      const customer = uniqueCaller();
      for (const text of LANGUAGES.en.opening) await say(channel, customer, text, { via: waiting });
      const chat = chatOf(waiting.agentChats.started.at(-1)?.conversationId, waiting);
      clock.set(clock.nowMs() + 45 * 60_000);

      // Act
      const before = waiting.received.length;
      const answered = await say(channel, customer, 'Are you there?', { via: waiting });
      waiting.desk.service.accept(chat?.contactId ?? '', 'agent.wanjiku');
      waiting.desk.service.agentMessage(chat?.contactId ?? '', 'Yes, sorry for the wait.');
      await waiting.relayed();

      // Assess
      expect(answered).toEqual([]);
      expect(customerLines(chat?.contactId ?? '', waiting)).toContain('Are you there?');
      expect(waiting.received.slice(before).map((message) => message.text)).toEqual([
        'Yes, sorry for the wait.',
      ]);
    },
  );
});

describe('a request left for the agents after hours', () => {
  /** The channels from Wednesday 03:00 in Nairobi (agents start at 07:00), on a clock a test moves. */
  const atNight = () => {
    const clock = new SimulatedClock(new Date('2026-12-02T03:00:00+03:00'));
    const night = localMessaging(defaultLocalPlatform(), clock.now);
    const texts = async (channel: 'whatsapp' | 'sms', customer: string, text: string) =>
      (await say(channel, customer, text, { via: night })).join('\n');
    return { clock, night, texts };
  };

  it.each([
    [
      'whatsapp',
      'en',
      'reply 0 again',
      'the first one in after we open on Wednesday 2 December at 07:00',
    ],
    [
      'sms',
      'sw',
      'jibu 0 tena',
      'baada ya kufungua Jumatano tarehe mbili Desemba saa moja asubuhi',
    ],
  ] as const)(
    'waits in the queue on %s (%s) for the first agent in, who answers there in the morning',
    async (channel, lang, offer, promise) => {
      // Arrange
      const { clock, night, texts } = atNight();
      const customer = uniqueCaller();
      const [greeting, language, agent] = LANGUAGES[lang].opening;
      for (const text of [greeting, language]) await texts(channel, customer, text);
      const started = night.agentChats.started.length;

      // Act
      const offered = await texts(channel, customer, agent);
      const left = await texts(channel, customer, '0');
      const question = await texts(channel, customer, 'My ID card is late');
      clock.set(Date.parse('2026-12-02T07:05:00+03:00'));
      const chat = chatOf(night.agentChats.started[started]?.conversationId, night);
      night.desk.service.accept(chat?.contactId ?? '', 'agent.wanjiku');
      night.desk.service.agentMessage(chat?.contactId ?? '', 'Good morning, I can help with that.');
      await night.relayed();

      // Assess
      expect(offered.toLowerCase()).toContain(offer);
      expect(offered).toContain(LANGUAGES[lang].menu);
      expect(left).toContain(promise);
      expect(night.agentChats.started[started]?.handover.attributes).toMatchObject({
        handoverReason: 'AFTER_HOURS',
        journey: 'agent',
        lang,
      });
      expect(question).toBe('');
      expect(customerLines(chat?.contactId ?? '', night)).toContain('My ID card is late');
      expect(night.received.at(-1)).toEqual({
        channel,
        to: customer,
        text: 'Good morning, I can help with that.',
      });
    },
  );

  it('stands for the next message only: anything else is the menu, and a later 0 offers again', async () => {
    // Arrange
    const { night, texts } = atNight();
    const customer = uniqueCaller();
    for (const text of ['Hi', '1', '0']) await texts('whatsapp', customer, text);
    const started = night.agentChats.started.length;

    // Act
    const tracking = await texts('whatsapp', customer, '2');
    await texts('whatsapp', customer, 'menu');
    const again = await texts('whatsapp', customer, '0');

    // Assess
    expect(tracking).toContain('8-digit application number');
    expect(again).toContain('reply 0 again');
    expect(night.agentChats.started.length).toBe(started);
  });
});

describe('a hand-over the chat flow does not queue', () => {
  /** Every agent queue is full: the chat flow tells the customer and ends the chat. */
  const queueFull = localMessaging(
    defaultLocalPlatform(),
    () => WITHIN_HOURS,
    localAgentDesk(defaultLocalPlatform(), () => WITHIN_HOURS, { atCapacity: true }),
  );

  it.each([
    ['whatsapp', 'en', 'no agent can take your chat right now'],
    ['sms', 'sw', 'hakuna wakala anayeweza kupokea mazungumzo yako'],
  ] as const)(
    'tells the %s customer in %s, shows the menu and waits for nobody',
    async (channel, lang, unavailable) => {
      // Arrange
      const customer = uniqueCaller();
      const [greeting, language, agent] = LANGUAGES[lang].opening;

      // Act
      for (const text of [greeting, language])
        await say(channel, customer, text, { via: queueFull });
      const id = randomUUID();
      const told = (await say(channel, customer, agent, { id, via: queueFull })).join('\n');
      const again = (await say(channel, customer, agent, { id, via: queueFull })).join('\n');
      const next = (await say(channel, customer, '2', { via: queueFull })).join('\n');

      // Assess
      expect(told.toLowerCase()).toContain(unavailable);
      expect(told).toContain(LANGUAGES[lang].menu);
      expect(told).not.toContain(LANGUAGES[lang].waiting);
      expect(again).toBe('');
      expect(next).toMatch(/application number|nambari yako ya maombi/i);
    },
  );
});
