import { randomUUID } from 'node:crypto';
import { localContacts } from '#local/contacts.ts';
import { createSmsAllowanceRepository } from '#shared/data/proof-codes.repository.ts';
import { documentClient, identityHasher, tableNames, uniqueCaller } from '../support/data.ts';
import { api, type Escalation, startEscalation, stopEscalations } from '../support/escalation.ts';

const AT = '2026-12-01T10:00:00+03:00';

/** A contact on an agent's line, as Connect would describe it. */
const onTheLine = (number?: string, attributes: Record<string, string> = {}) => {
  const contactId = randomUUID();
  localContacts.register(contactId, { ...(number && { number }), attributes });
  return contactId;
};

/**
 * "Send to the caller by SMS" on the staff API: the desktop names the contact, the API finds
 * the number on its line, sends the summary in the chosen language and notes it on the contact.
 */
describe('POST /knowledge/articles/{id}/sms', () => {
  let escalation: Escalation;
  beforeAll(async () => {
    escalation = await startEscalation(AT);
  });
  afterAll(stopEscalations);

  const send = (token: string, article: string, body: unknown) =>
    api(escalation, token as never, 'POST', `/knowledge/articles/${article}/sms`, { body });
  const sentTo = (number: string) => escalation.outbox.filter((message) => message.to === number);

  it('sends the summary in Kiswahili to the number on the line once, and notes it on the contact', async () => {
    const number = uniqueCaller();
    const contactId = onTheLine(number, { lang: 'sw' });

    const first = await send('agent-demo', 'passport', { contactId, lang: 'sw' });
    const again = await send('agent-demo', 'passport', { contactId, lang: 'sw' });

    expect(first).toEqual({
      status: 200,
      body: { outcome: 'SENT', articleId: 'passport', lang: 'sw' },
    });
    expect(again.body.outcome).toBe('ALREADY_SENT');
    const messages = sentTo(number);
    expect(messages.map((message) => [message.prompt, message.lang])).toEqual([
      ['knowledge.sms.summary', 'sw'],
    ]);
    expect(String(messages[0]?.vars.summary).length).toBeLessThanOrEqual(300);
    expect(localContacts.contacts.get(contactId)?.attributes).toMatchObject({
      knowledgeSms: 'passport',
      knowledgeSmsBy: 'agent.wanjiku',
    });
  });

  it('refuses a withheld number, a number out of SMS, an unknown contact or article', async () => {
    const flooded = uniqueCaller();
    const allowance = createSmsAllowanceRepository(
      documentClient,
      tableNames.serviceData,
      identityHasher,
    );
    for (let i = 0; i < 10; i++) await allowance.take(flooded, new Date(AT));

    const withheld = await send('agent-demo', 'passport', { contactId: onTheLine(), lang: 'en' });
    const limited = await send('supervisor-demo', 'passport', {
      contactId: onTheLine(flooded),
      lang: 'en',
    });
    const unknownContact = await send('agent-demo', 'passport', {
      contactId: randomUUID(),
      lang: 'en',
    });
    const unknownArticle = await send('agent-demo', 'no-such-article', {
      contactId: onTheLine(uniqueCaller()),
      lang: 'en',
    });

    expect([withheld, limited].map(({ status, body }) => [status, body.reason])).toEqual([
      [409, 'NO_NUMBER'],
      [409, 'SMS_LIMITED'],
    ]);
    expect(unknownContact.status).toBe(404);
    expect(unknownArticle.status).toBe(404);
    expect(sentTo(flooded)).toEqual([]);
  });

  it('is for agents and supervisors: a focal person gets 403, a bad body 400', async () => {
    const number = uniqueCaller();
    const contactId = onTheLine(number);

    const focal = await send('agency-immigration', 'passport', { contactId, lang: 'en' });
    const noLanguage = await send('agent-demo', 'passport', { contactId });

    expect(focal.status).toBe(403);
    expect(noLanguage.status).toBe(400);
    expect(sentTo(number)).toEqual([]);
  });
});
