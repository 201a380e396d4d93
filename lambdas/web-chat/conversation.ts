import type { HandleMessage as ConversationService } from '#lambdas/conversation/contract.ts';
import type { HandleMessage, Language } from './conversation-port.ts';

/**
 * The conversation service (lambdas/conversation) behind the web chat's port: one message in,
 * its replies, the language the conversation settled on, and the hand-over's attributes and
 * transcript when self-service hands the customer to an agent.
 */
export const webChatConversation =
  (service: ConversationService): HandleMessage =>
  async (message) => {
    const result = await service(message);
    const language: Language = result.session.lang ?? message.locale ?? 'en';
    return {
      replies: result.replies.map(({ text }) => ({ text })),
      language,
      ...(result.handover && {
        handover: {
          conversationId: result.session.conversationId,
          attributes: result.handover.attributes,
          transcript: result.handover.transcript.map((line) => ({
            from: line.from === 'CUSTOMER' ? ('customer' as const) : ('service' as const),
            text: line.text,
          })),
        },
      }),
    };
  };
