import { audioStatus, generateDraftAudio, isConnectAudio } from '#local/prompts/draft-audio.ts';
import { kiswahiliRecordings } from '#shared/speech/catalogue.ts';
import { commandLine } from './arguments.ts';

/**
 * `npm run prompts:draft-audio [-- --recorded recordings/sw] [--out .local/draft-audio/sw]`:
 * draft audio (espeak-ng's Swahili voice, sox to WAV 8 kHz mono μ-law) for every Kiswahili
 * clip without a studio recording, for the deploy to upload until the studio's replace them.
 * `--check`: instead, verify that every clip has audio, recorded or draft, in Connect's format.
 */
const USAGE = 'Usage: npm run prompts:draft-audio [-- --recorded <dir>] [--out <dir>] [--check]';
const { values } = commandLine(USAGE, {
  options: {
    recorded: { type: 'string', default: 'recordings/sw' },
    out: { type: 'string', default: '.local/draft-audio/sw' },
    check: { type: 'boolean', default: false },
  },
});
const clips = kiswahiliRecordings();

if (values.check) {
  const problems = clips.flatMap((clip) => {
    const { status, file } = audioStatus(clip.id, {
      recordedDir: values.recorded,
      draftDir: values.out,
    });
    if (!file) return [`${clip.id}: no recording or draft`];
    return isConnectAudio(file)
      ? []
      : [`${clip.id}: ${status} ${file} is not WAV 8 kHz mono μ-law`];
  });
  for (const problem of problems) console.error(problem);
  console.log(
    `${clips.length - problems.length}/${clips.length} clips have audio in Connect's format`,
  );
  process.exit(problems.length > 0 ? 1 : 0);
}

const drafted = generateDraftAudio({ clips, outDir: values.out, recordedDir: values.recorded });
console.log(
  `${drafted.length} draft clips in ${values.out}; ${clips.length - drafted.length} have studio recordings in ${values.recorded}`,
);
