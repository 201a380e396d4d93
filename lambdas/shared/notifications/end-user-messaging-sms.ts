import {
  type PinpointSMSVoiceV2Client,
  SendTextMessageCommand,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';

/**
 * Sends a transactional text message through AWS End User Messaging SMS from the configured
 * origination identity (sender ID, short code or two-way number): notifications and the SMS
 * channel's replies alike.
 */
export const endUserMessagingSmsSender =
  (client: PinpointSMSVoiceV2Client, originationIdentity: string) =>
  async ({ to, text }: { readonly to: string; readonly text: string }): Promise<void> => {
    await client.send(
      new SendTextMessageCommand({
        DestinationPhoneNumber: to,
        OriginationIdentity: originationIdentity,
        MessageBody: text,
        MessageType: 'TRANSACTIONAL',
      }),
    );
  };
