import { randomUUID } from 'node:crypto';
import type { Context, SQSEvent } from 'aws-lambda';
import type { SentMessage } from '#lambdas/notification-delivery/gateways.ts';
import { localHandler } from '#local/handlers.ts';
import type { Notification } from '#shared/notifications/notifier.ts';

const context = { getRemainingTimeInMillis: () => 30_000 } as Context;
const event = (...notifications: Notification[]): SQSEvent => ({
  Records: notifications.map(
    (notification, i) =>
      ({ messageId: `m${i}`, body: JSON.stringify(notification) }) as SQSEvent['Records'][number],
  ),
});

const deliveryWith = (failSms = 0) => {
  const sent: Omit<SentMessage, 'notificationId'>[] = [];
  let failures = failSms;
  const handler = localHandler('notification-delivery', {
    sms: {
      send: async (message) => {
        if (failures-- > 0) throw new Error('Gateway unavailable');
        sent.push({ channel: 'sms', ...message });
      },
    },
    email: { send: async (message) => void sent.push({ channel: 'email', ...message }) },
  });
  return { sent, deliver: (e: SQSEvent) => handler(e, context) };
};

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
    const sms: Notification = {
      id: `callback-sms#${randomUUID()}`,
      channel: 'sms',
      to: '+254712000111',
      lang: 'en',
      prompt: 'complaints.sms.resolved',
      vars: { reference: '70000009', resolution: 'Collect it at GPO.' },
    };
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
});
