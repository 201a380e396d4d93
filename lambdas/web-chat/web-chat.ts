import * as z from 'zod';
import { recordSurvey } from '#lambdas/survey/record-survey.ts';
import type { CallLogRepository } from '#shared/data/call-logs.repository.ts';
import type { ChatContacts } from './chat-contacts.ts';
import { type HandleMessage, LanguageSchema } from './conversation-port.ts';
import { chatStartFor } from './handover.ts';

const Uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
/** Connect contact ids are UUIDs; the local stand-in's too. */
const ContactId = z.string().regex(/^[0-9a-zA-Z-]{1,256}$/);

/** POST /chat/messages: one customer message, with the page's ids for the chat and the message. */
export const ChatMessageSchema = z.object({
  chatId: Uuid,
  messageId: Uuid,
  text: z.string().trim().min(1).max(1024),
  locale: LanguageSchema.optional(),
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

/** POST /chat/survey: the post-chat answers, kept in the page and sent here, not on the socket. */
export const ChatSurveySchema = z
  .object({
    contactId: ContactId,
    csat: z.string().max(4).optional(),
    nps: z.string().max(4).optional(),
  })
  .refine((survey) => survey.csat !== undefined || survey.nps !== undefined, {
    message: 'csat or nps is required',
  });
export type ChatSurvey = z.infer<typeof ChatSurveySchema>;

export interface WebChatDependencies {
  readonly handleMessage: HandleMessage;
  readonly chatContacts: ChatContacts;
  readonly callLogs: CallLogRepository;
  readonly retentionDays: number;
  readonly clock: () => Date;
}

/**
 * The web chat's two use cases. A message goes to the conversation service; when it hands
 * over, the chat starts in Amazon Connect (idempotent on the chat and message ids) and the page
 * gets the customer's participant token. The survey reuses the post-call survey's operation, so
 * a chat's CSAT and NPS land on its call log as a call's do.
 */
export const webChatUseCases = (deps: WebChatDependencies) => {
  const survey = recordSurvey({
    callLogs: deps.callLogs,
    now: deps.clock,
    retentionDays: deps.retentionDays,
  });
  return {
    async message({ chatId, messageId, text, locale }: ChatMessage) {
      const turn = await deps.handleMessage({
        channel: 'web',
        customer: `web:${chatId}`,
        messageId,
        text,
        ...(locale && { locale }),
      });
      const replies = turn.replies.map(({ text: reply }) => ({ text: reply }));
      if (!turn.handover) return { language: turn.language, replies };
      const chat = await deps.chatContacts.start(
        chatStartFor({ handover: turn.handover, language: turn.language, chatId, messageId }),
      );
      return { language: turn.language, replies, handover: chat };
    },

    async survey({ contactId, csat, nps }: ChatSurvey) {
      const answers = [
        ...(csat === undefined ? [] : [{ question: 'csat' as const, score: csat }]),
        ...(nps === undefined ? [] : [{ question: 'nps' as const, score: nps }]),
      ];
      // An answer out of range is the survey's own INVALID_INPUT (a 400 with its field).
      const recorded: Record<string, number> = {};
      for (const answer of answers) {
        await survey(answer, { contactId });
        recorded[answer.question] = Number(answer.score);
      }
      return { outcome: 'RECORDED', recorded };
    },
  };
};
