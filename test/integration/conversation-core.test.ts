import { randomUUID } from 'node:crypto';
import {
  conversationServiceDependencies,
  createConversationService,
} from '#lambdas/conversation/dependencies.ts';
import { defaultLocalPlatform } from '#local/platform.ts';
import { uniqueCaller } from '../support/data.ts';

const platform = defaultLocalPlatform();
const service = createConversationService(
  conversationServiceDependencies(platform.env, platform.aws),
);

/** Sends the messages in order from one customer; returns every result. */
const converse = async (
  channel: 'web' | 'whatsapp' | 'sms',
  customer: string,
  messages: readonly string[],
) => {
  const results = [];
  for (const text of messages)
    results.push(await service({ channel, customer, messageId: randomUUID(), text }));
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
