import {
  SendWhatsAppMessageCommand,
  type SocialMessagingClient,
} from '@aws-sdk/client-socialmessaging';
import type { Language } from '#shared/speech/language.ts';
import { renderMessage, type Speech } from '#shared/speech/render.ts';
import { templateFor, templateParameters } from './whatsapp-templates.ts';

/** Meta's customer-service window: free-form messages only this long after the customer's last one. */
export const WHATSAPP_WINDOW_HOURS = 24;

/** A WhatsApp Cloud API message object (Meta's Messages reference), as End User Messaging Social passes it. */
export type WhatsAppMessage =
  | {
      readonly messaging_product: 'whatsapp';
      readonly to: string;
      readonly type: 'text';
      readonly text: { readonly body: string };
    }
  | {
      readonly messaging_product: 'whatsapp';
      readonly to: string;
      readonly type: 'template';
      readonly template: {
        readonly name: string;
        readonly language: { readonly code: string };
        readonly components: readonly {
          readonly type: 'body';
          readonly parameters: readonly { readonly type: 'text'; readonly text: string }[];
        }[];
      };
    };

/** Sends one WhatsApp message (deployed: End User Messaging Social; locally: an outbox). */
export interface WhatsAppSender {
  send(message: WhatsAppMessage): Promise<void>;
}

/** Meta addresses a customer by their number without the `+`. */
const waId = (e164: string) => e164.replace(/^\+/, '');

export const whatsAppText = (to: string, body: string): WhatsAppMessage => ({
  messaging_product: 'whatsapp',
  to: waId(to),
  type: 'text',
  text: { body },
});

/** Whether a free-form message may be sent now: the customer wrote within the last 24 hours. */
export const insideWindow = (lastInboundAt: string | undefined, now: Date): boolean =>
  lastInboundAt !== undefined &&
  now.getTime() - Date.parse(lastInboundAt) < WHATSAPP_WINDOW_HOURS * 3_600_000;

/**
 * A notice to a WhatsApp customer: free-form text inside the window; outside it, the approved
 * template for the prompt (both languages are kept in data/whatsapp-templates.json); undefined
 * when the prompt has no template and the window is closed (the caller sends an SMS instead).
 */
export const whatsAppNotice = (
  to: string,
  speech: Speech,
  lang: Language,
  window: { readonly open: boolean },
): WhatsAppMessage | undefined => {
  if (window.open) return whatsAppText(to, renderMessage(speech, lang));
  const template = templateFor(speech.prompt);
  if (!template) return undefined;
  return {
    messaging_product: 'whatsapp',
    to: waId(to),
    type: 'template',
    template: {
      name: template.name,
      language: { code: lang },
      components: [
        {
          type: 'body',
          parameters: templateParameters(template, speech, lang).map((text) => ({
            type: 'text',
            text,
          })),
        },
      ],
    },
  };
};

/** End User Messaging Social's SendWhatsAppMessage from our WhatsApp business number. */
export const socialMessagingSender = (
  client: SocialMessagingClient,
  originationPhoneNumberId: string,
  metaApiVersion = 'v20.0',
): WhatsAppSender => ({
  async send(message) {
    await client.send(
      new SendWhatsAppMessageCommand({
        originationPhoneNumberId,
        metaApiVersion,
        message: new TextEncoder().encode(JSON.stringify(message)),
      }),
    );
  },
});

/** Local runtime and tests: what would have been sent, in order. */
export const outboxWhatsAppSender = (): WhatsAppSender & { readonly sent: WhatsAppMessage[] } => {
  const sent: WhatsAppMessage[] = [];
  return {
    sent,
    async send(message) {
      sent.push(message);
    },
  };
};
