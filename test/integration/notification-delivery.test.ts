import { createHash, randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Context, SQSEvent } from 'aws-lambda';
import type { SentMessage } from '#lambdas/notification-delivery/gateways.ts';
import { localHandler } from '#local/handlers.ts';
import { IDEMPOTENCY_PARTITION } from '#shared/data/idempotency.ts';
import type { Notification } from '#shared/notifications/notifier.ts';
import { documentClient, tableNames } from '../support/data.ts';

const context = { getRemainingTimeInMillis: () => 30_000 } as Context;
const event = (...notifications: Notification[]): SQSEvent => ({
  Records: notifications.map(
    (notification, i) =>
      ({ messageId: `m${i}`, body: JSON.stringify(notification) }) as SQSEvent['Records'][number],
  ),
});

const deliveryWith = (failSms = 0, beforeSms: () => Promise<void> = async () => {}) => {
  const sent: Omit<SentMessage, 'notificationId'>[] = [];
  let failures = failSms;
  const handler = localHandler('notification-delivery', {
    sms: {
      send: async (message) => {
        if (failures-- > 0) throw new Error('Gateway unavailable');
        await beforeSms();
        sent.push({ channel: 'sms', ...message });
      },
    },
    email: { send: async (message) => void sent.push({ channel: 'email', ...message }) },
  });
  return { sent, deliver: (e: SQSEvent) => handler(e, context) };
};

/** The call-back's SMS that a complaint is resolved, under an id of its own. */
const resolvedSms = (): Notification => ({
  id: `callback-sms#${randomUUID()}`,
  channel: 'sms',
  to: '+254712000111',
  lang: 'en',
  prompt: 'complaints.sms.resolved',
  vars: { reference: '70000009', resolution: 'Collect it at GPO.' },
});

const escalationEmail = (lang: 'en' | 'sw'): Notification => ({
  id: `escalation#${randomUUID()}#notify#agency-focal#email`,
  channel: 'email',
  to: 'complaints.focal@immigration.example',
  lang,
  prompt: 'escalation.new',
  subjectPrompt: 'escalation.new.subject',
  vars: {
    reference: '70000009',
    category: 'complaints.category.delay',
    date: '2026-12-04',
    hours: 0,
  },
});

describe('notification delivery', () => {
  it('renders the catalogue prompt in the recipient language, subject included', async () => {
    const { sent, deliver } = deliveryWith();

    await deliver(event(escalationEmail('en'), escalationEmail('sw')));

    expect(sent).toEqual([
      {
        channel: 'email',
        to: 'complaints.focal@immigration.example',
        subject: 'New complaint 70000009',
        text: 'Huduma Contact Centre: new complaint 70000009 for your agency, about a delay in service. Please resolve it by Friday 4 December.',
      },
      expect.objectContaining({
        subject: 'Lalamiko jipya 70000009',
        text: expect.stringContaining('kuhusu ucheleweshaji wa huduma'),
      }),
    ]);
  });

  it('sends a notification once, however often it is delivered', async () => {
    const { sent, deliver } = deliveryWith();
    const notification = escalationEmail('en');

    await deliver(event(notification));
    const again = await deliver(event(notification, notification));

    expect(sent).toHaveLength(1);
    expect(again).toEqual({ batchItemFailures: [] });
  });

  it('reports a failed send as a partial batch failure and sends it on the retry', async () => {
    const { sent, deliver } = deliveryWith(1);
    const sms = resolvedSms();
    const other = escalationEmail('en');

    const first = await deliver(event(sms, other));
    const retry = await deliver(event(sms));

    expect(first).toEqual({ batchItemFailures: [{ itemIdentifier: 'm0' }] });
    expect(retry).toEqual({ batchItemFailures: [] });
    expect(sent.map((message) => message.channel)).toEqual(['email', 'sms']);
    expect(sent[1]).toMatchObject({
      text: 'Huduma Kenya: your complaint 70000009 has been resolved. Collect it at GPO. We tried to call you. If you are not satisfied, call 1919.',
    });
  });

  it('sends a duplicate notice once: a new message with the same id, whatever its content', async () => {
    const { sent, deliver } = deliveryWith();
    const notification = escalationEmail('en');

    await deliver(event(notification));
    const duplicate = await deliver(event({ ...notification, lang: 'sw' }));

    expect(duplicate).toEqual({ batchItemFailures: [] });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ subject: 'New complaint 70000009' });
  });

  it('keeps the record of a send in the service-data table, expiring after 14 days', async () => {
    const { deliver } = deliveryWith();
    const notification = escalationEmail('en');
    const before = Math.floor(Date.now() / 1000);

    await deliver(event(notification));

    const hash = createHash('md5').update(JSON.stringify(notification.id)).digest('base64');
    const { Item } = await documentClient.send(
      new GetCommand({
        TableName: tableNames.serviceData,
        Key: { pk: IDEMPOTENCY_PARTITION, sk: `notification-delivery#${hash}` },
      }),
    );
    expect(Item).toMatchObject({ status: 'COMPLETED', data: 'SENT' });
    expect(Item?.expiresAt).toBeGreaterThanOrEqual(before + 14 * 86_400);
    expect(Item?.expiresAt).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 14 * 86_400);
  });

  it('reports a notice still being sent by another consumer as a failure, and sends it once', async () => {
    let open = () => {};
    let reached = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const sending = new Promise<void>((resolve) => {
      reached = resolve;
    });
    const { sent, deliver } = deliveryWith(0, () => {
      reached();
      return gate;
    });
    const sms = resolvedSms();

    const first = deliver(event(sms));
    // The first consumer holds the notice (its send is waiting) when the redelivery comes.
    await sending;
    const concurrent = await deliver(event(sms));
    open();

    expect(concurrent).toEqual({ batchItemFailures: [{ itemIdentifier: 'm0' }] });
    expect(await first).toEqual({ batchItemFailures: [] });
    expect(sent).toHaveLength(1);
  });
});
