import { randomUUID } from 'node:crypto';
import type { Context, SQSEvent } from 'aws-lambda';
import { whatsAppNotices } from '#lambdas/conversation/channels/whatsapp-notices.ts';
import { outboxWhatsAppSender } from '#lambdas/conversation/channels/whatsapp-outbound.ts';
import {
  templateBody,
  WHATSAPP_TEMPLATES,
} from '#lambdas/conversation/channels/whatsapp-templates.ts';
import { localHandler } from '#local/handlers.ts';
import { createConversationRepository } from '#shared/data/conversations.repository.ts';
import type { Notification } from '#shared/notifications/notifier.ts';
import { documentClient, identityHasher, tableNames, uniqueCaller } from '../support/data.ts';

const context = { getRemainingTimeInMillis: () => 30_000 } as Context;
const event = (notification: Notification): SQSEvent => ({
  Records: [{ messageId: 'm1', body: JSON.stringify(notification) } as SQSEvent['Records'][number]],
});
const conversations = createConversationRepository(documentClient, tableNames.serviceData);
const now = new Date('2026-12-02T12:00:00Z');

const delivery = () => {
  const whatsapp = outboxWhatsAppSender();
  const sms: { to: string; text: string }[] = [];
  const handler = localHandler('notification-delivery', {
    sms: { send: async (message) => void sms.push(message) },
    email: { send: async () => undefined },
    whatsapp: whatsAppNotices({
      sender: whatsapp,
      conversations,
      identityHasher,
      clock: () => now,
    }),
  });
  return { whatsapp: whatsapp.sent, sms, deliver: (n: Notification) => handler(event(n), context) };
};

/** The customer last wrote on WhatsApp this many hours before `now`. */
const wroteHoursAgo = async (customer: string, hours: number) =>
  conversations.updateCustomer(await identityHasher.hash('phone', customer), {
    whatsappLastInboundAt: new Date(now.getTime() - hours * 3_600_000).toISOString(),
  });

/** A WhatsApp notice about the same appointment, of one kind (the id's prefix) and its SMS prompt. */
const appointmentNotice = (
  kind: string,
  prompt: string,
  to: string,
  lang: 'en' | 'sw',
): Notification => ({
  id: `${kind}#${randomUUID()}`,
  channel: 'whatsapp',
  to,
  lang,
  prompt,
  vars: {
    service: 'passport',
    centre: 'nac-001',
    date: '2026-12-04',
    time: '09:30',
    reference: '70000009',
  },
});
const booked = (to: string, lang: 'en' | 'sw') =>
  appointmentNotice('booking-confirmation', 'appointments.sms.booked', to, lang);

describe('WhatsApp notices', () => {
  it('are free-form text inside the 24-hour window', async () => {
    // Arrange
    const customer = uniqueCaller();
    await wroteHoursAgo(customer, 2);
    const { whatsapp, sms, deliver } = delivery();

    // Act
    await deliver(booked(customer, 'en'));

    // Assess
    expect(whatsapp).toEqual([
      expect.objectContaining({
        type: 'text',
        to: customer.slice(1),
        text: { body: expect.stringContaining('Reference 70000009') },
      }),
    ]);
    expect(sms).toEqual([]);
  });

  it('are the approved template in the customer’s language outside the window', async () => {
    // Arrange
    const customer = uniqueCaller();
    await wroteHoursAgo(customer, 30);
    const { whatsapp, deliver } = delivery();

    // Act
    await deliver(booked(customer, 'sw'));

    // Assess
    expect(whatsapp).toEqual([
      expect.objectContaining({
        type: 'template',
        template: {
          name: 'huduma_booking_confirmed',
          language: { code: 'sw' },
          components: [
            {
              type: 'body',
              parameters: expect.arrayContaining([{ type: 'text', text: '70000009' }]),
            },
          ],
        },
      }),
    ]);
  });

  it('go by SMS outside the window when no template is approved for them', async () => {
    // Arrange
    const customer = uniqueCaller();
    const { whatsapp, sms, deliver } = delivery();

    // Act
    await deliver(appointmentNotice('reminder', 'appointments.sms.reminder', customer, 'en'));

    // Assess
    expect(whatsapp).toEqual([]);
    expect(sms).toEqual([{ to: customer, text: expect.stringContaining('Reminder') }]);
  });

  it('have every template in both languages, each the SMS prompt with its slots numbered', () => {
    expect(WHATSAPP_TEMPLATES.map((template) => template.name)).toEqual(
      expect.arrayContaining(['huduma_booking_confirmed', 'huduma_complaint_resolved']),
    );
    for (const template of WHATSAPP_TEMPLATES) {
      expect(template.body).toEqual({
        en: templateBody(template.prompt, 'en'),
        sw: templateBody(template.prompt, 'sw'),
      });
      expect(template.body.en.match(/\{\{\d+\}\}/g) ?? []).toHaveLength(
        (template.body.sw.match(/\{\{\d+\}\}/g) ?? []).length,
      );
    }
  });
});
