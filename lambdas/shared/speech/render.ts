import * as z from '#shared/zod.ts';
import { numberWords } from './kiswahili.ts';
import { type Language, LanguageSchema } from './language.ts';
import { getPrompt, SLOT } from './prompts.ts';

export { type Language, LanguageSchema };

/** A prompt id and the values for its slots: what a use case asks the caller to hear. */
export interface Speech {
  readonly prompt: string;
  readonly vars?: Readonly<Record<string, string | number>>;
}

/** One spoken piece: a recorded Kiswahili clip id and its text. */
export interface Clip {
  readonly id: string;
  readonly text: string;
}

/** Connect plays at most this many Kiswahili clips for one dynamic message (contact-flows/modules/say-clips.json). */
export const MAX_CLIPS = 16;

/** What a handler that speaks reads from its environment. */
export const SpeechEnvironmentSchema = z.object({
  // Base of the recorded Kiswahili clips, e.g. s3://bucket/prompts; a clip is <base>/sw/<id>.wav.
  PROMPT_AUDIO_URI: z.string().check(z.regex(/^s3:\/\/[^/]+(\/.*)?$/)),
});

/** Where the recorded Kiswahili clips are: from the handler's setup. */
export interface SpeechSettings {
  readonly promptAudioUri: string;
}

export const speechSettingsFrom = (
  config: z.infer<typeof SpeechEnvironmentSchema>,
): SpeechSettings => ({ promptAudioUri: config.PROMPT_AUDIO_URI });

const promptClip = (id: string, lang: Language): Clip => ({ id, text: getPrompt(id)[lang] });

/** Renders one slot value as clips in the given language. */
const slotClips = (type: string, value: string | number, lang: Language): Clip[] => {
  const text = String(value);
  switch (type) {
    case 'digits':
      return [...text].map((digit) => promptClip(`digit.${digit}`, lang));
    case 'centre':
    case 'service':
    case 'county':
      return [promptClip(`${type}.${text}`, lang)];
    case 'prompt':
      return [promptClip(text, lang)];
    case 'date': {
      // A calendar date (YYYY-MM-DD) in Africa/Nairobi; the weekday does not depend on the zone.
      const [year, month, day] = text.split('-').map(Number) as [number, number, number];
      const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
      return lang === 'en'
        ? [
            {
              id: 'date',
              text: `${getPrompt(`weekday.${weekday}`).en} ${day} ${getPrompt(`month.${month}`).en}`,
            },
          ]
        : [
            promptClip(`weekday.${weekday}`, lang),
            promptClip(`day.${day}`, lang),
            promptClip(`month.${month}`, lang),
          ];
    }
    case 'time':
      return [promptClip(`time.${text.replace(':', '')}`, lang)];
    case 'slot': {
      // An appointment slot id, YYYY-MM-DDTHH:MM (Africa/Nairobi): the date, then the time.
      const [date = '', time = ''] = text.split('T');
      const clips = [...slotClips('date', date, lang), ...slotClips('time', time, lang)];
      return lang === 'en'
        ? [{ id: 'slot', text: `${clips[0]?.text} at ${clips[1]?.text}` }]
        : clips;
    }
    case 'text':
      // Free text (a resolution an agency wrote) is for written messages only: no clip exists.
      throw new Error('A {name:text} slot can only be written, not played');
    case 'number':
    case 'amount': {
      const amount = Number(value);
      const currency = type === 'amount' ? [promptClip('currency.kes', lang)] : [];
      if (lang === 'en')
        return [{ id: 'number', text: amount.toLocaleString('en-KE') }, ...currency];
      // Kiswahili puts the currency first: "shilingi elfu moja".
      return [...currency, ...numberWords(amount).map((w) => ({ id: w.clip, text: w.text }))];
    }
    default:
      throw new Error(`Unknown slot type ${type}`);
  }
};

/**
 * Renders a prompt with its slot values into clips: recorded static parts (`<id>` or
 * `<id>.p<n>` around slots) and enumerated values (digits, dates, names).
 */
export const renderClips = ({ prompt, vars = {} }: Speech, lang: Language): Clip[] => {
  const template = getPrompt(prompt)[lang];
  const clips: Clip[] = [];
  let part = 0;
  let last = 0;
  const pushStatic = (text: string) => {
    // Punctuation between slots is not worth a recording.
    if (/[\p{L}\p{N}]/u.test(text))
      clips.push({ id: `${prompt}.p${++part}`, text: text.trim().replace(/^[.,;:]\s*/, '') });
  };
  for (const match of template.matchAll(SLOT)) {
    const [, name, type] = match as unknown as [string, string, string];
    const value = vars[name];
    if (value === undefined) throw new Error(`Prompt ${prompt} needs a value for {${name}}`);
    pushStatic(template.slice(last, match.index));
    clips.push(...slotClips(type, value, lang));
    last = match.index + match[0].length;
  }
  if (part === 0 && last === 0) return [{ id: prompt, text: template }];
  pushStatic(template.slice(last));
  return clips;
};

const slotText = (type: string, value: string | number, lang: Language): string =>
  slotClips(type, value, lang)
    .map((clip) => clip.text)
    .join(' ');

/** One slot value as a written message writes it (digits together, free text as it is). */
export const writtenSlot = (type: string, value: string | number, lang: Language): string =>
  type === 'digits' || type === 'text' ? String(value) : slotText(type, value, lang);

/** Renders a prompt's text in one language, with slot values spoken naturally. */
export const renderText = ({ prompt, vars = {} }: Speech, lang: Language): string =>
  getPrompt(prompt)[lang].replace(SLOT, (_, name: string, type: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`Prompt ${prompt} needs a value for {${name}}`);
    return slotText(type, value, lang);
  });

/**
 * Renders a prompt for a written message (SMS, email): like {@link renderText}, but digits are
 * written together (a reference reads 70000009, not 7 0 0 …) and `text` slots are copied as
 * they are.
 */
export const renderMessage = ({ prompt, vars = {} }: Speech, lang: Language): string =>
  getPrompt(prompt)[lang].replace(SLOT, (_, name: string, type: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`Prompt ${prompt} needs a value for {${name}}`);
    if (type === 'digits' || type === 'text') return String(value);
    return slotText(type, value, lang);
  });

/** The S3 location of a recorded Kiswahili clip. */
export const clipUri = (clipId: string, { promptAudioUri }: SpeechSettings): string =>
  `${promptAudioUri}/sw/${clipId}.wav`;

/** The text and, in Kiswahili, the clips of a speech; throws when it cannot be spoken. */
const spoken = (speech: Speech, lang: Language): { text: string; clips?: Clip[] } => {
  const text = renderText(speech, lang);
  if (lang === 'en') return { text };
  const clips = renderClips(speech, lang);
  if (clips.length > MAX_CLIPS)
    throw new Error(
      `Prompt ${speech.prompt} renders ${clips.length} clips; at most ${MAX_CLIPS} can be played`,
    );
  return { text, clips };
};

/** Throws when the speech cannot be spoken in the language (unknown prompt, slot value or too many clips). */
export const assertSpeakable = (speech: Speech, lang: Language): void => {
  spoken(speech, lang);
};

/**
 * Flat attributes a flow speaks: `say` (text: English TTS, chat and SMS in either language),
 * `sayPrompt` (the prompt id) and, for Kiswahili voice, `clip1..clipN` with `clipCount`.
 */
export const renderSpeech = (
  speech: Speech,
  lang: Language,
  settings: SpeechSettings,
): Record<string, string> => {
  const { text, clips } = spoken(speech, lang);
  const rendered: Record<string, string> = { say: text, sayPrompt: speech.prompt };
  if (!clips) return rendered;
  clips.forEach((clip, index) => {
    rendered[`clip${index + 1}`] = clipUri(clip.id, settings);
  });
  return { ...rendered, clipCount: String(clips.length) };
};
