import { call, ENGLISH, KISWAHILI, withLambda } from '../support/contact-centre.ts';

const TRACKING = [ENGLISH, '2'];

describe('tracking flow', () => {
  it('speaks the status of a demo application and offers what next', async () => {
    // Act
    const result = await call({ keys: [...TRACKING, '12345678'] });

    // Assess
    expect(result.heard.slice(-3)).toEqual([
      'tracking.ask_number',
      'tracking.status.ready',
      'tracking.after',
    ]);
    expect(result.lambdaCalls[0]).toMatchObject({
      function: 'huduma-tracking',
      parameters: { applicationNumber: '12345678', lang: 'en' },
      result: { outcome: 'FOUND', status: 'READY' },
    });
    expect(result.attributes).toMatchObject({
      selfService: 'TRACKED',
      journey: ',tracking,tracking:FOUND',
    });
  });

  it('plays Kiswahili results from recorded clips through the say-clips module', async () => {
    const result = await call({ keys: [KISWAHILI, '2', '12345678'] });

    const clips = result.prompts.filter((p) => p.action.startsWith('play-')).map((p) => p.promptId);
    expect(clips).toEqual([
      'tracking.status.ready.p1',
      ...'12345678'.split('').map((digit) => `digit.${digit}`),
      'tracking.status.ready.p2',
      'service.duplicate-id',
      'tracking.status.ready.p3',
      'centre.nac-001',
      'tracking.status.ready.p4',
    ]);
    expect(result.lambdaCalls[0]?.parameters.lang).toBe('sw');
  });

  it('re-prompts after a mistyped number and then finds the application', async () => {
    const result = await call({ keys: [...TRACKING, '1234', '23456789'] });

    expect(result.heard).toEqual(
      expect.arrayContaining(['tracking.invalid_number', 'tracking.status.in_processing']),
    );
  });

  it('reads back an unknown number and lets the caller try again', async () => {
    const result = await call({ keys: [...TRACKING, '99999999', '12345678'] });

    const after = result.heard.slice(result.heard.indexOf('tracking.not_found'));
    expect(after.slice(0, 3)).toEqual([
      'tracking.not_found',
      'tracking.ask_number',
      'tracking.status.ready',
    ]);
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
    expect(result.lambdaCalls.filter((event) => event.function === 'huduma-tracking')).toHaveLength(
      0,
    );
    expect(result.disposition).toMatchObject({ type: 'QUEUED' });
  });

  it('goes back to the main menu with star and to an agent with 0', async () => {
    const toMenu = await call({ keys: [...TRACKING, '*'] });
    const toAgent = await call({ keys: [...TRACKING, '0'] });

    expect(toMenu.heard.filter((id) => id === 'main.menu')).toHaveLength(2);
    expect(toAgent.disposition).toMatchObject({ type: 'QUEUED', queue: 'General enquiries' });
  });

  it('apologises and queues for an agent when the Lambda fails', async () => {
    const failing = withLambda('tracking', async () => {
      throw new Error('DynamoDB is unavailable');
    });

    const result = await call({ keys: [...TRACKING, '12345678'], engineResources: failing });

    expect(result.lambdaCalls[0]).toMatchObject({ error: 'DynamoDB is unavailable' });
    expect(result.heard).toContain('main.error');
    expect(result.disposition).toMatchObject({ type: 'QUEUED', queue: 'General enquiries' });
  });

  it('treats a Lambda slower than the 3 s limit as an error', async () => {
    const slow = withLambda(
      'tracking',
      () => new Promise((resolve) => setTimeout(() => resolve({ outcome: 'FOUND' }), 3500)),
    );

    const result = await call({ keys: [...TRACKING, '12345678'], engineResources: slow });

    expect(result.lambdaCalls[0]?.error).toMatch(/Timed out after 3 s/);
    expect(result.disposition).toMatchObject({ type: 'QUEUED' });
  });
});
