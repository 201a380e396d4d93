import { surveyScore } from '#lambdas/survey/record-survey.ts';
import type { CallLogRepository } from '#shared/data/call-logs.repository.ts';
import { ConflictError, ForbiddenError } from '#shared/errors.ts';
import { type IdentityHasher, sameHash } from '#shared/identity/identity-hasher.ts';
import * as z from '#shared/zod.ts';
import type { ChatContacts } from './chat-contacts.ts';
import { type HandleMessage, LanguageSchema } from './conversation-port.ts';
import { chatStartFor } from './handover.ts';

const Uuid = z
  .string()
  .check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i));
/** Connect contact ids are UUIDs; the local stand-in's too. */
const ContactId = z.string().check(z.regex(/^[0-9a-zA-Z-]{1,256}$/));

/** POST /chat/messages: one customer message, with the page's ids for the chat and the message. */
export const ChatMessageSchema = z.object({
  chatId: Uuid,
  messageId: Uuid,
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(1024)),
  locale: z.optional(LanguageSchema),
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

/** POST /chat/survey: the post-chat answers, kept in the page and sent here, not on the socket. */
export const ChatSurveySchema = z
  .object({
    contactId: ContactId,
    /** The survey token the hand-over gave the page: the platform's HMAC of the contact id. */
    token: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
    csat: z.optional(z.string().check(z.maxLength(4))),
    nps: z.optional(z.string().check(z.maxLength(4))),
  })
  .check(
    z.refine((survey) => survey.csat !== undefined || survey.nps !== undefined, {
      message: 'csat or nps is required',
    }),
  );
export type ChatSurvey = z.infer<typeof ChatSurveySchema>;

export interface WebChatDependencies {
  readonly handleMessage: HandleMessage;
  readonly chatContacts: ChatContacts;
  readonly callLogs: CallLogRepository;
  /** Signs and checks the survey token (the platform's HMAC key, purpose `survey`). */
  readonly identityHasher: IdentityHasher;
  readonly retentionDays: number;
  readonly clock: () => Date;
}

/**
 * The web chat's two use cases. A message goes to the conversation service; when it hands
 * over, the chat starts in Amazon Connect (idempotent on the chat and message ids), the
 * conversation's self-service call log is merged into the chat's, and the page gets the
 * customer's participant token with the contact's survey token. The survey is checked against
 * that token, scored by the post-call survey's own rules, and recorded once per contact on its
 * call log, where a chat's CSAT and NPS land as a call's do.
 */
export const webChatUseCases = (deps: WebChatDependencies) => {
  const surveyToken = (contactId: string) => deps.identityHasher.hash('survey', contactId);
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
      // One contact record per conversation: the agent chat's record carries it on.
      await deps.callLogs.mergeInto(turn.handover.conversationId, chat.contactId);
      return {
        language: turn.language,
        replies,
        handover: { ...chat, surveyToken: await surveyToken(chat.contactId) },
      };
    },

    async survey({ contactId, token, csat, nps }: ChatSurvey) {
      // Only the page the chat was handed to holds the token of its contact.
      if (!sameHash(await surveyToken(contactId), token))
        throw new ForbiddenError('Not this contact’s survey token', {
          details: { reason: 'BAD_SIGNATURE' },
        });
      // An answer out of range is the survey's own INVALID_INPUT (a 400 with its field), and
      // leaves the survey unanswered.
      const answers = [
        ...(csat === undefined
          ? []
          : [{ question: 'csat' as const, score: surveyScore('csat', csat) }]),
        ...(nps === undefined
          ? []
          : [{ question: 'nps' as const, score: surveyScore('nps', nps) }]),
      ];
      const at = deps.clock();
      const recorded = await deps.callLogs.recordSurveyOnce(contactId, answers, {
        at,
        expiresAt: Math.floor(at.getTime() / 1000) + deps.retentionDays * 86_400,
      });
      if (!recorded)
        throw new ConflictError('This chat’s survey was answered already', {
          details: { reason: 'ALREADY_ANSWERED' },
        });
      return {
        outcome: 'RECORDED',
        recorded: Object.fromEntries(answers.map(({ question, score }) => [question, score])),
      };
    },
  };
};
