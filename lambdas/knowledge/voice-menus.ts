import { InvalidInputError } from '#shared/errors.ts';
import type { FlowOutcome } from '#shared/middleware.ts';
import { menuPageOutro } from '#shared/speech/menu-page.ts';
import type { Speech } from '#shared/speech/render.ts';
import type { SummarySmsOutcome } from './summary-sms.ts';

/**
 * The keypad menus of the knowledge IVR path (contact-flows/build/knowledge.ts), from the
 * categories and articles in data: 7 options a page, 8 to hear the page again, 9 for the next.
 * Menus speak only names recorded once (`knowledge.category.<id>`, `service.<id>`) between the shared "Press 1 for" clips, so a page stays within the
 * 16 Kiswahili clips a flow plays.
 */
export const MENU_PAGE_SIZE = 7;

/** The spoken name of a category. */
export const categoryNamePrompt = (categoryId: string) => `knowledge.category.${categoryId}`;

/**
 * The spoken name of an article: its catalogue service's (data/huduma-services.json), or for a
 * general topic its name in data/knowledge-topics.json; both are `service.<id>` prompts.
 */
export const articleNamePrompt = (articleId: string) => `service.${articleId}`;

const parsePage = (page: string | undefined): number => {
  if (page === undefined || page === '') return 1;
  if (!/^\d{1,2}$/.test(page) || Number(page) < 1)
    throw new InvalidInputError('page: not a page number', {
      details: { reason: 'WRONG_PAGE', field: 'page' },
    });
  return Number(page);
};

/**
 * One page of a menu as a flow outcome: `option<k>` = the id for key k, paging values, and the
 * speech "<intro> Press 1 for … For more choices, press 9." A page past the last is the first,
 * and the last of several says so.
 */
export const menuPage = (
  ids: readonly string[],
  pageParameter: string | undefined,
  intro: string,
  namePrompt: (id: string) => string,
): FlowOutcome => {
  const pageCount = Math.max(1, Math.ceil(ids.length / MENU_PAGE_SIZE));
  const requested = parsePage(pageParameter);
  const page = requested > pageCount ? 1 : requested;
  const items = ids.slice((page - 1) * MENU_PAGE_SIZE, page * MENU_PAGE_SIZE);
  const more = page < pageCount;
  const speech: Speech = {
    prompt: `appointments.menu.${items.length}`,
    vars: {
      intro,
      ...Object.fromEntries(
        items.flatMap((id, index) => [
          [`press${index + 1}`, `appointments.press.${index + 1}`],
          [`option${index + 1}`, namePrompt(id)],
        ]),
      ),
      outro: menuPageOutro(page, pageCount),
    },
  };
  return {
    outcome: 'OK',
    values: {
      page,
      pageCount,
      more,
      ...(more && { nextPage: page + 1 }),
      optionCount: items.length,
      // Every key of the page is set, '' past the options: a key with no option chooses nothing.
      ...Object.fromEntries(
        Array.from({ length: MENU_PAGE_SIZE }, (_, index) => [
          `option${index + 1}`,
          items[index] ?? '',
        ]),
      ),
    },
    speech,
  };
};

const SMS_SPEECH: Record<SummarySmsOutcome, (article: string) => Speech> = {
  SENT: (article) => ({ prompt: 'knowledge.summary_by_sms', vars: { article } }),
  ALREADY_SENT: () => ({ prompt: 'knowledge.sms_already_sent' }),
  NO_NUMBER: (article) => ({
    prompt: 'knowledge.summary_not_sent',
    vars: { article, reason: 'knowledge.reason.no_number' },
  }),
  SMS_LIMITED: (article) => ({
    prompt: 'knowledge.summary_not_sent',
    vars: { article, reason: 'knowledge.reason.sms_limited' },
  }),
};

/** What the flow says after "press 1 to get this by SMS" (and in Kiswahili, at once). */
export const smsOutcome = (outcome: SummarySmsOutcome, articleId: string): FlowOutcome => ({
  outcome,
  values: { articleId },
  speech: SMS_SPEECH[outcome](articleNamePrompt(articleId)),
});
