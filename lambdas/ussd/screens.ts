import type { DialogueAsk } from '#shared/dialogue/turn.ts';
import { promptCatalogue } from '#shared/speech/catalogue.ts';
import { type Language, renderMessage, type Speech } from '#shared/speech/render.ts';

/** What a USSD screen may hold: 182 GSM-7 characters (one non-GSM character halves it). */
export const MAX_SCREEN_CHARS = 182;

/** The GSM 03.38 default alphabet, and its extension table (each of those counts twice). */
const GSM7_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM7_EXTENDED = new Set('^{}\\[~]|€\f');

/** The characters a text takes in GSM-7, or undefined when it holds one that GSM-7 lacks. */
export const gsm7Length = (text: string): number | undefined => {
  let length = 0;
  for (const char of text) {
    if (GSM7_BASIC.has(char)) length += 1;
    else if (GSM7_EXTENDED.has(char)) length += 2;
    else return undefined;
  }
  return length;
};

/** Why a text cannot be a USSD screen (`NOT_GSM7`, `TOO_LONG`), if it cannot. */
export const screenProblem = (text: string): 'NOT_GSM7' | 'TOO_LONG' | undefined => {
  const length = gsm7Length(text);
  if (length === undefined) return 'NOT_GSM7';
  return length > MAX_SCREEN_CHARS ? 'TOO_LONG' : undefined;
};

const LOOKALIKES: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2026': '...',
  '\u00A0': ' ',
};

const fallback = (char: string): string => {
  const lookalike = LOOKALIKES[char];
  if (lookalike !== undefined) return lookalike;
  // A letter with a mark GSM-7 lacks (ā, ô) loses the mark; anything else is dropped.
  const base = char.normalize('NFD')[0] ?? '';
  return GSM7_BASIC.has(base) ? base : '';
};

/** Dynamic text (a name from data, a resolution) made GSM-7: look-alikes replaced, the rest dropped. */
export const toGsm7 = (text: string): string =>
  [...text.normalize('NFC')]
    .map((char) => (GSM7_BASIC.has(char) || GSM7_EXTENDED.has(char) ? char : fallback(char)))
    .join('');

/** The USSD wording of a prompt: its `ussd.<id>` variant where one exists, else the prompt itself. */
export const ussdPromptId = (prompt: string): string =>
  prompt.startsWith('ussd.') || !promptCatalogue.has(`ussd.${prompt}`) ? prompt : `ussd.${prompt}`;

/** A speech as USSD text, in GSM-7. */
export const ussdText = (speech: Speech, lang: Language): string =>
  toGsm7(renderMessage({ ...speech, prompt: ussdPromptId(speech.prompt) }, lang)).trim();

const clip = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, Math.max(0, max - 3)).trimEnd()}...`;

/**
 * Said texts shortened to fit the screen rather than sent by SMS: a knowledge summary, whose
 * whole text the next menu offers by SMS (knowledge dialogue, `after`).
 */
export const SHORTENED_ON_SCREEN: ReadonlySet<string> = new Set(['ussd.knowledge.summary']);

/** A text cut at a word to at most `max` GSM-7 characters, `...` marking the cut. */
export const shortenAtWord = (text: string, max: number): string => {
  if ((gsm7Length(text) ?? Number.POSITIVE_INFINITY) <= max) return text;
  for (let end = Math.min(text.length, max - 3); end > 0; end--) {
    const cut = text.slice(0, end);
    const word = cut.lastIndexOf(' ');
    const shortened = `${(word > end / 2 ? cut.slice(0, word) : cut).trimEnd()}...`;
    if ((gsm7Length(shortened) ?? Number.POSITIVE_INFINITY) <= max) return shortened;
  }
  return '';
};

const USSD_MORE = { next: 'ussd.more', first: 'ussd.first' } as const;

/** The question part of a screen: an input's or choice's words, or a page of a list. */
const askText = (ask: DialogueAsk, lang: Language, room: number): string => {
  if (ask.kind !== 'list') return ussdText(ask.speech, lang);
  const heading = ussdText(ask.speech, lang);
  const more = ask.more ? `\n${ussdText({ prompt: USSD_MORE[ask.more] }, lang)}` : '';
  const lines = ask.items.map((item) => `${item.key}. ${ussdText(item.label, lang)}`);
  const fixed = heading.length + more.length + ask.items.length;
  // Long names are shortened so the page fits, rather than the list cut.
  const perLine = Math.floor((room - fixed) / Math.max(1, lines.length));
  return `${heading}\n${lines.map((line) => clip(line, perLine)).join('\n')}${more}`;
};

export interface UssdScreen {
  /** `CON …` (more to come) or `END …` (the last screen), as the gateway expects. */
  readonly response: string;
  /** What did not fit, to be sent by SMS instead. */
  readonly sms?: string;
}

/**
 * One screen: what is said (results, reasons), then the question or the last words, with the
 * way back and to the main menu when there is room. What is said and does not fit goes by SMS,
 * and the screen says so.
 */
export const composeScreen = (
  {
    said,
    ask,
    end,
    nav = true,
  }: {
    readonly said: readonly Speech[];
    readonly ask?: DialogueAsk;
    readonly end?: Speech;
    readonly nav?: boolean;
  },
  lang: Language,
): UssdScreen => {
  const prefix = ask ? 'CON ' : 'END ';
  const room = MAX_SCREEN_CHARS;
  const question = ask ? askText(ask, lang, room) : end ? ussdText(end, lang) : '';
  const saidTexts = said.map((speech) => ussdText(speech, lang));
  const footer = ask && nav ? ussdText({ prompt: 'ussd.nav' }, lang) : '';
  const join = (parts: readonly string[]) => parts.filter((part) => part.length > 0).join('\n');
  const fits = (text: string) => (gsm7Length(text) ?? Number.POSITIVE_INFINITY) <= room;

  let body = join([...saidTexts, question]);
  let sms: string | undefined;
  const shortened = said.findIndex((speech) =>
    SHORTENED_ON_SCREEN.has(ussdPromptId(speech.prompt)),
  );
  if (!fits(body) && shortened >= 0) {
    const others = join([...saidTexts.filter((_, k) => k !== shortened), question, footer]);
    const left = MAX_SCREEN_CHARS - (gsm7Length(others) ?? MAX_SCREEN_CHARS) - 1;
    const texts = saidTexts.map((text, k) => (k === shortened ? shortenAtWord(text, left) : text));
    body = join([...texts, question]);
  }
  if (!fits(body)) {
    sms = saidTexts.join(' ');
    body = join([ussdText({ prompt: 'ussd.sms_sent' }, lang), question]);
  }
  if (!fits(body)) body = clip(body, room);
  if (footer && fits(`${body}\n${footer}`)) body = `${body}\n${footer}`;
  return { response: `${prefix}${body}`, ...(sms && { sms }) };
};
