import {
  articleScreen,
  articleScreenProblems,
  articleSummaries,
  ussdTextProblems,
} from '#lambdas/ussd/screen-check.ts';
import {
  composeScreen,
  gsm7Length,
  MAX_SCREEN_CHARS,
  screenProblem,
  toGsm7,
} from '#lambdas/ussd/screens.ts';
import { loadArticleFiles } from '#local/knowledge/article-files.ts';
import { promptCatalogue } from '#shared/speech/catalogue.ts';

describe('USSD texts', () => {
  it('fit a screen in both languages: at most 182 characters, GSM-7 only', () => {
    expect(ussdTextProblems()).toEqual([]);
  });

  it('fail the check on a Kiswahili text that is too long, and on a curly quote', () => {
    const catalogue = new Map(promptCatalogue);
    const menu = promptCatalogue.get('ussd.menu')!;
    catalogue.set('ussd.menu', {
      ...menu,
      sw: `${menu.sw}\n6. Taarifa za huduma zote za serikali zinazotolewa katika vituo vya Huduma kote nchini\n7. Maswali yanayoulizwa mara kwa mara`,
    });
    catalogue.set('ussd.goodbye', { en: 'Thank you – goodbye', sw: 'Asante' });
    const problems = ussdTextProblems(catalogue);
    expect(problems).toEqual([
      expect.stringMatching(/^ussd\.goodbye \(en\): NOT_GSM7/),
      expect.stringMatching(
        /^ussd\.menu \(sw\): TOO_LONG, 1\d\d|^ussd\.menu \(sw\): TOO_LONG, 2\d\d/,
      ),
    ]);
  });

  it('counts GSM-7 characters as the phone does (the extension table takes two)', () => {
    expect(gsm7Length('Huduma €5')).toBe(10);
    expect(gsm7Length('Asante')).toBe(6);
    expect(gsm7Length('Murang’a')).toBeUndefined();
    expect(screenProblem('x'.repeat(MAX_SCREEN_CHARS))).toBeUndefined();
    expect(screenProblem('x'.repeat(MAX_SCREEN_CHARS + 1))).toBe('TOO_LONG');
    expect(toGsm7('Murang’a – “Kituo” … Āmina')).toBe('Murang\'a - "Kituo" ... Amina');
  });
});

describe('USSD knowledge summaries', () => {
  const summaries = articleSummaries(loadArticleFiles());

  it('fit every article in both languages: the title whole, the summary cut at a word, the menu after', () => {
    expect(summaries.length).toBeGreaterThan(60);
    expect(articleScreenProblems(summaries)).toEqual([]);
    for (const summary of summaries.slice(0, 4)) {
      const screen = articleScreen(summary);
      expect(screenProblem(screen.slice(4))).toBeUndefined();
      expect(screen.startsWith(`CON ${toGsm7(summary.title)}: `)).toBe(true);
      const shown = screen.slice(4 + summary.title.length + 2).split('\n')[0]!;
      // Shortened at a word of the summary, or the summary whole.
      expect(
        shown === summary.summary || summary.summary.startsWith(shown.replace(/\.\.\.$/, '')),
      ).toBe(true);
    }
  });

  it('fail the check when a title leaves no room for the summary, and fold what GSM-7 lacks', () => {
    const long = {
      id: 'long-title',
      lang: 'sw' as const,
      title: 'Cheti '.repeat(22).trim(),
      summary: 'Kusajili kuzaliwa ni bure na cheti kinagharimu KES 200 kuanzia Machi 2024.',
    };
    expect(articleScreenProblems([long])).toEqual([
      expect.stringMatching(/^article long-title \(sw\): SUMMARY_HIDDEN/),
    ]);
    const curly = {
      id: 'curly',
      lang: 'en' as const,
      title: 'Murang’a land rates',
      summary: `“Rates” are paid to the county – ${'every year before the end of March. '.repeat(6)}`,
    };
    expect(articleScreenProblems([curly])).toEqual([]);
    const screen = articleScreen(curly);
    expect(screen).toMatch(/^CON Murang'a land rates: "Rates" are paid to the county - every /);
    expect(screen).toMatch(
      /[a-z]\.\.\.\n1\. Full text by SMS\n2\. Another service\n0 Back 00 Menu$/,
    );
    expect(screen.length - 4).toBeLessThanOrEqual(MAX_SCREEN_CHARS);
  });
});

describe('USSD screens', () => {
  it('sends what does not fit by SMS and says so, keeping the question on screen', () => {
    const ready = {
      prompt: 'tracking.status.ready',
      vars: { application: '12345678', service: 'police-clearance-certificate', centre: 'nac-001' },
    };
    const screen = composeScreen(
      {
        said: [
          {
            prompt: 'tracking.verification_failed',
            vars: { application: '12345678', attemptsLeft: 2 },
          },
          ready,
        ],
        ask: { kind: 'choice', speech: { prompt: 'tracking.after' }, keys: ['1'] },
      },
      'sw',
    );
    expect(screen.response).toMatch(/^CON Tumekutumia maelezo kwa SMS\.\n1\. Fuatilia nyingine/);
    expect(screen.sms).toContain('12345678');
    expect(screenProblem(screen.response.slice(4))).toBeUndefined();
  });

  it('shortens long names so a page of a list fits, with more and the way back', () => {
    const screen = composeScreen(
      {
        said: [{ prompt: 'main.invalid_choice' }],
        ask: {
          kind: 'list',
          speech: { prompt: 'appointments.list.service' },
          items: [
            'police-clearance-certificate',
            'business-name-registration',
            'new-id',
            'passport',
          ].map((id, k) => ({ key: String(k + 1), label: { prompt: `service.${id}` } })),
          more: 'next',
        },
      },
      'en',
    );
    expect(screen.response).toMatch(/^CON Invalid choice\.\nChoose a service:\n1\. /);
    expect(screen.response).toContain('\n98 More');
    expect(screenProblem(screen.response.slice(4))).toBeUndefined();
    expect(screen.sms).toBeUndefined();
  });

  it('ends with END and the last words', () => {
    expect(composeScreen({ said: [], end: { prompt: 'ussd.goodbye' } }, 'sw').response).toBe(
      'END Asante kwa kutumia Huduma. Kwaheri.',
    );
  });
});
