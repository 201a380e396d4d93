import { audioStatus } from '#local/prompts/draft-audio.ts';
import { kiswahiliRecordings } from '#shared/speech/catalogue.ts';
import { commandLine } from './arguments.ts';

/**
 * `npm run -s prompts:recordings > recordings.csv`: every Kiswahili clip to record, as the file
 * name it must have in the prompt bucket (prompts/sw/<id>.wav) and the words to say. With
 * `--recorded <dir>` (studio recordings) and `--drafts <dir>` (npm run prompts:draft-audio) a
 * third column says which each clip has now: `recorded`, `draft` (to be replaced by a studio
 * recording) or `missing`.
 */
const USAGE =
  'Usage: npm run -s prompts:recordings [-- --recorded <dir>] [--drafts <dir>] > recordings.csv';
const { values } = commandLine(USAGE, {
  options: { recorded: { type: 'string' }, drafts: { type: 'string' } },
});
const withStatus = values.recorded !== undefined || values.drafts !== undefined;
const csv = (value: string) => `"${value.replaceAll('"', '""')}"`;
console.log(withStatus ? 'file,kiswahili,status' : 'file,kiswahili');
for (const clip of kiswahiliRecordings()) {
  const status = withStatus
    ? `,${audioStatus(clip.id, { recordedDir: values.recorded, draftDir: values.drafts }).status}`
    : '';
  console.log(`${csv(`prompts/sw/${clip.id}.wav`)},${csv(clip.text)}${status}`);
}
