import { readFileSync, writeFileSync } from 'node:fs';
import counties from '#data/counties.json' with { type: 'json' };
import centres from '#data/huduma-centres.json' with { type: 'json' };
import services from '#data/huduma-services.json' with { type: 'json' };
import topics from '#data/knowledge-topics.json' with { type: 'json' };
import categories from '#data/service-categories.json' with { type: 'json' };
import type { PromptFile, PromptText } from '#shared/speech/prompt-text.ts';

/**
 * The spoken names lambdas/shared/speech/name-prompts.json holds, derived from data/: a handler
 * that speaks a centre or service bundles these few kilobytes, not the whole centre and service
 * records (hours, locations, requirements).
 */
export const NAME_PROMPTS_FILE = new URL(
  '../../lambdas/shared/speech/name-prompts.json',
  import.meta.url,
);

export const namePromptsFromData = (): PromptFile => ({
  prompts: Object.fromEntries([
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
  ]),
});

export const namePromptsSource = (): string =>
  `${JSON.stringify(namePromptsFromData(), null, 2)}\n`;

/** What name-prompts.json holds now (parsed: the formatter may lay it out its own way). */
export const documentedNamePrompts = (): PromptFile =>
  JSON.parse(readFileSync(NAME_PROMPTS_FILE, 'utf8')) as PromptFile;

/** Rewrites lambdas/shared/speech/name-prompts.json from data/. */
export const writeNamePrompts = (): void => writeFileSync(NAME_PROMPTS_FILE, namePromptsSource());
