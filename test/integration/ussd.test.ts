import { localHandler } from '#local/handlers.ts';
import { SimulatedClock } from '#local/sim-clock.ts';
import { createCallLogRepository } from '#shared/data/call-logs.repository.ts';
import type { Language } from '#shared/speech/render.ts';
import { lambdaContext } from '../support/connect.ts';
import { callLogItem, documentClient, tableNames, uniqueCaller } from '../support/data.ts';
import { expectScreens, ussdEvent, ussdPhone, ussdText } from '../support/ussd.ts';

const LANGS: readonly [Language, string][] = [
  ['en', '1'],
  ['sw', '2'],
];
const text = (prompt: string, lang: Language, vars?: Record<string, string>) =>
  ussdText({ prompt, ...(vars && { vars }) }, lang);

describe('USSD: language and menu', () => {
  it('asks the language of a new number, then remembers it for the next session', async () => {
    const phone = ussdPhone(uniqueCaller());
    const screens = await phone.walk(['2']);
    expectScreens(screens);
    expect(screens[0]).toMatch(/^CON Karibu Huduma \/ Welcome\n1\. English\n2\. Kiswahili/);
    expect(screens[1]).toBe(`CON ${text('ussd.menu', 'sw')}`);
    phone.newSession();
    expect(await phone.post('')).toBe(`CON ${text('ussd.menu', 'sw')}`);
    // 5 changes it.
    const changed = await phone.walk(['5', '1']);
    expect(changed[2]).toBe(`CON ${text('ussd.menu', 'en')}`);
  });

  it.each(LANGS)('opens every menu entry in %s with a screen that fits', async (lang, key) => {
    const expected: Record<string, string> = {
      '1': 'ussd.appointments.start',
      '2': 'ussd.tracking.ask_number',
      '3': 'ussd.pensions.start',
      '4': 'ussd.complaints.start',
      '5': 'ussd.language',
    };
    for (const [entry, prompt] of Object.entries(expected)) {
      const screens = await ussdPhone(uniqueCaller()).walk([key, entry]);
      expectScreens(screens);
      expect(screens[2]?.startsWith(`CON ${text(prompt, lang)}`)).toBe(true);
    }
  });
});

/** A path to a step, the invalid entry there, what the screen says, and what it asks again. */
const INVALID_ENTRIES: readonly [string, string[], string, string, string][] = [
  ['main menu', [], '9', 'ussd.invalid_choice', 'ussd.menu'],
  ['appointments', ['1'], '7', 'ussd.main.invalid_choice', 'ussd.appointments.start'],
  ['county list', ['1', '1'], '9', 'ussd.main.invalid_choice', 'appointments.list.county'],
  ['centre list', ['1', '1', '1'], '8', 'ussd.main.invalid_choice', 'appointments.list.centre'],
  [
    'service list',
    ['1', '1', '1', '1'],
    '6',
    'ussd.main.invalid_choice',
    'appointments.list.service',
  ],
  [
    'booking reference',
    ['1', '2'],
    '12345678',
    'ussd.appointments.invalid_reference',
    'ussd.appointments.ask_reference',
  ],
  ['application number', ['2'], '1234', 'ussd.tracking.invalid_number', 'ussd.tracking.ask_number'],
  [
    'ID digits',
    ['2', '12345678'],
    '12',
    'ussd.tracking.invalid_id_digits',
    'ussd.tracking.ask_id_digits',
  ],
  ['pensions', ['3'], '4', 'ussd.main.invalid_choice', 'ussd.pensions.start'],
  [
    'pension number',
    ['3', '2'],
    '12',
    'ussd.pensions.invalid_pension_number',
    'ussd.pensions.ask_pension_number',
  ],
  [
    'ID number',
    ['3', '2', '1234567'],
    '1x',
    'ussd.pensions.invalid_id_number',
    'ussd.pensions.ask_id_number',
  ],
  // The kind is checked with the topic, by the info operation: the kind is asked again.
  ['pension type', ['3', '1', '7'], '1', 'ussd.pensions.invalid_choice', 'ussd.pensions.ask_type'],
  ['complaints', ['4'], '3', 'ussd.main.invalid_choice', 'ussd.complaints.start'],
  ['complaint category', ['4', '1'], '5', 'ussd.main.invalid_choice', 'complaints.list.category'],
  [
    'complaint service',
    ['4', '1', '1'],
    '7',
    'ussd.main.invalid_choice',
    'complaints.list.service',
  ],
  [
    'complaint confirmation',
    ['4', '1', '1', '1'],
    '3',
    'ussd.main.invalid_choice',
    'ussd.complaints.confirm',
  ],
  [
    'complaint reference',
    ['4', '2'],
    '70000001',
    'ussd.complaints.invalid_reference',
    'ussd.complaints.ask_reference',
  ],
];

describe.each(LANGS)(
  'USSD in %s: an invalid entry is shown again with a short reason',
  (lang, key) => {
    it.each(INVALID_ENTRIES)('at the %s', async (_, path, entry, reason, asked) => {
      const screens = await ussdPhone(uniqueCaller()).walk([key, ...path, entry]);
      expectScreens(screens);
      const screen = screens.at(-1) ?? '';
      expect(screen.startsWith(`CON ${text(reason, lang)}\n${text(asked, lang)}`)).toBe(true);
    });
  },
);

describe.each(LANGS)('USSD in %s: the way to an agent', (lang, key) => {
  const ways: readonly [string, string[]][] = [
    ['the menu entry', ['7']],
    ['three invalid choices', ['1', '1', '9', '9', '9']],
  ];
  const reach = (at: string, path: readonly string[]) =>
    ussdPhone(uniqueCaller(), { clock: () => new Date(at) }).walk([key, ...path]);

  it.each(ways)('within the hours, by %s, says which number reaches them', async (_, path) => {
    const screens = await reach('2026-12-01T10:00:00+03:00', path);

    expectScreens(screens);
    expect(screens.at(-1)).toBe(`END ${text('ussd.agent', lang)}`);
  });

  it.each(ways)(
    'outside them, by %s, says when they are back, from the configured hours',
    async (_, path) => {
      const screens = await reach('2026-12-01T22:00:00+03:00', path);

      expectScreens(screens);
      expect(screens.at(-1)).toBe(
        `END ${text('ussd.agent_closed', lang, { date: '2026-12-02', time: '07:00' })}`,
      );
      expect(screens.at(-1)).toMatch(lang === 'en' ? /Wednesday 2 December at 07:00/ : /Jumatano/);
    },
  );
});

describe('USSD: a request for an agent', () => {
  it('is in the session’s call log, as a call’s is, so after-hours demand counts it', async () => {
    // A clock that runs: the call log keeps a session's latest write.
    const clock = new SimulatedClock(new Date('2026-12-01T22:00:00+03:00'), true);
    const phone = ussdPhone(uniqueCaller(), { clock: clock.now });
    await phone.walk(['1', '7']);

    expect(await callLogItem(phone.sessionId())).toMatchObject({
      channel: 'USSD',
      ivrPath: ['ussd', 'agent'],
    });
  });
});

describe('USSD gateway contract', () => {
  it('answers a screen whatever the body: a malformed callback ends with words, not an HTTP error', async () => {
    const handler = localHandler('ussd');
    const result = await handler(
      { body: 'sessionId=&text=1', requestContext: { identity: { sourceIp: '196.201.214.10' } } },
      lambdaContext('ussd'),
    );
    expect(result).toMatchObject({ statusCode: 200, body: `END ${text('ussd.error', 'en')}` });
  });

  it('reads a base64 body as API Gateway may pass it', async () => {
    const handler = localHandler('ussd');
    const event = ussdEvent({
      sessionId: 'ATUid_base64',
      serviceCode: '*384#',
      phoneNumber: uniqueCaller(),
      text: '',
    });
    const result = await handler(
      { ...event, body: Buffer.from(String(event.body)).toString('base64'), isBase64Encoded: true },
      lambdaContext('ussd'),
    );
    expect(result).toMatchObject({ statusCode: 200, body: expect.stringMatching(/^CON Karibu/) });
  });

  it('refuses a caller outside the gateway addresses, so a number cannot be claimed by anyone', async () => {
    const overrides = { gatewayCidrs: '196.201.214.0/24, 2c0f:fe38::/32' };
    expect(await ussdPhone(uniqueCaller(), overrides, '10.1.2.3').post('')).toBe('HTTP 403');
    expect(await ussdPhone(uniqueCaller(), overrides, '196.201.214.77').post('')).toMatch(/^CON /);
    expect(await ussdPhone(uniqueCaller(), overrides, '2c0f:fe38:2::1').post('')).toMatch(/^CON /);
  });

  it('leaves one call-log item per session (channel USSD, the path, the outcome) for the daily report', async () => {
    const caller = uniqueCaller();
    const phone = ussdPhone(caller);
    await phone.walk(['1', '2', '12345678', '5678']);
    const log = await callLogItem(phone.sessionId());
    expect(log).toMatchObject({
      channel: 'USSD',
      initiationMethod: 'INBOUND',
      outcome: 'SELF_SERVICE',
      selfService: 'TRACKED',
      ivrPath: ['ussd', 'tracking', 'tracking:FOUND'],
      lang: 'en',
    });
    expect(JSON.stringify(log)).not.toContain(caller);
    const day = await createCallLogRepository(documentClient, tableNames.callLogs).listByDay(
      String(log?.day),
    );
    expect(day.map((item) => item.contactId)).toContain(phone.sessionId());
  });
});
