/** Kiswahili words for numbers, dates and clock times, used to name and transcribe recorded clips. */

const UNITS = ['sifuri', 'moja', 'mbili', 'tatu', 'nne', 'tano', 'sita', 'saba', 'nane', 'tisa'];
const TENS = [
  '',
  'kumi',
  'ishirini',
  'thelathini',
  'arobaini',
  'hamsini',
  'sitini',
  'sabini',
  'themanini',
  'tisini',
];

export const WEEKDAYS_SW = [
  'Jumapili',
  'Jumatatu',
  'Jumanne',
  'Jumatano',
  'Alhamisi',
  'Ijumaa',
  'Jumamosi',
];
export const MONTHS_SW = [
  'Januari',
  'Februari',
  'Machi',
  'Aprili',
  'Mei',
  'Juni',
  'Julai',
  'Agosti',
  'Septemba',
  'Oktoba',
  'Novemba',
  'Desemba',
];

/** A number word clip: `num.<value>` for 0-9, tens, and the group words mia, elfu, milioni, and `num.na`. */
export interface NumberWord {
  readonly clip: string;
  readonly text: string;
}

const word = (clip: string, text: string): NumberWord => ({ clip: `num.${clip}`, text });
const NA = word('na', 'na');

const belowHundred = (n: number): NumberWord[] => {
  const tens = Math.floor(n / 10);
  const units = n % 10;
  if (tens === 0) return [word(String(units), UNITS[units]!)];
  const parts = [word(String(tens * 10), TENS[tens]!)];
  return units === 0 ? parts : [...parts, NA, word(String(units), UNITS[units]!)];
};

const belowThousand = (n: number): NumberWord[] => {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const parts = hundreds > 0 ? [word('100', 'mia'), word(String(hundreds), UNITS[hundreds]!)] : [];
  if (rest === 0) return parts;
  return parts.length > 0 ? [...parts, NA, ...belowHundred(rest)] : belowHundred(rest);
};

/**
 * Kiswahili number words, composed from a small set of recordable clips:
 * 25430 → elfu ishirini na tano, mia nne na thelathini.
 */
export const numberWords = (value: number): NumberWord[] => {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`Cannot speak ${value}`);
  if (value === 0) return [word('0', UNITS[0]!)];
  const millions = Math.floor(value / 1_000_000);
  const thousands = Math.floor((value % 1_000_000) / 1000);
  const rest = value % 1000;
  const groups: NumberWord[][] = [];
  if (millions > 0) groups.push([word('1000000', 'milioni'), ...belowThousand(millions)]);
  if (thousands > 0) groups.push([word('1000', 'elfu'), ...belowThousand(thousands)]);
  if (rest > 0) groups.push(belowThousand(rest));
  return groups.flatMap((group, index) =>
    index > 0 && index === groups.length - 1 && rest < 100 ? [NA, ...group] : group,
  );
};

/** Every clip numberWords can produce. */
export const NUMBER_WORD_CLIPS: NumberWord[] = [
  ...UNITS.map((text, n) => word(String(n), text)),
  ...TENS.slice(1).map((text, n) => word(String((n + 1) * 10), text)),
  word('100', 'mia'),
  word('1000', 'elfu'),
  word('1000000', 'milioni'),
  NA,
];

/**
 * Swahili time counts hours from dawn (06:00 is "saa kumi na mbili", 07:00 "saa moja").
 * Only the whole and half hour are enumerated: appointment slots sit on that grid.
 */
export const clockTimeSw = (hours: number, minutes: number): string => {
  const swahiliHour = (hours + 6) % 12 || 12;
  const hourWords =
    swahiliHour < 10
      ? UNITS[swahiliHour]
      : swahiliHour === 10
        ? 'kumi'
        : `kumi na ${UNITS[swahiliHour - 10]}`;
  const period =
    hours < 6 || hours >= 19 ? 'usiku' : hours < 12 ? 'asubuhi' : hours < 16 ? 'mchana' : 'jioni';
  return `saa ${hourWords}${minutes === 30 ? ' na nusu' : ''} ${period}`;
};
