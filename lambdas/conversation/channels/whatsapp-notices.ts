import type { Clock } from '#shared/clock.ts';
import type { ConversationRepository } from '#shared/data/conversations.repository.ts';
import type { IdentityHasher } from '#shared/identity/identity-hasher.ts';
import type { Language } from '#shared/speech/language.ts';
import type { Speech } from '#shared/speech/render.ts';
import { insideWindow, type WhatsAppSender, whatsAppNotice } from './whatsapp-outbound.ts';

/** How a notice went: free text (window open), an approved template, or not at all (no template). */
export type WhatsAppNoticeResult = 'FREE_FORM' | 'TEMPLATE' | 'NO_TEMPLATE';

export interface WhatsAppNotices {
  send(notice: {
    readonly to: string;
    readonly lang: Language;
    readonly speech: Speech;
  }): Promise<WhatsAppNoticeResult>;
}

/**
 * Notices to WhatsApp customers (booking confirmed, complaint resolved): free-form inside Meta's
 * 24-hour window (the customer's last inbound message, kept by the conversation service under
 * their hashed number), the approved template outside it; `NO_TEMPLATE` when there is none, so
 * the caller sends the SMS instead.
 */
export const whatsAppNotices = ({
  sender,
  conversations,
  identityHasher,
  clock,
}: {
  readonly sender: WhatsAppSender;
  readonly conversations: Pick<ConversationRepository, 'getCustomer'>;
  readonly identityHasher: IdentityHasher;
  readonly clock: Clock;
}): WhatsAppNotices => ({
  async send({ to, lang, speech }) {
    const customer = await conversations.getCustomer(await identityHasher.hash('phone', to));
    const open = insideWindow(customer.whatsappLastInboundAt, clock());
    const message = whatsAppNotice(to, speech, lang, { open });
    if (!message) return 'NO_TEMPLATE';
    await sender.send(message);
    return message.type === 'text' ? 'FREE_FORM' : 'TEMPLATE';
  },
});
