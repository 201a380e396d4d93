import counties from '#data/counties.json' with { type: 'json' };
import centres from '#data/huduma-centres.json' with { type: 'json' };
import services from '#data/huduma-services.json' with { type: 'json' };
import topics from '#data/knowledge-topics.json' with { type: 'json' };
import categories from '#data/service-categories.json' with { type: 'json' };
import type { PromptFile, PromptText } from './prompt-text.ts';

/**
 * Spoken names derived from data/, so adding a centre, service or county needs no code change:
 * what `{name:centre}`, `{name:service}` and `{name:county}` slots and the knowledge menus speak.
 */
export const NAME_PROMPTS: PromptFile = {
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
};
