import type { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { endUserMessagingSmsSender } from '#shared/notifications/end-user-messaging-sms.ts';
import { toE164 } from '#shared/phone.ts';
import * as z from '#shared/zod.ts';
import type { IncomingMessage } from '../contract.ts';
import { UnreadableEventError } from './whatsapp-inbound.ts';

/**
 * One SMS gateway interface for the two-way SMS conversation: how an inbound message is read
 * and how a reply is sent. Two adapters:
 * - Africa's Talking (Kenya): AWS End User Messaging SMS has no two-way SMS for Kenya (sender
 *   IDs, which Kenya registers, never take replies), so inbound SMS to our short code arrive as
 *   Africa's Talking's form-encoded callback and replies go back through its SMS API;
 * - AWS End User Messaging SMS, where a country has two-way numbers: inbound messages are
 *   published to an SNS topic, replies are SendTextMessage from the same number.
 */
export interface SmsGateway {
  readonly name: 'africas-talking' | 'end-user-messaging';
  send(reply: {
    readonly to: string;
    readonly text: string;
    readonly linkId?: string;
  }): Promise<void>;
}

/**
 * Africa's Talking's incoming-message callback (application/x-www-form-urlencoded): `from`
 * (the customer, E.164), `to` (our short code), `text`, `date`, `id` (the gateway's message id,
 * repeated on a retry), `linkId` (premium/on-demand replies) and `networkCode`. Fixture:
 * test/events/messaging/africas-talking-inbound-sms.txt.
 */
export const AfricasTalkingInboundSchema = z.object({
  from: z.string().check(z.minLength(1), z.maxLength(32)),
  to: z.string().check(z.minLength(1), z.maxLength(32)),
  text: z._default(z.string().check(z.maxLength(2000)), ''),
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  date: z.optional(z.string().check(z.maxLength(64))),
  linkId: z.optional(z.string().check(z.maxLength(200))),
  networkCode: z.optional(z.string().check(z.maxLength(16))),
});
export type AfricasTalkingInbound = z.infer<typeof AfricasTalkingInboundSchema>;

/** The form body (base64 when API Gateway says so) as an Africa's Talking inbound SMS. */
export const africasTalkingInbound = (
  body: string,
): { message: IncomingMessage; linkId?: string } => {
  const form = Object.fromEntries(new URLSearchParams(body));
  const parsed = AfricasTalkingInboundSchema.safeParse(form);
  if (!parsed.success)
    throw new UnreadableEventError(
      `Not an inbound SMS callback: ${parsed.error.issues.map((issue) => issue.path.join('.')).join(',')}`,
    );
  const customer = toE164(parsed.data.from);
  if (!customer) throw new UnreadableEventError('The sender is not a phone number');
  return {
    message: {
      channel: 'sms',
      customer,
      messageId: `at:${parsed.data.id}`,
      text: parsed.data.text,
    },
    ...(parsed.data.linkId && { linkId: parsed.data.linkId }),
  };
};

/**
 * End User Messaging SMS's two-way payload on SNS
 * (https://docs.aws.amazon.com/sms-voice/latest/userguide/two-way-sms-payload.html; fixture:
 * test/events/messaging/sms-two-way-sns-event.json).
 */
export const TwoWaySmsSchema = z.object({
  originationNumber: z.string().check(z.minLength(1)),
  destinationNumber: z.string().check(z.minLength(1)),
  messageBody: z._default(z.string().check(z.maxLength(2000)), ''),
  inboundMessageId: z.string().check(z.minLength(1)),
  messageKeyword: z.optional(z.string()),
  previousPublishedMessageId: z.optional(z.string()),
});

export const twoWaySmsInbound = (snsMessage: string): IncomingMessage => {
  let json: unknown;
  try {
    json = JSON.parse(snsMessage);
  } catch (error) {
    throw new UnreadableEventError(`Not JSON (${(error as Error).name})`);
  }
  const parsed = TwoWaySmsSchema.safeParse(json);
  if (!parsed.success) throw new UnreadableEventError('Not a two-way SMS payload');
  const customer = toE164(parsed.data.originationNumber);
  if (!customer) throw new UnreadableEventError('The sender is not a phone number');
  return {
    channel: 'sms',
    customer,
    messageId: `eum:${parsed.data.inboundMessageId}`,
    text: parsed.data.messageBody,
  };
};

/** Replies from the two-way number through End User Messaging SMS. */
export const endUserMessagingSmsGateway = (
  client: PinpointSMSVoiceV2Client,
  originationIdentity: string,
): SmsGateway => ({
  name: 'end-user-messaging',
  send: endUserMessagingSmsSender(client, originationIdentity),
});

export interface AfricasTalkingSettings {
  /** The messaging API's URL (sandbox or live). */
  readonly apiUrl: string;
  readonly username: string;
  readonly apiKey: string;
  /** Our short code or sender id. */
  readonly from: string;
}

/** Replies through Africa's Talking's SMS API (form post with the account's API key). */
export const africasTalkingGateway = (
  settings: AfricasTalkingSettings,
  post: typeof fetch = fetch,
): SmsGateway => ({
  name: 'africas-talking',
  async send({ to, text, linkId }) {
    const body = new URLSearchParams({
      username: settings.username,
      to,
      message: text,
      from: settings.from,
      ...(linkId && { linkId, bulkSMSMode: '0' }),
    });
    const response = await post(settings.apiUrl, {
      method: 'POST',
      headers: {
        apiKey: settings.apiKey,
        accept: 'application/json',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body,
    });
    // The number is never in the error: only the gateway's status.
    if (!response.ok) throw new Error(`Africa's Talking refused the SMS (HTTP ${response.status})`);
  },
});
