import templates from '#data/whatsapp-templates.json' with { type: 'json' };
import { getPrompt, SLOT } from '#shared/speech/catalogue.ts';
import type { Language } from '#shared/speech/language.ts';
import { type Speech, writtenSlot } from '#shared/speech/render.ts';

/**
 * The WhatsApp message templates submitted to Meta for approval (UTILITY category), one per
 * notice sent outside the 24-hour window, in English and Kiswahili: data/whatsapp-templates.json.
 * Each is the catalogue prompt the SMS sends, its slots numbered {{1}}, {{2}}… in order, so the
 * template and the SMS never say different things (a unit test holds the file to the catalogue).
 */
export interface WhatsAppTemplate {
  readonly name: string;
  readonly category: 'UTILITY';
  /** The catalogue prompt it stands for. */
  readonly prompt: string;
  /** The approved body per language, slots as {{n}}. */
  readonly body: Readonly<Record<Language, string>>;
}

export const WHATSAPP_TEMPLATES: readonly WhatsAppTemplate[] =
  templates.templates as readonly WhatsAppTemplate[];

export const templateFor = (prompt: string): WhatsAppTemplate | undefined =>
  WHATSAPP_TEMPLATES.find((template) => template.prompt === prompt);

/** The slots of a prompt, in order of appearance: `[name, type]`. */
const slotsOf = (text: string): [string, string][] =>
  [...text.matchAll(SLOT)].map((match) => [match[1] ?? '', match[2] ?? '']);

/** A prompt's text in one language as a template body: each slot becomes {{n}}. */
export const templateBody = (prompt: string, lang: Language): string => {
  let n = 0;
  return getPrompt(prompt)[lang].replace(SLOT, () => `{{${++n}}}`);
};

/** The template's parameter values: each slot of the prompt written as the SMS writes it. */
export const templateParameters = (
  template: WhatsAppTemplate,
  speech: Speech,
  lang: Language,
): string[] =>
  slotsOf(getPrompt(template.prompt)[lang]).map(([name, type]) => {
    const value = speech.vars?.[name];
    if (value === undefined)
      throw new Error(`Template ${template.name} needs a value for {${name}}`);
    return writtenSlot(type, value, lang);
  });
