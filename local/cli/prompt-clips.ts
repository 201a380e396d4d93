import { catalogueFiles } from '#shared/data/catalogue-files.ts';
import { LOCAL_PROMPT_AUDIO_URI } from '../arns.ts';

// The renderer reads its environment at import: give it the local prompt location.
process.env.PROMPT_AUDIO_URI ??= LOCAL_PROMPT_AUDIO_URI;
const { getPrompt, promptCatalogue } = await import('#shared/speech/catalogue.ts');
const { renderClips } = await import('#shared/speech/render.ts');

/** A value of each slot type, enough to make the renderer name the recorded parts around it. */
const sample: Record<string, string | number> = {
  digits: '1',
  date: '2026-01-01',
  time: '07:00',
  number: 1,
  amount: 1,
  centre: catalogueFiles.centres[0]?.id ?? '',
  service: catalogueFiles.services[0]?.id ?? '',
  county: catalogueFiles.counties[0]?.code.slice(-2) ?? '',
  prompt: 'main.goodbye',
};

/**
 * Every Kiswahili recording the IVR can play, as its path under the prompt bucket's
 * prompts/ folder (sw/<clip id>.wav): what an operator uploads after deploying.
 */
const clips = new Set<string>();
for (const id of promptCatalogue.keys()) {
  const vars = Object.fromEntries(
    [...getPrompt(id).sw.matchAll(/\{(\w+):(\w+)\}/g)].map(([, name, type]) => [
      name,
      sample[type as string] ?? '',
    ]),
  );
  for (const clip of renderClips({ prompt: id, vars }, 'sw')) clips.add(`sw/${clip.id}.wav`);
}
console.log([...clips].sort().join('\n'));
