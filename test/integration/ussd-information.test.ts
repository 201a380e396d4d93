import { screenProblem, toGsm7 } from '#lambdas/ussd/screens.ts';
import { loadArticleFiles } from '#local/knowledge/article-files.ts';
import { localOutbox } from '#shared/notifications/default-notifier.ts';
import type { Language } from '#shared/speech/render.ts';
import { uniqueCaller } from '../support/data.ts';
import { smsTo, ussdPhone, ussdText } from '../support/ussd.ts';

const LANGS: readonly [Language, string][] = [
  ['en', '1'],
  ['sw', '2'],
];
const text = (prompt: string, lang: Language) => ussdText({ prompt }, lang);
const CIVIL_REGISTRATION = loadArticleFiles().filter(
  (article) => article.category === 'civil-registration',
);

/** Language, service information, civil registration (page 1, item 2), its first service. */
const TO_SUMMARY = ['6', '2', '1'];

describe.each(LANGS)('USSD service information in %s', (lang, key) => {
  it('lists categories and services by number, shows the summary, sends the whole of it by SMS once', async () => {
    const caller = uniqueCaller();
    const phone = ussdPhone(caller);
    const intro = text('ussd.knowledge.categories.intro', lang);
    const inputs = [key, '6', '9', '2', '1'];
    const screens = await phone.walk(inputs);
    for (const screen of screens) expect(screenProblem(screen.slice(4))).toBeUndefined();
    expect(screens[2]).toMatch(new RegExp(`^CON ${intro}\n1\\. `));
    expect(screens[2]).toContain(text('ussd.more', lang));
    // A key with no item on the page: the same page again, with the reason first.
    expect(screens[3]).toBe(
      `CON ${text('ussd.main.invalid_choice', lang)}\n${screens[2]!.slice(4)}`,
    );
    expect(screens[4]).toMatch(
      new RegExp(`^CON ${text('ussd.knowledge.services.intro', lang)}\n1\\. `),
    );
    const summary = screens[5]!;
    const article = CIVIL_REGISTRATION.find((candidate) =>
      summary.startsWith(`CON ${toGsm7(candidate[lang].title)}: `),
    );
    expect(article).toBeDefined();
    expect(summary).toContain(`\n${text('ussd.knowledge.after', lang)}`);

    const sent = localOutbox.length;
    const path = [...inputs, '1'].join('*');
    const bySms = await phone.post(path);
    expect(bySms).toMatch(new RegExp(`^CON ${text('ussd.knowledge.summary_by_sms', lang)}\n`));
    // The gateway retries the step: the same screen, no second message.
    expect(await phone.post(path)).toBe(bySms);
    const messages = smsTo(localOutbox, caller, sent);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      prompt: 'knowledge.sms.summary',
      lang,
      vars: { title: article?.[lang].title, summary: article?.[lang].summary },
    });
  }, 120_000);

  it('sends the summary once when the gateway retries the step concurrently', async () => {
    const caller = uniqueCaller();
    const phone = ussdPhone(caller);
    await phone.walk([key, ...TO_SUMMARY]);
    const sent = localOutbox.length;
    const path = [key, ...TO_SUMMARY, '1'].join('*');
    const answers = await Promise.all([phone.post(path), phone.post(path), phone.post(path)]);
    expect(new Set(answers).size).toBe(1);
    // Racing requests may each queue it; delivery is idempotent on the notification's id.
    const queued = localOutbox.slice(sent).filter((sms) => sms.to === caller);
    expect(queued.length).toBeGreaterThan(0);
    const ids = new Set(queued.map((sms) => sms.id));
    expect(ids.size).toBe(1);
  }, 120_000);

  it('offers the first page again on the last of several, and 98 there goes to it', async () => {
    const phone = ussdPhone(uniqueCaller());
    const more = text('ussd.more', lang);
    const path = [key, '6'];
    const first = (await phone.walk(path)).at(-1);
    let last = '';
    // 98 until the last page of categories (a page of the operation's at a time)...
    for (let page = 0; page < 6 && last === ''; page++) {
      path.push('98');
      const screen = await phone.post(path.join('*'));
      if (!screen.includes(more)) last = screen;
    }
    expect(last).toContain(`\n${text('ussd.first', lang)}\n`);
    // ...then 98 there: the first page, whose keys choose as before.
    path.push('98');
    expect(await phone.post(path.join('*'))).toBe(first);
    expect(await phone.post([...path, '1'].join('*'))).toMatch(
      new RegExp(`^CON ${text('ussd.knowledge.services.intro', lang)}\n`),
    );
  }, 120_000);
});
