import type { Language } from '#shared/speech/language.ts';

/** What a customer can type at any step, in either language. */
export type GlobalCommand = 'AGENT' | 'MENU' | 'HELP';

/** Each command word, and the language it is a word of ("0" is neither). */
const COMMANDS: Readonly<Record<string, readonly [GlobalCommand, Language?]>> = {
  '0': ['AGENT'],
  agent: ['AGENT', 'en'],
  wakala: ['AGENT', 'sw'],
  menu: ['MENU', 'en'],
  menyu: ['MENU', 'sw'],
  help: ['HELP', 'en'],
  msaada: ['HELP', 'sw'],
};

/** What the customer wrote, trimmed, lower case, with spaces and trailing punctuation folded. */
export const normalise = (text: string): string =>
  text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.!?]+$/, '');

/** The global command the text is, if it is one ("0", "agent", "menyu", "Msaada!"). */
export const globalCommand = (text: string): GlobalCommand | undefined =>
  COMMANDS[normalise(text)]?.[0];

/** The language a command word is in ("wakala": Kiswahili), before the customer chose one. */
export const commandLanguage = (text: string): Language | undefined =>
  COMMANDS[normalise(text)]?.[1];

const LANGUAGE_WORDS: Readonly<Record<string, Language>> = {
  english: 'en',
  kiingereza: 'en',
  en: 'en',
  kiswahili: 'sw',
  swahili: 'sw',
  sw: 'sw',
};

/** A language named in words ("English", "Kiswahili"): switches language at any step. */
export const languageWord = (text: string): Language | undefined => LANGUAGE_WORDS[normalise(text)];

/** The answer to the language question: 1 or 2, or the language's name. */
export const languageChoice = (text: string): Language | undefined => {
  const value = normalise(text);
  if (value === '1') return 'en';
  if (value === '2') return 'sw';
  return languageWord(value);
};

/** A channel's locale hint (`sw`, `sw-KE`, `en_GB`) as one of our languages. */
export const languageFromLocale = (locale: string | undefined): Language | undefined => {
  const primary = locale?.toLowerCase().split(/[-_]/)[0];
  return primary === 'sw' ? 'sw' : primary === 'en' ? 'en' : undefined;
};

/** SMS keywords: a one-message document status, and the opt-out / opt-in words. */
export type SmsKeyword =
  | { readonly kind: 'TRACK'; readonly lang: Language; readonly args: readonly string[] }
  | { readonly kind: 'STOP' }
  | { readonly kind: 'START' };

const STOP_WORDS = new Set(['stop', 'stopall', 'unsubscribe', 'sitisha']);
const START_WORDS = new Set(['start', 'unstop', 'anza']);

/** `TRACK 12345678 5678` (English), `HALI 12345678 5678` (Kiswahili), STOP, START. */
export const smsKeyword = (text: string): SmsKeyword | undefined => {
  const [word = '', ...args] = normalise(text).split(' ');
  if (word === 'track') return { kind: 'TRACK', lang: 'en', args };
  if (word === 'hali') return { kind: 'TRACK', lang: 'sw', args };
  if (args.length === 0 && STOP_WORDS.has(word)) return { kind: 'STOP' };
  if (args.length === 0 && START_WORDS.has(word)) return { kind: 'START' };
  return undefined;
};
