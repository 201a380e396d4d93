import type { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { endUserMessagingSmsSender } from '#shared/notifications/end-user-messaging-sms.ts';

export interface SmsMessage {
  readonly to: string;
  readonly text: string;
}

export interface EmailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Sends text messages. */
export interface SmsGateway {
  send(message: SmsMessage): Promise<void>;
}

/** Sends emails. */
export interface EmailGateway {
  send(message: EmailMessage): Promise<void>;
}

/** Deployed: AWS End User Messaging SMS, from the configured origination identity (sender ID or number). */
export const endUserMessagingSms = (
  client: PinpointSMSVoiceV2Client,
  originationIdentity: string,
): SmsGateway => ({ send: endUserMessagingSmsSender(client, originationIdentity) });

/** Deployed: Amazon SES, from a verified address. */
export const sesEmail = (client: SESv2Client, from: string): EmailGateway => ({
  async send({ to, subject, text }) {
    await client.send(
      new SendEmailCommand({
        FromEmailAddress: from,
        Destination: { ToAddresses: [to] },
        Content: {
          Simple: {
            Subject: { Data: subject, Charset: 'UTF-8' },
            Body: { Text: { Data: text, Charset: 'UTF-8' } },
          },
        },
      }),
    );
  },
});

/** What a local gateway recorded: the rendered message and its channel. */
export type SentMessage =
  | ({ readonly channel: 'sms'; readonly notificationId: string } & SmsMessage)
  | ({ readonly channel: 'email'; readonly notificationId: string } & EmailMessage);
