import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { LanguageSchema } from '#shared/speech/language.ts';
import * as z from '#shared/zod.ts';

/**
 * A message to a person outside the contact centre: an SMS to a caller, an email or SMS to an
 * agency focal person. The text is rendered from a catalogue prompt in the recipient's
 * language when it is sent, so messages stay translatable and free of ad-hoc text.
 */
export const NotificationSchema = z.object({
  /** Stable id: delivery is idempotent on it (e.g. `booking-confirmation#<reference>`). */
  id: z.string().check(z.minLength(1)),
  /** `whatsapp`: a template outside Meta's 24-hour window; the SMS when the prompt has none. */
  channel: z.enum(['sms', 'email', 'whatsapp']),
  /** E.164 number for SMS and WhatsApp, address for email. */
  to: z.string().check(z.minLength(1)),
  lang: LanguageSchema,
  prompt: z.string().check(z.minLength(1)),
  vars: z._default(z.record(z.string(), z.union([z.string(), z.number()])), {}),
  /** Email only: the subject's prompt (same vars); a generic subject when omitted. */
  subjectPrompt: z.optional(z.string().check(z.minLength(1))),
});
export type Notification = z.infer<typeof NotificationSchema>;

/** Where use cases hand notifications for delivery. */
export interface Notifier {
  notify(notification: Notification): Promise<void>;
}

/** Deployed: notifications go to an SQS queue whose consumer delivers them (with retries and a DLQ). */
export const sqsNotifier = (client: SQSClient, queueUrl: string): Notifier => ({
  async notify(notification) {
    await client.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: JSON.stringify(NotificationSchema.parse(notification)),
      }),
    );
  },
});

/** Local runtime and tests: notifications land in an in-process outbox that can be read back. */
export const outboxNotifier = (): Notifier & { readonly outbox: Notification[] } => {
  const outbox: Notification[] = [];
  return {
    outbox,
    async notify(notification) {
      outbox.push(NotificationSchema.parse(notification));
    },
  };
};
