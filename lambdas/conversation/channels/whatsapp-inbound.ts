import { toE164 } from '#shared/phone.ts';
import * as z from '#shared/zod.ts';
import type { IncomingMessage } from '../contract.ts';

/**
 * AWS End User Messaging Social's event (the SNS message its event destination publishes): an AWS
 * header and `whatsAppWebhookEntry`, Meta's webhook entry as a JSON string
 * (https://docs.aws.amazon.com/social-messaging/latest/userguide/managing-event-destination-dlrs.html;
 * fixture: test/events/messaging/whatsapp-sns-event.json). Status events (sent, delivered, read)
 * carry no `messages` and are ignored.
 */
export const SocialMessagingEventSchema = z.object({
  whatsAppWebhookEntry: z.string(),
  messageId: z.optional(z.string()),
  message_timestamp: z.optional(z.string()),
});

const MetaMessageSchema = z.object({
  from: z.string(),
  id: z.string().check(z.minLength(1)),
  timestamp: z.optional(z.string()),
  type: z.string(),
  text: z.optional(z.object({ body: z.string() })),
  /** A tapped quick-reply or list answer. */
  button: z.optional(z.object({ text: z.string() })),
  interactive: z.optional(
    z.object({
      button_reply: z.optional(z.object({ id: z.string(), title: z.string() })),
      list_reply: z.optional(z.object({ id: z.string(), title: z.string() })),
    }),
  ),
});

const ChangeSchema = z.object({
  field: z.string(),
  value: z.object({
    messages: z.optional(z.array(MetaMessageSchema)),
  }),
});

const EntrySchema = z.object({ changes: z.array(ChangeSchema) });
/** The entry itself, or (tolerated) a whole webhook body holding entries. */
const WebhookEntrySchema = z.union([EntrySchema, z.object({ entry: z.array(EntrySchema) })]);

/** Why an event could not be read: retried, then parked, never a crash on a customer's words. */
export class UnreadableEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableEventError';
  }
}

const textOf = (message: z.infer<typeof MetaMessageSchema>): string | undefined =>
  message.text?.body ??
  message.button?.text ??
  message.interactive?.button_reply?.id ??
  message.interactive?.list_reply?.id;

/**
 * The customer messages in one End User Messaging Social event. A media, location or other
 * non-text message becomes an empty message (the service answers it with the current step
 * again), so the customer is never left without a reply.
 */
export const whatsAppMessages = (snsMessage: string): IncomingMessage[] => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(snsMessage);
  } catch (error) {
    throw new UnreadableEventError(`Not JSON (${(error as Error).name})`);
  }
  const event = SocialMessagingEventSchema.safeParse(parsed);
  if (!event.success) throw new UnreadableEventError('Not an End User Messaging Social event');
  let entry: unknown;
  try {
    entry = JSON.parse(event.data.whatsAppWebhookEntry);
  } catch (error) {
    throw new UnreadableEventError(`whatsAppWebhookEntry is not JSON (${(error as Error).name})`);
  }
  const webhook = WebhookEntrySchema.safeParse(entry);
  if (!webhook.success) throw new UnreadableEventError('Not a WhatsApp webhook entry');
  const entries = 'entry' in webhook.data ? webhook.data.entry : [webhook.data];
  return entries.flatMap((item) =>
    item.changes
      .filter((change) => change.field === 'messages')
      .flatMap((change) => change.value.messages ?? [])
      .flatMap((message): IncomingMessage[] => {
        const customer = toE164(`+${message.from.replace(/^\+/, '')}`);
        if (!customer) return [];
        return [
          {
            channel: 'whatsapp',
            customer,
            messageId: message.id,
            text: (textOf(message) ?? '').slice(0, 2000),
          },
        ];
      }),
  );
};
