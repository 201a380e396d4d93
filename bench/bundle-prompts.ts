import { readFileSync } from 'node:fs';
import type { Metafile } from 'esbuild';
import { promptCatalogue, SLOT } from '#shared/speech/catalogue.ts';
import { enumeratedPrompts } from '#shared/speech/enumerated-prompts.ts';
import { NAME_PROMPTS } from '#shared/speech/name-prompts.ts';

/** Inputs that put bytes in the bundle. */
const carriedInputs = (metafile: Metafile): string[] =>
  Object.values(metafile.outputs).flatMap((output) =>
    Object.entries(output.inputs)
      .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
      .map(([input]) => input),
  );

/**
 * Dialogues run on the USSD and text channels, whose handlers carry the whole catalogue; a flow
 * handler's bundle holds its capability's dialogue (the descriptor names it) without running it.
 */
const DIALOGUES = /^lambdas\/(shared\/dialogue\/|[^/]+\/dialogue\.ts$)/;

const NAME_SLOTS = new Set(['centre', 'service', 'county']);

/**
 * Prompt ids a bundle's own code names (string literals, and the fixed start of template
 * literals such as `tracking.status.${status}`) that the prompts it carries do not hold: what
 * would throw "Unknown prompt id" in that Lambda once its handler registers only some files.
 */
export const promptsMissingFrom = (metafile: Metafile): string[] => {
  const inputs = carriedInputs(metafile);
  const carried = new Map(enumeratedPrompts());
  for (const input of inputs.filter((path) => /^prompts\/.*\.json$/.test(path)))
    for (const [id, text] of Object.entries(
      (JSON.parse(readFileSync(input, 'utf8')) as typeof NAME_PROMPTS).prompts,
    ))
      carried.set(id, text);
  if (inputs.includes('lambdas/shared/speech/name-prompts.ts'))
    for (const [id, text] of Object.entries(NAME_PROMPTS.prompts)) carried.set(id, text);
  const named = new Set<string>();
  for (const input of inputs.filter(
    (path) => /^lambdas\/.*\.ts$/.test(path) && !DIALOGUES.test(path),
  ))
    for (const [, id, template] of readFileSync(input, 'utf8').matchAll(
      /['"`]([a-z][a-z-]*\.[a-z0-9_.]*)(\$\{)?/g,
    ))
      if (template) named.add(`${id}*`);
      else if (promptCatalogue.has(id!)) named.add(id!);
  const missing = [...named].flatMap((id) =>
    id.endsWith('*')
      ? [...promptCatalogue.keys()].filter(
          (known) => known.startsWith(id.slice(0, -1)) && !carried.has(known),
        )
      : carried.has(id)
        ? []
        : [id],
  );
  // A name slot needs the names of data/ in the bundle.
  const names = inputs.includes('lambdas/shared/speech/name-prompts.ts');
  const needNames = [...carried].filter(
    ([, text]) => !names && [...text.en.matchAll(SLOT)].some(([, , type]) => NAME_SLOTS.has(type!)),
  );
  return [...new Set([...missing, ...needNames.map(([id]) => `${id} (names)`)])].sort();
};
