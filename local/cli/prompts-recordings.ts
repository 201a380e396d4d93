import { kiswahiliRecordings } from '#shared/speech/catalogue.ts';

/**
 * `npm run -s prompts:recordings > recordings.csv`: every Kiswahili clip to record, as the file
 * name it must have in the prompt bucket (prompts/sw/<id>.wav) and the words to say.
 */
const csv = (value: string) => `"${value.replaceAll('"', '""')}"`;
console.log('file,kiswahili');
for (const clip of kiswahiliRecordings())
  console.log(`${csv(`prompts/sw/${clip.id}.wav`)},${csv(clip.text)}`);
