import type { ContactLine } from '#shared/contact-line.ts';
import { ConflictError, NotFoundError } from '#shared/errors.ts';
import { logger } from '#shared/powertools.ts';
import type { Principal } from '#shared/principal.ts';
import { LanguageSchema } from '#shared/speech/render.ts';
import * as z from '#shared/zod.ts';
import { type SummarySmsDependencies, sendSummarySms } from './summary-sms.ts';

/** `POST /knowledge/articles/{id}/sms`: the contact on the agent's line and the language. */
export const SendToContactBodySchema = z.object({
  /** The Connect contact id (the CCP gives it); never a phone number. */
  contactId: z.string().check(z.minLength(1), z.maxLength(256)),
  lang: LanguageSchema,
});
export type SendToContactBody = z.infer<typeof SendToContactBodySchema>;

/** The contact attribute that notes what was sent (contact record, call log, screen pop). */
export const SENT_ATTRIBUTE = 'knowledgeSms';

/**
 * "Send to the caller by SMS" from the agent desktop: the staff API finds the number on the
 * contact's line, sends the article's summary in `lang` through the notifier (SMS allowance
 * applies) and notes it on the contact. The desktop sends only the contact id.
 */
export const sendToContact =
  (deps: SummarySmsDependencies & { readonly contactLine: ContactLine }) =>
  async (
    articleId: string,
    { contactId, lang }: SendToContactBody,
    principal: Principal,
  ): Promise<{ outcome: 'SENT' | 'ALREADY_SENT'; articleId: string; lang: 'en' | 'sw' }> => {
    const attributes = await deps.contactLine.attributesOf(contactId);
    if (!attributes)
      throw new NotFoundError('No such contact on the instance', {
        details: { reason: 'NO_SUCH_CONTACT', fields: 'body.contactId' },
      });
    const { outcome } = await sendSummarySms(deps)({
      articleId,
      lang,
      contactId,
      to: await deps.contactLine.numberOn(contactId),
      alreadySent: attributes[SENT_ATTRIBUTE] === articleId,
    });
    if (outcome === 'NO_NUMBER')
      throw new ConflictError("The caller's number is withheld: no SMS can be sent", {
        details: { reason: 'NO_NUMBER' },
      });
    if (outcome === 'SMS_LIMITED')
      throw new ConflictError("The caller's number has had all its SMS for today", {
        details: { reason: 'SMS_LIMITED' },
      });
    if (outcome === 'SENT') {
      await deps.contactLine.note(contactId, {
        [SENT_ATTRIBUTE]: articleId,
        knowledgeSmsBy: principal.id,
      });
      logger.info('Knowledge article sent to a caller by an agent', { articleId, lang });
    }
    return { outcome, articleId, lang };
  };

export type SendToContact = ReturnType<typeof sendToContact>;
