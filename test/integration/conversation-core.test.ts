import { randomUUID } from 'node:crypto';
import {
  conversationServiceDependencies,
  createConversationService,
} from '#lambdas/conversation/dependencies.ts';
import { defaultLocalPlatform } from '#local/platform.ts';
import type { OpeningHours } from '#shared/hours.ts';
import { callLogItem, uniqueCaller } from '../support/data.ts';

const platform = defaultLocalPlatform();
const dependencies = conversationServiceDependencies(platform.env, platform.aws);
/**
 * The service on a clock that starts at `at` and ticks a second a reading (a call log keeps its
 * latest write, by time), with the local hours (07:00-19:00 in Nairobi, every day) or `hours`.
 */
const serviceAt = (at: string, hours: OpeningHours = dependencies.hours) => {
  let ticks = 0;
  const clock = () => new Date(Date.parse(at) + 1000 * ticks++);
  return createConversationService({ ...dependencies, hours, clock });
};
/** Tuesday 10:00 in Nairobi: the agents are in. */
const service = serviceAt('2026-12-01T10:00:00+03:00');

/** Sends the messages in order from one customer; returns every result. */
const converse = async (
  channel: 'web' | 'whatsapp' | 'sms',
  customer: string,
  messages: readonly string[],
  via = service,
) => {
  const results = [];
  for (const text of messages)
    results.push(await via({ channel, customer, messageId: randomUUID(), text }));
  return results;
};

describe('conversation service', () => {
  it('asks the language first, then shows the menu in the chosen language and remembers it', async () => {
    // Arrange
    const customer = uniqueCaller();

    // Act
    const [first, chosen] = await converse('whatsapp', customer, ['Habari', '2']);

    // Assess
    expect(first?.replies.map((reply) => reply.prompt)).toEqual(['conversation.welcome']);
    expect(first?.session.stage).toBe('LANGUAGE');
    expect(chosen?.replies.map((reply) => reply.prompt)).toEqual(['conversation.menu']);
    expect(chosen?.replies[0]?.text).toContain('Jibu kwa nambari');
    expect(chosen?.session).toMatchObject({ stage: 'MENU', lang: 'sw' });
  });

  it('hands over to an agent with the screen-pop attributes and the transcript, and comes back to the menu', async () => {
    // Arrange
    const customer = uniqueCaller();

    // Act
    const [, , agent, back] = await converse('sms', customer, ['Hi', '1', 'wakala', 'menyu']);

    // Assess
    expect(agent?.handover).toMatchObject({
      reason: 'REQUESTED',
      attributes: { channel: 'SMS', lang: 'en', journey: 'agent' },
    });
    expect(agent?.handover?.transcript.map((line) => line.text)).toContain('Hi');
    expect(JSON.stringify(agent?.handover)).not.toContain(customer);
    expect(back?.session.stage).toBe('MENU');
  });

  it('answers a command word sent before any language was chosen in its own language', async () => {
    // Act: a first message of "wakala" (within hours), "menyu", and "0" (no language in it).
    const [agent] = await converse('sms', uniqueCaller(), ['wakala']);
    const [menu] = await converse('whatsapp', uniqueCaller(), ['Menyu']);
    const [zero] = await converse('sms', uniqueCaller(), ['0']);
    const [closed] = await converse(
      'sms',
      uniqueCaller(),
      ['wakala'],
      serviceAt('2026-12-02T03:00:00+03:00'),
    );

    // Assess
    expect(agent?.handover?.attributes).toMatchObject({ lang: 'sw' });
    expect(agent?.replies[0]?.text).toContain('Wakala atajiunga');
    expect(menu?.session).toMatchObject({ stage: 'MENU', lang: 'sw' });
    expect(menu?.replies[0]?.text).toContain('Jibu kwa nambari');
    expect(zero?.handover?.attributes).toMatchObject({ lang: 'en' });
    expect(closed?.replies[0]?.text).toContain('Mawakala wetu hawapatikani');
  });

  it('handles a redelivered message once', async () => {
    // Arrange
    const customer = uniqueCaller();
    const message = { channel: 'whatsapp' as const, customer, messageId: randomUUID(), text: '1' };
    await service({ ...message, messageId: randomUUID(), text: 'hello' });

    // Act
    const [once, again] = await Promise.all([service(message), service(message)]);

    // Assess
    const results = [once, again];
    expect(results.filter((result) => result?.duplicate)).toHaveLength(1);
    expect(results.map((result) => result?.session.stage)).toEqual(['MENU', 'MENU']);
  });
});

describe('asking for an agent outside the opening hours', () => {
  it.each([
    ['en', ['Hi', '1', 'agent'], 'They will be back on Wednesday 2 December at 07:00.'],
    ['sw', ['Habari', '2', 'wakala'], 'Watapatikana tena Jumatano tarehe mbili Desemba saa moja'],
  ] as const)(
    'says in %s when the agents are back and shows the menu, with no hand-over',
    async (_lang, messages, back) => {
      // Arrange: Wednesday 03:00 in Nairobi, four hours before the agents start.
      const customer = uniqueCaller();

      // Act
      const [, , asked, next] = await converse(
        'whatsapp',
        customer,
        [...messages, '2'],
        serviceAt('2026-12-02T03:00:00+03:00'),
      );

      // Assess
      expect(asked?.handover).toBeUndefined();
      expect(asked?.replies.map((reply) => reply.prompt)).toEqual([
        'conversation.agents_closed',
        'conversation.menu',
      ]);
      expect(asked?.replies[0]?.text).toContain(back);
      expect(asked?.session.stage).toBe('MENU');
      // The call log counts the request (the forecast's after-hours demand), not a hand-over.
      const log = await callLogItem(asked?.session.conversationId ?? '');
      expect(log?.ivrPath).toEqual(['agent', 'tracking']);
      expect(log?.handover).toBeUndefined();
      // Self-service goes on: 2 starts tracking.
      expect(next?.replies[0]?.prompt).toMatch(/^tracking\./);
    },
  );

  it('names the next open day when today is a closed date, and hands over once open', async () => {
    // Arrange: Tuesday 1 December closed all day (a holiday), Wednesday open from 07:00.
    const customer = uniqueCaller();
    const holiday = { ...dependencies.hours, closedDates: ['2026-12-01'] };

    // Act
    const [, , closed] = await converse(
      'sms',
      customer,
      ['Hi', '1', '0'],
      serviceAt('2026-12-01T10:00:00+03:00', holiday),
    );
    const [open] = await converse(
      'sms',
      customer,
      ['0'],
      serviceAt('2026-12-02T07:00:00+03:00', holiday),
    );

    // Assess
    expect(closed?.handover).toBeUndefined();
    expect(closed?.replies[0]?.text).toContain('Wednesday 2 December at 07:00');
    expect(open?.handover?.reason).toBe('REQUESTED');
    expect(open?.session.stage).toBe('AGENT');
  });

  it('offers no hand-over when a dialogue gives up on self-service, and says why', async () => {
    // Arrange: three application numbers tracking cannot read send a customer to an agent.
    const customer = uniqueCaller();

    // Act
    const [, , , , , gaveUp] = await converse(
      'whatsapp',
      customer,
      ['Hi', '1', '2', 'abc', 'abc', 'abc'],
      serviceAt('2026-12-02T03:00:00+03:00'),
    );

    // Assess
    expect(gaveUp?.handover).toBeUndefined();
    expect(gaveUp?.replies.map((reply) => reply.prompt)).toEqual([
      'tracking.invalid_number',
      'tracking.too_many_attempts',
      'conversation.agents_closed',
      'conversation.menu',
    ]);
    expect(gaveUp?.session.stage).toBe('MENU');
    expect((await callLogItem(gaveUp?.session.conversationId ?? ''))?.ivrPath).toEqual([
      'tracking',
      'agent',
    ]);
  });
});
