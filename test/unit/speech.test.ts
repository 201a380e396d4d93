import { LOCAL_PROMPT_AUDIO_URI } from '#local/arns.ts';
import { PROMPT_FILES, promptCatalogue } from '#shared/speech/catalogue.ts';
import { clockTimeSw, numberWords } from '#shared/speech/kiswahili.ts';
import {
  MAX_CLIPS,
  renderClips,
  renderSpeech,
  renderText,
  type Speech,
} from '#shared/speech/render.ts';

const speechSettings = { promptAudioUri: LOCAL_PROMPT_AUDIO_URI };

const words = (n: number) =>
  numberWords(n)
    .map((w) => w.text)
    .join(' ');

describe('Kiswahili numbers and times', () => {
  it.each([
    [0, 'sifuri'],
    [7, 'saba'],
    [11, 'kumi na moja'],
    [40, 'arobaini'],
    [100, 'mia moja'],
    [1050, 'elfu moja na hamsini'],
    [25430, 'elfu ishirini na tano mia nne na thelathini'],
    [2_000_000, 'milioni mbili'],
  ])('says %i as "%s"', (value, expected) => {
    expect(words(value)).toBe(expected);
  });

  it.each([
    [7, 0, 'saa moja asubuhi'],
    [9, 30, 'saa tatu na nusu asubuhi'],
    [12, 0, 'saa sita mchana'],
    [16, 0, 'saa kumi jioni'],
    [18, 30, 'saa kumi na mbili na nusu jioni'],
    [19, 0, 'saa moja usiku'],
  ])('tells %i:%i as "%s"', (hours, minutes, expected) => {
    expect(clockTimeSw(hours, minutes)).toBe(expected);
  });

  it('refuses to speak negative or fractional numbers', () => {
    expect(() => numberWords(-1)).toThrow(RangeError);
    expect(() => numberWords(1.5)).toThrow(RangeError);
  });
});

describe('prompt catalogue', () => {
  it('has English and Kiswahili text for every prompt', () => {
    for (const [id, text] of promptCatalogue) {
      expect({ id, en: text.en.trim().length > 0, sw: text.sw.trim().length > 0 }).toEqual({
        id,
        en: true,
        sw: true,
      });
    }
  });

  it('uses the same slots in both languages of every prompt', () => {
    const slots = (text: string) => [...text.matchAll(/\{(\w+):(\w+)\}/g)].map((m) => m[0]).sort();
    for (const [id, text] of PROMPT_FILES.flatMap((file) => Object.entries(file.prompts))) {
      expect({ id, slots: slots(text.sw) }).toEqual({ id, slots: slots(text.en) });
    }
  });

  it('names every centre, service and county from data/', () => {
    expect(promptCatalogue.get('centre.nac-001')).toEqual({
      en: 'GPO Huduma Centre',
      sw: 'Kituo cha Huduma cha GPO',
    });
    expect(promptCatalogue.get('county.47')).toEqual({
      en: 'Nairobi County',
      sw: 'Kaunti ya Nairobi',
    });
    expect(promptCatalogue.get('service.passport')).toEqual({ en: 'a passport', sw: 'pasipoti' });
  });
});

describe('speech rendering', () => {
  const ready = {
    prompt: 'tracking.status.ready',
    vars: { application: '12345678', service: 'passport', centre: 'mbc-001' },
  };

  it('renders English text with digits spaced for text-to-speech', () => {
    expect(renderText(ready, 'en')).toBe(
      'Application 1 2 3 4 5 6 7 8 for a passport is ready for collection at Mombasa Huduma Centre. Please bring your original identity card or waiting card.',
    );
  });

  it('renders Kiswahili as static parts around enumerated value clips', () => {
    expect(renderClips(ready, 'sw').map((clip) => clip.id)).toEqual([
      'tracking.status.ready.p1',
      ...'12345678'.split('').map((d) => `digit.${d}`),
      'tracking.status.ready.p2',
      'service.passport',
      'tracking.status.ready.p3',
      'centre.mbc-001',
      'tracking.status.ready.p4',
    ]);
  });

  it('renders a prompt without slots as a single clip', () => {
    expect(renderClips({ prompt: 'main.welcome' }, 'sw')).toEqual([
      { id: 'main.welcome', text: 'Karibu katika Kituo cha Mawasiliano cha Huduma.' },
    ]);
  });

  it('speaks dates with the weekday in both languages', () => {
    const collected = {
      prompt: 'tracking.status.collected',
      vars: { application: '45678901', date: '2026-12-01' },
    };
    expect(renderText(collected, 'en')).toContain('collected on Tuesday 1 December.');
    expect(renderClips(collected, 'sw').map((clip) => clip.id)).toEqual(
      expect.arrayContaining(['weekday.2', 'day.1', 'month.12']),
    );
  });

  it('returns only text for English and clip locations for Kiswahili', () => {
    expect(Object.keys(renderSpeech(ready, 'en', speechSettings)).sort()).toEqual([
      'say',
      'sayPrompt',
    ]);
    const sw = renderSpeech(ready, 'sw', speechSettings);
    expect(Number(sw.clipCount)).toBeLessThanOrEqual(MAX_CLIPS);
    expect(sw[`clip${sw.clipCount}`]).toMatch(/^s3:\/\/.+\/sw\/tracking\.status\.ready\.p4\.wav$/);
  });

  it('refuses a prompt whose slot has no value', () => {
    expect(() => renderText({ prompt: 'tracking.status.ready', vars: {} }, 'en')).toThrow(
      'needs a value for {application}',
    );
  });

  it('refuses an unknown prompt id', () => {
    expect(() => renderText({ prompt: 'no.such.prompt' }, 'en')).toThrow(
      'Unknown prompt id: no.such.prompt',
    );
  });
});

describe('Kiswahili recording list', () => {
  it('lists every clip a rendered prompt can play', async () => {
    const { kiswahiliRecordings } = await import('#shared/speech/catalogue.ts');
    const recorded = new Set(kiswahiliRecordings().map((clip) => clip.id));
    const samples: Speech[] = [
      {
        prompt: 'tracking.status.ready',
        vars: { application: '90817263', service: 'passport', centre: 'nac-001' },
      },
      {
        prompt: 'tracking.status.collected',
        vars: { application: '45678901', date: '2027-03-31' },
      },
      { prompt: 'queue.position', vars: { position: 1250 } },
    ];
    for (const sample of samples) {
      for (const clip of renderClips(sample, 'sw'))
        expect({ clip: clip.id, recorded: recorded.has(clip.id) }).toEqual({
          clip: clip.id,
          recorded: true,
        });
    }
    expect(recorded.has('tracking.status.ready.p4')).toBe(true);
    expect(recorded.has('tracking.status.ready')).toBe(false);
  });
});
