import { logger } from '#shared/powertools.ts';
import type { ConversationResult, HandleMessage, IncomingMessage } from '../contract.ts';

/** How a channel writes to its customer. */
export type SendReply = (message: IncomingMessage, text: string) => Promise<void>;

export interface ChannelDependencies {
  readonly handleMessage: HandleMessage;
  readonly send: SendReply;
  /** Send the replies of one message as one (SMS: one message costs less than three). */
  readonly combineReplies?: boolean;
}

/**
 * One inbound message through the conversation service, then to the customer: its replies
 * sent in order (the service itself starts the agent's chat on a hand-over, and posts into it
 * while the agent has the conversation). A duplicate delivery sends nothing.
 */
export const deliverMessage =
  ({ handleMessage, send, combineReplies = false }: ChannelDependencies) =>
  async (message: IncomingMessage): Promise<ConversationResult> => {
    const result = await handleMessage(message);
    if (result.duplicate) {
      logger.info('Duplicate message ignored', { channel: message.channel });
      return result;
    }
    const texts = result.replies.map((reply) => reply.text);
    if (combineReplies && texts.length > 0) await send(message, texts.join('\n\n'));
    else for (const text of texts) await send(message, text);
    if (result.handover)
      logger.info('Conversation handed over', {
        channel: message.channel,
        conversationId: result.session.conversationId,
        reason: result.handover.reason,
      });
    logger.info('Conversation message handled', {
      channel: message.channel,
      stage: result.session.stage,
      replies: result.replies.length,
    });
    return result;
  };
