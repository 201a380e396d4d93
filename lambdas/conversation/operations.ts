import type { Contact } from '#shared/contact.ts';
import { type OperationRegistry, operationPort } from '#shared/dialogue/operations.ts';
import { toE164 } from '#shared/phone.ts';
import type { TrackInOneMessage, TurnContext } from './ports.ts';

/** The contact a capability use case sees for a conversation turn. */
export const contactOf = (context: TurnContext): Contact => ({
  contactId: context.contactId,
  caller: toE164(context.customerNumber),
  ...(context.channel === 'whatsapp' && { noticeChannel: 'whatsapp' as const }),
});

/** `TRACK` / `HALI`: the tracking operation itself (its shape checks and the shared proof guard). */
export const trackInOneMessage =
  (registry: OperationRegistry): TrackInOneMessage =>
  async (request, context) => {
    const result = await operationPort(registry, contactOf(context)).invoke('tracking', undefined, {
      ...request,
    });
    return {
      outcome: result.outcome,
      say: result.speech ?? { prompt: 'conversation.sms_track_usage' },
    };
  };
