import { CHAT_LIMITS } from '#lambdas/web-chat/chat-contacts.ts';
import { chatStartFor, transcriptText } from '#lambdas/web-chat/handover.ts';

const line = (from: 'customer' | 'service', text: string) => ({ from, text });

describe('the web chat hand-over request', () => {
  it('gives the flow its messages in the language, the screen pop and the transcript, and opens with the last customer message', () => {
    const start = chatStartFor({
      handover: {
        attributes: { journey: 'tracking:FOUND', 'bad key!': 'dropped', empty: '' },
        transcript: [line('customer', 'hi'), line('service', 'Menu'), line('customer', '0')],
      },
      language: 'sw',
      chatId: 'chat',
      messageId: 'message',
    });
    expect(start.attributes).toMatchObject({
      journey: 'tracking:FOUND',
      lang: 'sw',
      channel: 'web',
      transcript: 'Customer: hi\nHuduma: Menu\nCustomer: 0',
    });
    expect(start.attributes.waitingMessage).toMatch(/^Sasa uko kwenye foleni/);
    expect(start.attributes).not.toHaveProperty('bad key!');
    expect(start.attributes).not.toHaveProperty('empty');
    expect(start.initialMessage).toBe('0');
    expect(start.clientToken).toBe('chat:message');
    expect(start.displayName).toBe('Mteja');
  });

  it("keeps the newest lines within Connect's 32 KB of attributes and a 1,024-character first message", () => {
    const long = 'ü'.repeat(3000);
    const transcript = Array.from({ length: 40 }, (_, i) => line('customer', `${i} ${long}`));
    const start = chatStartFor({
      handover: { attributes: {}, transcript },
      language: 'en',
      chatId: 'c',
      messageId: 'm',
    });
    const bytes = Object.entries(start.attributes).reduce(
      (sum, [k, v]) => sum + Buffer.byteLength(k) + Buffer.byteLength(v),
      0,
    );
    expect(bytes).toBeLessThanOrEqual(CHAT_LIMITS.attributeBytes);
    expect(start.attributes.transcript?.startsWith('…')).toBe(true);
    expect(start.attributes.transcript).toContain('Customer: 39 ');
    expect(start.initialMessage.length).toBeLessThanOrEqual(CHAT_LIMITS.initialMessageChars);
  });

  it('writes each line on one line, however the customer wrapped it', () => {
    expect(transcriptText([line('customer', 'two\n\nlines ')])).toBe('Customer: two lines');
  });
});
