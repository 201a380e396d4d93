import categories from '#data/service-categories.json' with { type: 'json' };
import { sendSummarySms } from '#lambdas/knowledge/summary-sms.ts';
import {
  articleNamePrompt,
  categoryNamePrompt,
  MENU_PAGE_SIZE,
  menuPage,
  smsOutcome,
} from '#lambdas/knowledge/voice-menus.ts';
import { loadArticleFiles } from '#local/knowledge/article-files.ts';
import { outboxNotifier } from '#shared/notifications/notifier.ts';
import { promptCatalogue } from '#shared/speech/catalogue.ts';
import { MAX_CLIPS, renderClips, renderText, type Speech } from '#shared/speech/render.ts';

const ids = categories.map((category) => category.id);

describe('knowledge voice menus', () => {
  it('lists 7 options a page, 9 for the next and past the last page the first again', () => {
    const first = menuPage(ids, '', 'knowledge.categories.intro', categoryNamePrompt);
    const last = menuPage(
      ids,
      String(Math.ceil(ids.length / MENU_PAGE_SIZE)),
      'x',
      categoryNamePrompt,
    );
    const beyond = menuPage(ids, '99', 'knowledge.categories.intro', categoryNamePrompt);

    expect(first.values).toMatchObject({ page: 1, more: true, nextPage: 2, optionCount: 7 });
    expect(first.values?.option1).toBe(ids[0]);
    expect(last.values).toMatchObject({ more: false, optionCount: ids.length - 7, option7: '' });
    expect(last.values).not.toHaveProperty('nextPage');
    expect(beyond.values).toMatchObject({ page: 1 });
  });

  it('names every article and every category in both languages, for the menus to speak', () => {
    const unnamed = [
      ...loadArticleFiles().map((article) => articleNamePrompt(article.id)),
      ...ids.map(categoryNamePrompt),
    ].filter((id) => !promptCatalogue.get(id)?.en || !promptCatalogue.get(id)?.sw);
    expect(unnamed).toEqual([]);
  });

  it('refuses a page that is not a number', () => {
    expect(() => menuPage(ids, 'x', 'knowledge.categories.intro', categoryNamePrompt)).toThrow(
      'page',
    );
  });

  it('speaks a full page within the Kiswahili clips a flow can play, in both languages', () => {
    const { speech } = menuPage(ids, '1', 'knowledge.categories.intro', categoryNamePrompt);
    expect(renderClips(speech as Speech, 'sw').length).toBeLessThanOrEqual(MAX_CLIPS);
    expect(renderText(speech as Speech, 'en')).toMatch(/^Which kind .* Press 1 for .* press 9\.$/);
  });

  it('says every SMS outcome in both languages, naming a service or a general topic', () => {
    for (const outcome of ['SENT', 'ALREADY_SENT', 'NO_NUMBER', 'SMS_LIMITED'] as const)
      for (const article of ['passport', 'lost-documents'])
        for (const lang of ['en', 'sw'] as const)
          expect(renderText(smsOutcome(outcome, article).speech as Speech, lang)).toMatch(/\S/);
    expect(articleNamePrompt('lost-documents')).toBe('service.lost-documents');
  });
});

describe('sending a summary by SMS', () => {
  const summaries = {
    summaryForService: async (id: string) => ({
      id,
      title: 'Passport',
      summary: 'Apply on eCitizen.',
    }),
  };
  const at = new Date('2026-12-01T07:00:00Z');
  const setup = (allowance: 'ALLOWED' | 'RATE_LIMITED' = 'ALLOWED') => {
    const notifier = outboxNotifier();
    const send = sendSummarySms({
      summaries,
      notifier,
      smsAllowance: { take: async () => allowance },
      clock: () => at,
    });
    return { notifier, send };
  };
  const request = {
    articleId: 'passport',
    lang: 'sw',
    contactId: 'c-1',
    to: '+254712000111',
  } as const;

  it('sends the title and summary in the language asked, under an id per contact and article', async () => {
    const { notifier, send } = setup();

    expect(await send(request)).toEqual({ outcome: 'SENT', title: 'Passport' });
    expect(notifier.outbox).toEqual([
      expect.objectContaining({
        id: 'knowledge-summary#c-1#passport#sw',
        channel: 'sms',
        to: '+254712000111',
        lang: 'sw',
        prompt: 'knowledge.sms.summary',
        vars: { title: 'Passport', summary: 'Apply on eCitizen.' },
      }),
    ]);
  });

  it('sends nothing when already sent, withheld or out of SMS', async () => {
    const { notifier, send } = setup();
    const limited = setup('RATE_LIMITED');

    expect((await send({ ...request, alreadySent: true })).outcome).toBe('ALREADY_SENT');
    expect((await send({ ...request, to: undefined })).outcome).toBe('NO_NUMBER');
    expect((await limited.send(request)).outcome).toBe('SMS_LIMITED');
    expect([...notifier.outbox, ...limited.notifier.outbox]).toEqual([]);
  });
});
