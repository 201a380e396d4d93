import {
  clockTimeSw,
  MONTHS_SW,
  NUMBER_WORD_CLIPS,
  numberWords,
  WEEKDAYS_SW,
} from './kiswahili.ts';
import type { PromptText } from './prompt-text.ts';

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

/** Enumerated values: digits, dates, half-hour clock times and number words. */
export const enumeratedPrompts = (): [string, PromptText][] => [
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
