import type { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import {
  africasTalkingGateway,
  endUserMessagingSmsGateway,
  type SmsGateway,
} from '#lambdas/conversation/channels/sms-gateway.ts';
import * as z from '#shared/zod.ts';

/**
 * The SMS gateway's settings (the SMS channel's and the agent-chat relay's): Africa's Talking
 * for Kenya, End User Messaging SMS where a country has two-way numbers.
 */
export const SmsGatewayEnvironmentSchema = z.object({
  SMS_GATEWAY: z._default(z.enum(['africas-talking', 'end-user-messaging']), 'africas-talking'),
  AFRICAS_TALKING_USERNAME: z._default(z.string().check(z.minLength(1)), 'sandbox'),
  /** The account's API key (deployed from a Secrets Manager dynamic reference). */
  AFRICAS_TALKING_API_KEY: z.optional(z.string().check(z.minLength(1))),
  /** Our short code: replies come from it, so the customer can answer. */
  AFRICAS_TALKING_SHORT_CODE: z._default(z.string().check(z.minLength(1)), '22384'),
  AFRICAS_TALKING_API_URL: z._default(
    z.url(),
    'https://api.sandbox.africastalking.com/version1/messaging',
  ),
  /** End User Messaging SMS: the two-way number replies come from. */
  SMS_ORIGINATION_IDENTITY: z.optional(z.string().check(z.minLength(1))),
});
export type SmsGatewayEnvironment = z.infer<typeof SmsGatewayEnvironmentSchema>;

/** Both gateways' senders (one is used, by SMS_GATEWAY) and which one it is. */
export interface SmsSenders {
  readonly gateway: SmsGateway['name'];
  /** End User Messaging SMS replies (checked locally as sms-voice:SendTextMessage). */
  readonly sms: SmsGateway;
  /** Africa's Talking replies (an HTTPS API, no AWS call). */
  readonly aggregator: SmsGateway;
}

const unconfigured = (what: string): SmsGateway => ({
  name: 'end-user-messaging',
  send: () => Promise.reject(new Error(`${what} is not configured`)),
});

export const smsSendersFor = (
  config: SmsGatewayEnvironment,
  sms: PinpointSMSVoiceV2Client,
): SmsSenders => ({
  gateway: config.SMS_GATEWAY,
  sms: config.SMS_ORIGINATION_IDENTITY
    ? endUserMessagingSmsGateway(sms, config.SMS_ORIGINATION_IDENTITY)
    : unconfigured('SMS_ORIGINATION_IDENTITY'),
  aggregator: config.AFRICAS_TALKING_API_KEY
    ? africasTalkingGateway({
        apiUrl: config.AFRICAS_TALKING_API_URL,
        username: config.AFRICAS_TALKING_USERNAME,
        apiKey: config.AFRICAS_TALKING_API_KEY,
        from: config.AFRICAS_TALKING_SHORT_CODE,
      })
    : unconfigured('AFRICAS_TALKING_API_KEY'),
});

/** The gateway replies go through. */
export const replyGateway = (senders: SmsSenders): SmsGateway =>
  senders.gateway === 'africas-talking' ? senders.aggregator : senders.sms;
