import { kiswahiliRecordings } from '#shared/speech/catalogue.ts';
import { call, ENGLISH, freshCaller, KISWAHILI, withLambda } from '../support/contact-centre.ts';
import { lookups } from '../support/journeys.ts';

const TRACKING = [ENGLISH, '2'];

describe('tracking flow', () => {
  it('asks for the number and the ID proof, speaks the status and offers what next', async () => {
    // Act
    const result = await call({ keys: [...TRACKING, '12345678', '5678'] });

    // Assess
    expect(result.heard.slice(-4)).toEqual([
      'tracking.ask_number',
      'tracking.ask_id_digits',
      'tracking.status.ready',
      'tracking.after',
    ]);
    expect(lookups(result, 'tracking')[0]).toMatchObject({
      function: 'huduma-tracking',
      parameters: { applicationNumber: '12345678', idLast4: '5678', lang: 'en' },
      result: { outcome: 'FOUND', status: 'READY' },
    });
    expect(result.attributes).toMatchObject({
      selfService: 'TRACKED',
      journey: ',tracking,tracking:FOUND',
      reference: '12345678',
      verified: 'true',
    });
  });

  it('plays Kiswahili results from recorded clips through the say-clips module', async () => {
    const result = await call({ keys: [KISWAHILI, '2', '12345678', '5678'] });

    const clips = result.prompts.filter((p) => p.action.startsWith('play-')).map((p) => p.promptId);
    expect(clips.slice(0, 2)).toEqual(['tracking.status.ready.p1', 'digit.1']);
    expect(clips).toEqual(expect.arrayContaining(['service.duplicate-id', 'centre.nac-001']));
    expect(result.callsTo('tracking')[0]?.parameters.lang).toBe('sw');
  });

  it('shows the words of every Kiswahili clip, the fixed parts around slots included', async () => {
    const result = await call({ keys: [KISWAHILI, '2', '12345678', '5678'] });
    const words = new Map(kiswahiliRecordings().map((clip) => [clip.id, clip.text]));

    expect(result.prompts.filter((prompt) => prompt.text.startsWith('s3://'))).toEqual([]);
    expect(result.prompts.find((p) => p.promptId === 'tracking.status.ready.p1')?.text).toBe(
      words.get('tracking.status.ready.p1'),
    );
  });

  it('re-prompts after a mistyped number and then finds the application', async () => {
    const result = await call({ keys: [...TRACKING, '1234', '5678', '23456789', '1234'] });

    expect(result.heard).toEqual(
      expect.arrayContaining(['tracking.invalid_number', 'tracking.status.in_processing']),
    );
  });

  it('says a mistyped number at once, before asking for the ID digits', async () => {
    const result = await call({ keys: [...TRACKING, '1234567', '12345678', '5678'] });

    expect(result.heard.slice(-6)).toEqual([
      'tracking.ask_number',
      'tracking.invalid_number',
      'tracking.ask_number',
      'tracking.ask_id_digits',
      'tracking.status.ready',
      'tracking.after',
    ]);
    expect(result.callsTo('tracking').map((event) => event.parameters.operation)).toEqual([
      'check-number',
      'check-number',
      undefined,
    ]);
  });

  it('asks for the ID digits alike after a number on record and one that is not', async () => {
    const onRecord = await call({ from: freshCaller(), keys: [...TRACKING, '34567890', '_'] });
    const unknown = await call({ from: freshCaller(), keys: [...TRACKING, '98765432', '_'] });

    expect(unknown.heard).toEqual(onRecord.heard);
    expect(unknown.heard).toContain('tracking.ask_id_digits');
  });

  it('goes back to the main menu with star at the ID prompt, without a lookup', async () => {
    const toMenu = await call({ keys: [...TRACKING, '12345678', '*'] });

    expect(toMenu.heard.filter((id) => id === 'main.menu')).toHaveLength(2);
    expect(lookups(toMenu, 'tracking')).toHaveLength(0);
  });

  it('asks again for the ID digits when too few are keyed', async () => {
    const result = await call({ keys: [...TRACKING, '12345678', '12', '5678'] });

    expect(result.heard).toContain('tracking.invalid_id_digits');
    expect(result.heard).toContain('tracking.status.ready');
  });

  // Failed proofs also count per application, across the whole test run: this file fails proofs
  // against 34567890, 45678901 and 23456789 only, so the ready demo application 12345678 stays open.
  it('answers a wrong proof and an unknown number alike, then lets the caller try again', async () => {
    const from = freshCaller();
    const result = await call({
      from,
      keys: [...TRACKING, '34567890', '0000', '99999999', '1111', '34567890', '4321'],
    });

    const failed = lookups(result, 'tracking').map((event) => event.result?.outcome);
    expect(failed).toEqual(['VERIFICATION_FAILED', 'VERIFICATION_FAILED', 'FOUND']);
    expect(result.heard.filter((id) => id === 'tracking.verification_failed')).toHaveLength(2);
    expect(result.attributes.journey).toContain('tracking:VERIFICATION_FAILED');
  });

  it('routes a caller locked out after five failed proofs to an agent, even with the right proof', async () => {
    const from = freshCaller();
    await call({
      from,
      keys: [...TRACKING, '45678901', '0001', '45678901', '0002', '45678901', '0003'],
    });

    const result = await call({
      from,
      keys: [...TRACKING, '23456789', '0004', '23456789', '0005'],
    });
    const withRightProof = await call({ from, keys: [...TRACKING, '12345678', '5678'] });

    const tracking = lookups(result, 'tracking');
    expect(tracking.map((event) => event.result?.outcome)).toEqual([
      'VERIFICATION_FAILED',
      'LOCKED_OUT',
    ]);
    expect(result.heard).toContain('tracking.locked_out');
    expect(result.disposition).toMatchObject({ type: 'QUEUED', queue: 'General enquiries' });
    expect(lookups(withRightProof, 'tracking')[0]?.result?.outcome).toBe('LOCKED_OUT');
  });

  it('offers an agent after three invalid numbers', async () => {
    const result = await call({ keys: [...TRACKING, '1', '12', '123'] });

    expect(result.heard.filter((id) => id === 'tracking.ask_number')).toHaveLength(3);
    expect(result.heard).toContain('tracking.too_many_attempts');
    expect(result.disposition).toMatchObject({ type: 'QUEUED', queue: 'General enquiries' });
  });

  it('re-prompts on silence and offers an agent after three silences, without calling the Lambda', async () => {
    const result = await call({ keys: [...TRACKING, '_', '_', '_'] });

    expect(result.heard.filter((id) => id === 'tracking.no_input')).toHaveLength(3);
    expect(result.callsTo('tracking')).toHaveLength(0);
    expect(result.disposition).toMatchObject({ type: 'QUEUED' });
  });

  it('goes back to the main menu with star and to an agent with 0, from either prompt', async () => {
    const toMenu = await call({ keys: [...TRACKING, '*'] });
    const toAgent = await call({ keys: [...TRACKING, '12345678', '0'] });

    expect(toMenu.heard.filter((id) => id === 'main.menu')).toHaveLength(2);
    expect(toAgent.disposition).toMatchObject({ type: 'QUEUED', queue: 'General enquiries' });
    expect(toAgent.attributes.intent).toBe('tracking');
  });

  it('apologises and queues for an agent when the Lambda fails', async () => {
    const failing = withLambda('tracking', async () => {
      throw new Error('DynamoDB is unavailable');
    });

    const result = await call({
      keys: [...TRACKING, '12345678', '5678'],
      engineResources: failing,
    });

    expect(result.callsTo('tracking')[0]).toMatchObject({ error: 'DynamoDB is unavailable' });
    expect(result.heard).toContain('main.error');
    expect(result.disposition).toMatchObject({ type: 'QUEUED', queue: 'General enquiries' });
  });

  it('treats a Lambda slower than the 3 s limit as an error', async () => {
    const slow = withLambda(
      'tracking',
      () => new Promise((resolve) => setTimeout(() => resolve({ outcome: 'FOUND' }), 3500)),
    );

    const result = await call({ keys: [...TRACKING, '12345678', '5678'], engineResources: slow });

    expect(result.callsTo('tracking')[0]?.error).toMatch(/Timed out after 3 s/);
    expect(result.disposition).toMatchObject({ type: 'QUEUED' });
  });
});
