import counties from '#data/counties.json' with { type: 'json' };
import centres from '#data/huduma-centres.json' with { type: 'json' };
import services from '#data/huduma-services.json' with { type: 'json' };
import topics from '#data/knowledge-topics.json' with { type: 'json' };
import categories from '#data/service-categories.json' with { type: 'json' };
import {
  clockTimeSw,
  MONTHS_SW,
  NUMBER_WORD_CLIPS,
  numberWords,
  WEEKDAYS_SW,
} from './kiswahili.ts';
import { PROMPT_FILES as FILES_BY_NAME } from './prompt-files.ts';

export interface PromptText {
  readonly en: string;
  readonly sw: string;
  /** Written only (chat, SMS, WhatsApp): never spoken, so never recorded. */
  readonly written?: boolean;
}

const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad = (n: number) => String(n).padStart(2, '0');

/** Spoken names derived from data/, so adding a centre, service or county needs no code change. */
const namePrompts = (): [string, PromptText][] => [
  ...centres.map((centre): [string, PromptText] => {
    const place = centre.name.replace(/ Huduma Centre$/, '');
    return [`centre.${centre.id}`, { en: centre.name, sw: `Kituo cha Huduma cha ${place}` }];
  }),
  ...services.map((service): [string, PromptText] => [`service.${service.id}`, service.spoken]),
  // General topics of the knowledge base are named like services (menus speak `service.<id>`).
  ...topics.map((topic): [string, PromptText] => [`service.${topic.id}`, topic.spoken]),
  ...categories.map((category): [string, PromptText] => [
    `knowledge.category.${category.id}`,
    category.spoken,
  ]),
  ...counties.map((county): [string, PromptText] => [
    `county.${county.code.slice(-2)}`,
    { en: `${county.name} County`, sw: `Kaunti ya ${county.name}` },
  ]),
];

/** Enumerated values: digits, dates, half-hour clock times and number words. */
const enumeratedPrompts = (): [string, PromptText][] => [
  ...Array.from({ length: 10 }, (_, d): [string, PromptText] => [
    `digit.${d}`,
    { en: String(d), sw: numberWords(d)[0]!.text },
  ]),
  ...WEEKDAYS_EN.map((en, i): [string, PromptText] => [
    `weekday.${i}`,
    { en, sw: WEEKDAYS_SW[i]! },
  ]),
  ...MONTHS_EN.map((en, i): [string, PromptText] => [`month.${i + 1}`, { en, sw: MONTHS_SW[i]! }]),
  ...Array.from({ length: 31 }, (_, i): [string, PromptText] => [
    `day.${i + 1}`,
    {
      en: String(i + 1),
      sw: `tarehe ${numberWords(i + 1)
        .map((w) => w.text)
        .join(' ')}`,
    },
  ]),
  ...Array.from({ length: 48 }, (_, i): [string, PromptText] => {
    const hours = Math.floor(i / 2);
    const minutes = (i % 2) * 30;
    return [
      `time.${pad(hours)}${pad(minutes)}`,
      { en: `${pad(hours)}:${pad(minutes)}`, sw: clockTimeSw(hours, minutes) },
    ];
  }),
  // Number words are Kiswahili clips only; English speaks numbers as figures.
  ...NUMBER_WORD_CLIPS.map((w): [string, PromptText] => [
    w.clip,
    { en: w.clip.slice(4), sw: w.text },
  ]),
  ['currency.kes', { en: 'shillings', sw: 'shilingi' }],
];

/**
 * The prompt files in prompts/ (each capability's and channel's, as their descriptors name
 * them, and the platform's), from the registry `npm run docs:capabilities` generates.
 */
export const PROMPT_FILES: readonly { prompts: Record<string, PromptText> }[] =
  Object.values(FILES_BY_NAME);

/** Every prompt id the platform can speak, with its English and Kiswahili text. */
export const promptCatalogue: ReadonlyMap<string, PromptText> = new Map([
  ...PROMPT_FILES.flatMap((file) => Object.entries(file.prompts)),
  ...namePrompts(),
  ...enumeratedPrompts(),
]);

/** A slot in a prompt template: `{name:type}`. */
export const SLOT = /\{(\w+):(\w+)\}/g;

export const getPrompt = (id: string): PromptText => {
  const prompt = promptCatalogue.get(id);
  if (!prompt) throw new Error(`Unknown prompt id: ${id}`);
  return prompt;
};

/**
 * Every Kiswahili clip the IVR can play, with the words to record: whole prompts, the parts of
 * prompts around their slots, and the enumerated values. This is the studio's recording list.
 */
export const kiswahiliRecordings = (): { id: string; text: string }[] =>
  [...promptCatalogue.keys()].flatMap((id) => {
    if (getPrompt(id).written) return [];
    const template = getPrompt(id).sw;
    const parts = template.replace(SLOT, '\u0000').split('\u0000');
    if (parts.length === 1) return [{ id, text: template }];
    return parts
      .filter((text) => /[\p{L}\p{N}]/u.test(text))
      .map((text, index) => ({
        id: `${id}.p${index + 1}`,
        text: text.trim().replace(/^[.,;:]\s*/, ''),
      }));
  });
