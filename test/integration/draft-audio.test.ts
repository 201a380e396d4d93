import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  audioStatus,
  CONNECT_AUDIO,
  generateDraftAudio,
  isConnectAudio,
  wavFormat,
} from '#local/prompts/draft-audio.ts';
import { kiswahiliRecordings } from '#shared/speech/catalogue.ts';

/** Draft Kiswahili audio with Debian's espeak-ng and sox (.ci/run installs both). */
describe('draft Kiswahili audio', () => {
  const work = mkdtempSync(join(tmpdir(), 'huduma-draft-test-'));
  const [welcome, part, digit] = ['main.welcome', 'tracking.status.ready.p1', 'digit.7'].map(
    (id) => kiswahiliRecordings().find((clip) => clip.id === id)!,
  );
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('drafts every clip without a studio recording in Connect format: WAV, 8 kHz, mono, μ-law', () => {
    const recorded = join(work, 'recorded');
    const drafts = join(work, 'drafts');
    mkdirSync(recorded);
    writeFileSync(join(recorded, `${digit!.id}.wav`), 'a studio recording');

    const drafted = generateDraftAudio({
      clips: [welcome!, part!, digit!],
      outDir: drafts,
      recordedDir: recorded,
    });

    expect(drafted).toEqual([welcome!.id, part!.id]);
    expect(readdirSync(drafts).sort()).toEqual([`${welcome!.id}.wav`, `${part!.id}.wav`]);
    for (const file of readdirSync(drafts)) {
      expect(wavFormat(readFileSync(join(drafts, file)))).toEqual(CONNECT_AUDIO);
      expect(isConnectAudio(join(drafts, file))).toBe(true);
    }
    expect(audioStatus(digit!.id, { recordedDir: recorded, draftDir: drafts }).status).toBe(
      'recorded',
    );
    expect(audioStatus(welcome!.id, { recordedDir: recorded, draftDir: drafts }).status).toBe(
      'draft',
    );
    expect(audioStatus('no.such.clip', { recordedDir: recorded, draftDir: drafts }).status).toBe(
      'missing',
    );
  }, 60_000);

  it('tells a file in another format from Connect format', () => {
    const pcm = join(work, 'pcm.wav');
    const source = join(work, 'source.wav');
    execFileSync('espeak-ng', ['-v', 'sw', '-w', source, 'karibu']);
    copyFileSync(source, pcm);

    expect(wavFormat(readFileSync(pcm))).toMatchObject({ format: 1, channels: 1 });
    expect(isConnectAudio(pcm)).toBe(false);
    expect(wavFormat(Buffer.from('not audio at all'))).toBeUndefined();
  }, 60_000);
});
