import { AFTER_SUMMARY, SUMMARY_WRITTEN } from '#lambdas/knowledge/dialogue.ts';
import type { Article } from '#shared/data/knowledge.model.ts';
import type { DialoguePrompt } from '#shared/dialogue/types.ts';
import { type PromptText, promptCatalogue, SLOT } from '#shared/speech/catalogue.ts';
import type { Language } from '#shared/speech/render.ts';
import { USSD_DIALOGUES } from './menu.ts';
import { composeScreen, screenProblem, toGsm7, ussdPromptId, ussdText } from './screens.ts';

const LANGUAGES: readonly Language[] = ['en', 'sw'];

/** Prompts of prompts/ussd.json that are never a screen (the SMS a result goes by). */
const NOT_SCREENS = new Set(['ussd.sms_result']);

/** The longest text among catalogue prompts whose id starts with `prefix`, per language. */
const longest = (
  catalogue: ReadonlyMap<string, PromptText>,
  prefix: string,
  lang: Language,
): string =>
  [...catalogue]
    .filter(([id]) => id.startsWith(prefix))
    .map(([, text]) => text[lang])
    .reduce((a, b) => (b.length > a.length ? b : a), '');

/** The longest value a slot can take on a screen, per slot type (and `prompt` slots by name). */
const sampleValue = (
  catalogue: ReadonlyMap<string, PromptText>,
  name: string,
  type: string,
  lang: Language,
): string => {
  switch (type) {
    case 'digits':
      return '1234567890';
    case 'centre':
    case 'service':
    case 'county':
      return longest(catalogue, `${type}.`, lang);
    case 'slot':
    case 'date':
      // The longest weekday and month names, a two-digit day, a time.
      return `${longest(catalogue, 'weekday.', lang)} ${longest(catalogue, 'day.', lang)} ${longest(catalogue, 'month.', lang)}${type === 'slot' ? ' 14:30' : ''}`;
    case 'time':
      return longest(catalogue, 'time.', lang);
    case 'number':
    case 'amount':
      return '1,000,000 shillings';
    case 'prompt':
      return name === 'request' ? longest(catalogue, 'pensions.request.', lang) : 'x'.repeat(40);
    default:
      return 'x'.repeat(40);
  }
};

/** The prompt ids a USSD dialogue can put on a screen (its USSD wording where it has one). */
export const ussdDialoguePrompts = (): ReadonlySet<string> => {
  const ids = new Set<string>();
  const add = (prompt: DialoguePrompt | undefined) => {
    if (prompt) ids.add(prompt.ussd ?? ussdPromptId(prompt.prompt));
  };
  for (const dialogue of USSD_DIALOGUES)
    for (const step of Object.values(dialogue.steps)) {
      if (step.kind !== 'lookup') add(step.ask);
      else {
        for (const input of step.inputs)
          if (!input.freeText && (!input.channels || input.channels.includes('ussd')))
            [input.ask, input.invalid, input.noInput].forEach(add);
        add(step.giveUp);
      }
      if (step.kind === 'list' && 'items' in step.source)
        for (const item of step.source.items) ids.add(ussdPromptId(item.prompt));
      const outcomes = step.kind === 'choice' ? {} : (step.outcomes ?? {});
      for (const handling of Object.values(outcomes))
        if (handling.say !== 'result') add(handling.say);
    }
  return ids;
};

/**
 * Every USSD text in both languages that cannot be a screen: longer than 182 characters with
 * its longest values, or holding a character GSM-7 lacks (which would switch the phone to
 * UCS-2 and halve the screen). The USSD construct fails synthesis on any; `catalogue` lets a
 * test try texts that are not in prompts/.
 */
export const ussdTextProblems = (
  catalogue: ReadonlyMap<string, PromptText> = promptCatalogue,
): string[] => {
  const ids = new Set([
    ...[...catalogue.keys()].filter((id) => id.startsWith('ussd.') && !NOT_SCREENS.has(id)),
    ...ussdDialoguePrompts(),
  ]);
  const problems: string[] = [];
  for (const id of [...ids].sort()) {
    const text = catalogue.get(id);
    if (!text) {
      problems.push(`${id}: not in the prompt catalogue`);
      continue;
    }
    for (const lang of LANGUAGES) {
      const rendered = text[lang].replace(SLOT, (_, name: string, type: string) =>
        sampleValue(catalogue, name, type, lang),
      );
      const problem = screenProblem(rendered);
      if (problem)
        problems.push(`${id} (${lang}): ${problem}, ${rendered.length} characters: ${rendered}`);
    }
  }
  return problems;
};

/** An article's title and summary in one language, as the knowledge `summary` operation gives them. */
export interface ArticleSummary {
  readonly id: string;
  readonly lang: Language;
  readonly title: string;
  readonly summary: string;
}

/** Every article's summary in both languages. */
export const articleSummaries = (articles: readonly Article[]): ArticleSummary[] =>
  articles.flatMap((article) =>
    LANGUAGES.map((lang) => ({
      id: article.id,
      lang,
      title: article[lang].title,
      summary: article[lang].summary,
    })),
  );

/** The least of a summary a screen must still show once shortened (with its title in full). */
export const MIN_SUMMARY_SHOWN = 40;

/** The screen an article's summary is shown on: the dialogue's own words and the menu after it. */
export const articleScreen = ({ title, summary, lang }: ArticleSummary): string => {
  return composeScreen(
    {
      said: [{ prompt: SUMMARY_WRITTEN.ussd, vars: { title, summary } }],
      ask: { kind: 'choice', speech: AFTER_SUMMARY, keys: ['1', '2'] },
    },
    lang,
  ).response;
};

/**
 * Articles whose summary screen would be wrong: not GSM-7 or too long (never, by construction,
 * unless the words around it are), the menu after it or the title cut, or so little of the
 * summary left that the screen says nothing. The summary itself may be shortened at a word:
 * its whole text goes by SMS from the menu (`1`).
 */
export const articleScreenProblems = (articles: readonly ArticleSummary[]): string[] =>
  articles.flatMap((article) => {
    const screen = articleScreen(article);
    const body = screen.slice(4);
    const title = toGsm7(article.title).trim();
    const menu = ussdText(AFTER_SUMMARY, article.lang);
    const problem = screenProblem(body);
    const shown = body.startsWith(`${title}: `)
      ? body.slice(title.length + 2).split(`\n${menu}`)[0]?.length
      : 0;
    const reasons = [
      ...(problem ? [problem] : []),
      ...(body.includes(menu) ? [] : ['MENU_CUT']),
      ...((shown ?? 0) < MIN_SUMMARY_SHOWN ? ['SUMMARY_HIDDEN'] : []),
    ];
    return reasons.length > 0
      ? [`article ${article.id} (${article.lang}): ${reasons.join(', ')}: ${body}`]
      : [];
  });
