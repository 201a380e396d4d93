import { newReference } from '#shared/reference.ts';
import { call, freshCaller } from '../support/contact-centre.ts';
import { failing, heardIn, LANGUAGES, outcomes, withoutFlow } from '../support/journeys.ts';

describe.each(LANGUAGES)('complaints flow in $language', ({ key, lang }) => {
  const COMPLAINTS = [key, '4'];
  /** A passport delay, on the calling number (hash alone). */
  const LODGE = ['1', '1', '3', '#'];

  it('lodges a complaint confirmed first, reads the reference back, then says goodbye', async () => {
    // Act
    const result = await call({ from: freshCaller(), keys: [...COMPLAINTS, ...LODGE, '1', '_'] });

    // Assess
    expect(heardIn(result, lang).slice(-8)).toEqual([
      'complaints.start',
      'complaints.ask_category',
      'complaints.ask_service',
      'complaints.ask_callback_number',
      'complaints.confirm',
      'complaints.created',
      'complaints.after',
      'main.goodbye',
    ]);
    expect(result.callsTo('complaints')[0]).toMatchObject({
      parameters: { operation: 'create', categoryKey: '1', serviceKey: '3', lang },
      result: { outcome: 'CREATED', categoryId: 'delay', serviceId: 'passport' },
    });
    expect(result.disposition).toEqual({ type: 'DISCONNECTED', by: 'FLOW' });
  });

  it('asks again for a call-back number that is not a Kenyan mobile', async () => {
    const result = await call({
      from: freshCaller(),
      keys: [...COMPLAINTS, '1', '1', '3', '12345', '1', '#', '1'],
    });

    expect(outcomes(result, 'complaints')).toEqual(['INVALID_INPUT', 'CREATED']);
    expect(heardIn(result, lang)).toEqual(
      expect.arrayContaining([
        'complaints.invalid_callback_number',
        'complaints.ask_callback_number',
        'complaints.created',
      ]),
    );
  });

  it('starts the complaint again after a silence and after a wrong key at the confirmation', async () => {
    const result = await call({
      from: freshCaller(),
      keys: [...COMPLAINTS, '1', '_', '1', '3', '#', '5', '2', '1', '#', '1'],
    });

    expect(heardIn(result, lang)).toEqual(
      expect.arrayContaining(['main.no_choice', 'main.invalid_choice']),
    );
    expect(heardIn(result, lang).filter((id) => id === 'complaints.ask_category')).toHaveLength(3);
    expect(result.callsTo('complaints')).toHaveLength(1);
    expect(result.callsTo('complaints')[0]?.result).toMatchObject({
      outcome: 'CREATED',
      categoryId: 'unlawful-conduct',
      serviceId: 'new-id',
    });
  });

  it('gives the status once the caller keys the code sent to the call-back number, after an unknown reference and a silence', async () => {
    // Prepare
    const from = freshCaller();
    const lodged = await call({ from, keys: [...COMPLAINTS, ...LODGE, '1'] });
    const reference = lodged.attributes.reference!;

    // Act: decline the caller-context shortcut, then ask through the menu.
    const result = await call({
      from,
      keys: [key, '2', '4', '2', newReference('complaint'), '123456', '_', reference, 'sms'],
    });

    // Assess: an unknown reference answers as a wrong code does.
    expect(outcomes(result, 'complaints')).toEqual([
      'CODE_SENT',
      'VERIFICATION_FAILED',
      'CODE_SENT',
      'FOUND',
    ]);
    expect(heardIn(result, lang)).toEqual(
      expect.arrayContaining([
        'complaints.code_sent',
        'complaints.verification_failed',
        'main.no_choice',
        'complaints.status.open',
        'complaints.after',
      ]),
    );
    expect(result.attributes).toMatchObject({ reference, selfService: 'STATUS_HEARD' });
  });

  it('asks again for a code of the wrong shape and after a silence, then gives the status', async () => {
    const from = freshCaller();
    const lodged = await call({ from, keys: [...COMPLAINTS, ...LODGE, '1'] });
    const reference = lodged.attributes.reference!;

    const result = await call({ from, keys: [key, '2', '4', '2', reference, '12', '_', 'sms'] });

    expect(outcomes(result, 'complaints')).toEqual(['CODE_SENT', 'INVALID_INPUT', 'FOUND']);
    expect(result.callsTo('complaints')[1]?.result).toMatchObject({ field: 'code' });
    expect(heardIn(result, lang)).toEqual(
      expect.arrayContaining([
        'complaints.invalid_code',
        'main.no_choice',
        'complaints.status.open',
      ]),
    );
  });

  it('says a reference with a wrong check digit is not valid, and asks again', async () => {
    const reference = newReference('complaint');
    const mistyped = reference.slice(0, -1) + String((Number(reference.at(-1)) + 1) % 10);

    const result = await call({ from: freshCaller(), keys: [...COMPLAINTS, '2', mistyped, '*'] });

    expect(result.callsTo('complaints')[0]?.result).toMatchObject({
      outcome: 'INVALID_INPUT',
      reason: 'CHECK_DIGIT',
    });
    expect(heardIn(result, lang)).toEqual(
      expect.arrayContaining(['complaints.invalid_reference', 'complaints.ask_reference']),
    );
  });

  it('tells a caller locked out after five unknown references, and queues them for an agent', async () => {
    const from = freshCaller();
    const unknown = () => newReference('complaint');
    // An unknown reference is asked a code like any other, and the wrong code counts.
    await call({
      from,
      keys: [...COMPLAINTS, '2', unknown(), '111111', unknown(), '222222', unknown(), '333333'],
    });

    const result = await call({
      from,
      keys: [...COMPLAINTS, '2', unknown(), '444444', unknown(), '555555'],
    });

    expect(outcomes(result, 'complaints').at(-1)).toBe('LOCKED_OUT');
    expect(heardIn(result, lang)).toContain('complaints.locked_out');
    expect(result.attributes.journey).toContain('complaints:REFUSED');
    expect(result.disposition).toMatchObject({ type: 'QUEUED', queue: 'Complaints' });
  });

  it('refuses the status to a caller without the code and queues them for an agent once locked', async () => {
    const lodged = await call({ from: freshCaller(), keys: [...COMPLAINTS, ...LODGE, '1'] });
    const reference = lodged.attributes.reference!;
    const guesses = ['111111', '222222', '333333', '444444', '555555'];

    const result = await call({
      from: freshCaller(),
      keys: [...COMPLAINTS, '2', ...guesses.flatMap((guess) => [reference, guess])],
    });

    expect(outcomes(result, 'complaints').filter((o) => o !== 'CODE_SENT')).toEqual([
      'VERIFICATION_FAILED',
      'VERIFICATION_FAILED',
      'VERIFICATION_FAILED',
    ]);
    expect(heardIn(result, lang)).toContain('complaints.verification_failed');
    expect(result.disposition).toMatchObject({ type: 'QUEUED', queue: 'Complaints' });
    const again = await call({
      from: freshCaller(),
      keys: [...COMPLAINTS, '2', reference, '444444', reference, '555555'],
    });
    expect(outcomes(again, 'complaints').at(-1)).toBe('LOCKED_OUT');
    expect(again.attributes.journey).toContain('complaints:REFUSED');
    expect(result.disposition).toMatchObject({ type: 'QUEUED', queue: 'Complaints' });
  });

  it('re-prompts the first menu after a silence and a wrong key, then offers an agent', async () => {
    const result = await call({
      keys: [...COMPLAINTS, '_', '5', '6'],
      queue: { maxWaitSeconds: 0 },
    });

    expect(heardIn(result, lang).slice(-7)).toEqual([
      'complaints.start',
      'main.no_choice',
      'complaints.start',
      'main.invalid_choice',
      'complaints.start',
      'main.invalid_choice',
      'agent.connecting',
    ]);
    expect(result.disposition).toMatchObject({ type: 'QUEUED', queue: 'Complaints' });
  });

  it('apologises and queues for an agent when the Lambda fails', async () => {
    const result = await call({
      keys: [...COMPLAINTS, ...LODGE, '1'],
      engineResources: failing('complaints'),
    });

    expect(result.callsTo('complaints')[0]?.error).toBe('complaints is unavailable');
    expect(heardIn(result, lang)).toEqual(
      expect.arrayContaining(['main.error', 'agent.connecting']),
    );
    expect(result.disposition).toMatchObject({ type: 'QUEUED', queue: 'Complaints' });
  });

  it('apologises and ends the call when the agent flow cannot be reached', async () => {
    const result = await call({
      keys: [...COMPLAINTS, '0'],
      engineResources: withoutFlow('agent'),
    });

    expect(heardIn(result, lang).slice(-2)).toEqual(['complaints.start', 'main.error']);
    expect(result.attributes.intent).toBe('complaints');
    expect(result.disposition).toEqual({ type: 'DISCONNECTED', by: 'FLOW' });
  });
});
