import { localArn } from '#local/arns.ts';
import { contactClock } from '#local/flow-engine/contact-time.ts';
import type { LambdaHandler } from '#local/flow-engine/types.ts';
import { localHandler } from '#local/handlers.ts';
import type { OpeningHours } from '#shared/hours.ts';
import {
  CLOSED,
  call,
  ENGLISH,
  KISWAHILI,
  OPEN,
  resources,
  withLambda,
} from '../support/contact-centre.ts';

const WELCOME = ['main.welcome', 'main.welcome', 'main.language_menu_sw', 'main.language_menu_en'];

describe('main flow: welcome, language and menu', () => {
  it('welcomes in both languages, then speaks English after 1', async () => {
    // Act
    const result = await call({ keys: [ENGLISH, '9'] });

    // Assess
    expect(result.heard.slice(0, 8)).toEqual([
      ...WELCOME,
      'main.privacy_notice',
      'main.navigation_hint',
      'main.menu',
      'main.menu',
    ]);
    expect(result.prompts.find((p) => p.promptId === 'main.privacy_notice')).toMatchObject({
      source: 'tts',
    });
    expect(result.attributes).toMatchObject({ lang: 'en' });
    expect(result.disposition).toEqual({ type: 'DISCONNECTED', by: 'CUSTOMER' });
  });

  it('speaks Kiswahili from recordings for the rest of the contact after 2', async () => {
    const result = await call({ keys: [KISWAHILI] });

    const menu = result.prompts.find((p) => p.promptId === 'main.menu');
    expect(menu).toMatchObject({
      source: 'audio',
      text: expect.stringContaining('Kwa miadi katika Kituo cha Huduma'),
    });
    expect(result.prompts.find((p) => p.promptId === 'main.privacy_notice')?.source).toBe('audio');
    expect(result.attributes.lang).toBe('sw');
  });

  it('goes on in English when no language is chosen twice', async () => {
    const result = await call({ keys: ['_', '7'] });

    expect(result.heard.filter((id) => id === 'main.language_menu_en')).toHaveLength(2);
    expect(result.attributes.lang).toBe('en');
    expect(result.heard).toContain('main.menu');
  });

  it('re-prompts an invalid key and a silence, then offers an agent after the third miss', async () => {
    const result = await call({ keys: [ENGLISH, '6', '_', '#'] });

    expect(result.heard).toEqual(expect.arrayContaining(['main.invalid_choice', 'main.no_choice']));
    expect(result.heard.filter((id) => id === 'main.menu')).toHaveLength(3);
    expect(result.heard).toContain('agent.connecting');
    expect(result.disposition).toMatchObject({ type: 'QUEUED', queue: 'General enquiries' });
    expect(result.attributes).toMatchObject({ journey: ',agent', intent: 'general' });
  });
});

describe('agent routing and the queue', () => {
  it('queues for an agent with 0, announces the position and offers a call-back while waiting', async () => {
    const result = await call({ keys: [ENGLISH, '0'] });

    expect(result.disposition).toMatchObject({ type: 'QUEUED', queue: 'General enquiries' });
    const position = result.prompts.find((p) => p.promptId === 'queue.position');
    expect(position?.text).toBe('You are number 3 in the queue.');
    expect(result.heard).toEqual(expect.arrayContaining(['queue.offer_callback', 'queue.hold']));
    expect(result.contactTraceRecord).toBeUndefined();
  });

  it('connects the agent when one answers and records queue and agent times', async () => {
    const result = await call({
      keys: [ENGLISH, '0'],
      queue: {
        answerAfterSeconds: 45,
        agent: { username: 'wanjiku', talkSeconds: 240, afterContactWorkSeconds: 20 },
      },
    });

    expect(result.disposition).toEqual({
      type: 'ANSWERED',
      queue: 'General enquiries',
      agent: 'wanjiku',
      waitSeconds: 45,
    });
    expect(result.contactTraceRecord).toMatchObject({
      DisconnectReason: 'AGENT_DISCONNECT',
      Queue: { Name: 'General enquiries', Duration: 45 },
      Agent: { Username: 'wanjiku', AgentInteractionDuration: 240, AfterContactWorkDuration: 20 },
      Attributes: { lang: 'en' },
    });
  });

  it("keeps the caller's place with a call-back when they press 1 in the queue", async () => {
    const result = await call({ keys: [ENGLISH, '0', '1'], from: '+254722000111' });

    expect(result.disposition).toEqual({
      type: 'CALLBACK_REQUESTED',
      queue: 'General enquiries',
      number: '+254722000111',
    });
    expect(result.heard.at(-1)).toBe('queue.callback_confirmed');
    expect(result.contactTraceRecord?.NextContactId).toEqual(expect.any(String));
    expect(result.attributes.selfService).toBe('CALLBACK_REQUESTED');
  });

  it('records an abandoned call when the caller hangs up in the queue', async () => {
    const result = await call({ keys: [ENGLISH, '0', '_', 'q'] });

    expect(result.disposition).toMatchObject({ type: 'ABANDONED', queue: 'General enquiries' });
    expect(result.contactTraceRecord).toMatchObject({
      DisconnectReason: 'CUSTOMER_DISCONNECT',
      Agent: null,
      Queue: { Name: 'General enquiries' },
    });
  });

  it('after hours tells the caller, keeps self-service, and turns "agent" into a call-back for the next opening', async () => {
    const result = await call({ keys: [ENGLISH, '0', '1'], at: CLOSED, from: '+254733444555' });

    expect(result.heard).toEqual(
      expect.arrayContaining([
        'caller.agents_back',
        'main.self_service_now',
        'main.menu',
        'agent.offer_callback',
      ]),
    );
    expect(result.disposition).toEqual({
      type: 'CALLBACK_REQUESTED',
      queue: 'Call-backs',
      number: '+254733444555',
    });
    expect(result.heard.slice(-2)).toEqual(['agent.callback_confirmed', 'main.goodbye']);
  });

  it('asks for a number to call back when the calling number is withheld', async () => {
    const result = await call({
      keys: [ENGLISH, '0', '1', '0712345678'],
      at: CLOSED,
      from: 'anonymous',
    });

    expect(result.heard).toContain('agent.ask_callback_number');
    expect(result.disposition).toEqual({
      type: 'CALLBACK_REQUESTED',
      queue: 'Call-backs',
      number: '+254712345678',
    });
  });

  it('returns to the main menu from the after-hours offer with star', async () => {
    const result = await call({ keys: [ENGLISH, '0', '*'], at: CLOSED });

    expect(result.heard.filter((id) => id === 'main.menu')).toHaveLength(2);
  });

  it('is open on a public holiday, as configured', async () => {
    const jamhuriDay = '2026-12-12T10:00:00+03:00';

    const result = await call({ keys: [ENGLISH, '0'], at: jamhuriDay });

    expect(result.heard).not.toContain('main.self_service_now');
    expect(result.disposition).toMatchObject({ type: 'QUEUED' });
  });

  it('closes on a public holiday when the hours say so', async () => {
    const hoursArn = localArn.hours('contact-centre');
    const closedOnHolidays: OpeningHours = {
      ...resources.hours.get(hoursArn)!,
      closedDates: ['2026-12-12'],
    };
    // Connect's hours and the ones caller context tells, as CDK gives both the same.
    const tellsHours = localHandler('caller-context', {
      hours: closedOnHolidays,
      clock: contactClock,
    });
    const engineResources = {
      ...withLambda('caller-context', tellsHours as LambdaHandler),
      hours: new Map([[hoursArn, closedOnHolidays]]),
    };

    const result = await call({
      keys: [ENGLISH, '0'],
      at: '2026-12-12T10:00:00+03:00',
      engineResources,
    });

    expect(result.heard).toEqual(
      expect.arrayContaining([
        'caller.agents_back',
        'main.self_service_now',
        'agent.offer_callback',
      ]),
    );
    expect(result.callsTo('caller-context').at(-1)?.result?.say).toBe(
      'Our agents are not available right now. They will be back on Sunday 13 December at 07:00.',
    );
  });
});

describe('outbound call-back flow', () => {
  it('reads the reason the dialer set and connects to an agent on 1', async () => {
    const result = await call({
      flow: 'outbound-callback',
      initiationMethod: 'OUTBOUND',
      attributes: {
        lang: 'en',
        callbackPrompt: 'outbound.callback_requested',
        agentQueue: localArn.queue('complaints'),
      },
      keys: ['1'],
    });

    expect(result.heard).toEqual([
      'outbound.greeting',
      'outbound.callback_requested',
      'outbound.options',
    ]);
    expect(result.disposition).toMatchObject({ type: 'QUEUED', queue: 'Complaints' });
  });

  it('still greets and offers an agent when the reason cannot be rendered', async () => {
    const result = await call({
      flow: 'outbound-callback',
      attributes: { lang: 'sw', callbackPrompt: 'no.such.prompt' },
      keys: ['_'],
    });

    expect(result.heard).toEqual([
      'outbound.greeting',
      'outbound.callback_requested',
      'outbound.options',
      'main.goodbye',
    ]);
    expect(result.disposition).toEqual({ type: 'DISCONNECTED', by: 'FLOW' });
  });
});

describe('opening hours', () => {
  it("uses 07:00-19:00 Africa/Nairobi on the contact's own clock", async () => {
    const justBeforeSeven = await call({ keys: [ENGLISH], at: '2026-12-01T06:59:00+03:00' });
    const atSeven = await call({ keys: [ENGLISH], at: OPEN.replace('10:00', '07:00') });

    expect(justBeforeSeven.heard).toContain('main.self_service_now');
    expect(atSeven.heard).not.toContain('main.self_service_now');
  });
});
