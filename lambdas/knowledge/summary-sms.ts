import type { SmsAllowanceRepository } from '#shared/data/proof-codes.repository.ts';
import type { Notifier } from '#shared/notifications/notifier.ts';
import { logger } from '#shared/powertools.ts';
import type { Language } from '#shared/speech/render.ts';

/** What sending an article's summary by SMS needs: the summary, the notifier and the allowance. */
export interface SummarySmsDependencies {
  readonly summaries: {
    summaryForService(
      id: string,
      lang?: string,
    ): Promise<{ readonly id: string; readonly title: string; readonly summary: string }>;
  };
  readonly notifier: Notifier;
  readonly smsAllowance: Pick<SmsAllowanceRepository, 'take'>;
  readonly clock: () => Date;
}

export type SummarySmsOutcome = 'SENT' | 'ALREADY_SENT' | 'SMS_LIMITED' | 'NO_NUMBER';

export interface SummarySmsRequest {
  readonly articleId: string;
  readonly lang: Language;
  /** The contact it is sent for: one message per contact, article and language. */
  readonly contactId: string;
  /** The number on the line in E.164; undefined when withheld. */
  readonly to: string | undefined;
  /** The contact already had this article by SMS (its `knowledgeSms` attribute). */
  readonly alreadySent?: boolean;
}

/** The notification id: delivery is idempotent on it, so a retried request sends once. */
export const summarySmsId = ({ contactId, articleId, lang }: SummarySmsRequest) =>
  `knowledge-summary#${contactId}#${articleId}#${lang}`;

/**
 * Sends an article's title and summary (at most 300 characters) by SMS in the caller's
 * language, to the number on the line, through the notifier and within the number's SMS
 * allowance (SMS_POLICY, shared with one-time codes and confirmations). The IVR and the agent
 * desktop use it alike; the number is never logged.
 */
export const sendSummarySms =
  (deps: SummarySmsDependencies) =>
  async (
    request: SummarySmsRequest,
  ): Promise<{ readonly outcome: SummarySmsOutcome; readonly title: string }> => {
    // Unknown or unpublished articles are refused here (NOT_FOUND), before any allowance is used.
    const { id, title, summary } = await deps.summaries.summaryForService(
      request.articleId,
      request.lang,
    );
    if (request.alreadySent) return { outcome: 'ALREADY_SENT', title };
    if (!request.to) return { outcome: 'NO_NUMBER', title };
    if ((await deps.smsAllowance.take(request.to, deps.clock())) === 'RATE_LIMITED') {
      logger.warn('Knowledge SMS not sent: the number has had its SMS allowance', {
        articleId: id,
      });
      return { outcome: 'SMS_LIMITED', title };
    }
    await deps.notifier.notify({
      id: summarySmsId(request),
      channel: 'sms',
      to: request.to,
      lang: request.lang,
      prompt: 'knowledge.sms.summary',
      vars: { title, summary },
    });
    logger.info('Knowledge summary sent by SMS', { articleId: id, lang: request.lang });
    return { outcome: 'SENT', title };
  };
