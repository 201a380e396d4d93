import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Connect's prompt format: WAV, 8 kHz, mono, μ-law (WAVE_FORMAT_MULAW = 7), 8 bits a sample. */
export const CONNECT_AUDIO = { format: 7, channels: 1, sampleRate: 8000, bitsPerSample: 8 };

export interface WavFormat {
  readonly format: number;
  readonly channels: number;
  readonly sampleRate: number;
  readonly bitsPerSample: number;
}

/** The fmt chunk of a RIFF/WAVE file; undefined when the bytes are not a WAV file. */
export const wavFormat = (bytes: Buffer): WavFormat | undefined => {
  if (bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE')
    return undefined;
  for (let offset = 12; offset + 8 <= bytes.length; ) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    if (id === 'fmt ' && offset + 24 <= bytes.length)
      return {
        format: bytes.readUInt16LE(offset + 8),
        channels: bytes.readUInt16LE(offset + 10),
        sampleRate: bytes.readUInt32LE(offset + 12),
        bitsPerSample: bytes.readUInt16LE(offset + 22),
      };
    offset += 8 + size + (size % 2);
  }
  return undefined;
};

/** Whether a file is in Connect's prompt format. */
export const isConnectAudio = (file: string): boolean => {
  const format = wavFormat(readFileSync(file));
  return (
    format !== undefined &&
    (Object.keys(CONNECT_AUDIO) as (keyof WavFormat)[]).every(
      (key) => format[key] === CONNECT_AUDIO[key],
    )
  );
};

/**
 * Draft Kiswahili audio for every clip without a studio recording: Debian's espeak-ng Swahili
 * voice, converted by sox to Connect's format, as `<outDir>/<clip id>.wav`. Returns the clip ids
 * drafted. A studio recording (`<recordedDir>/<clip id>.wav`) always wins: no draft is made for it.
 */
export const generateDraftAudio = ({
  clips,
  outDir,
  recordedDir,
}: {
  readonly clips: readonly { readonly id: string; readonly text: string }[];
  readonly outDir: string;
  readonly recordedDir?: string;
}): string[] => {
  mkdirSync(outDir, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'huduma-draft-audio-'));
  const drafted: string[] = [];
  try {
    for (const clip of clips) {
      if (recordedDir && existsSync(join(recordedDir, `${clip.id}.wav`))) continue;
      const spoken = join(work, 'spoken.wav');
      execFileSync('espeak-ng', ['-v', 'sw', '-s', '150', '-w', spoken, clip.text]);
      execFileSync('sox', [
        spoken,
        '-r',
        '8000',
        '-c',
        '1',
        '-e',
        'u-law',
        '-b',
        '8',
        join(outDir, `${clip.id}.wav`),
      ]);
      drafted.push(clip.id);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return drafted;
};

/** Where each clip's audio is: a studio recording, a draft, or nowhere; and whether it is in Connect's format. */
export const audioStatus = (
  clipId: string,
  { recordedDir, draftDir }: { readonly recordedDir?: string; readonly draftDir?: string },
): { status: 'recorded' | 'draft' | 'missing'; file?: string } => {
  for (const [status, dir] of [
    ['recorded', recordedDir],
    ['draft', draftDir],
  ] as const) {
    const file = dir && join(dir, `${clipId}.wav`);
    if (file && existsSync(file)) return { status, file };
  }
  return { status: 'missing' };
};
