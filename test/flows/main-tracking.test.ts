import { call, withLambda } from '../support/contact-centre.ts';

const generalQueue = expect.objectContaining({ type: 'QUEUED', queue: 'General enquiries' });

describe('main flow: document tracking', () => {
  it('speaks the status of a demo application and says goodbye', async () => {
    // Act
    const result = await call({ keys: ['12345678'] });

    // Assess
    expect(result.heard).toEqual([
      'main.welcome',
      'tracking.ask_number',
      'tracking.status.ready',
      'main.goodbye',
    ]);
    expect(result.lambdaCalls).toHaveLength(1);
    expect(result.lambdaCalls[0]).toMatchObject({
      function: 'huduma-tracking',
      parameters: { applicationNumber: '12345678', lang: 'en' },
      result: { outcome: 'FOUND', status: 'READY' },
    });
    expect(result.disposition).toEqual({ type: 'DISCONNECTED', by: 'FLOW' });
  });

  it('re-prompts after a mistyped number and then finds the application', async () => {
    const result = await call({ keys: ['1234', '23456789'] });

    expect(result.heard).toEqual([
      'main.welcome',
      'tracking.ask_number',
      'tracking.invalid_number',
      'tracking.ask_number',
      'tracking.status.in_processing',
      'main.goodbye',
    ]);
  });

  it('reads back an unknown number and lets the caller try again', async () => {
    const result = await call({ keys: ['99999999', '12345678'] });

    expect(result.heard.slice(2, 5)).toEqual([
      'tracking.not_found',
      'tracking.ask_number',
      'tracking.status.ready',
    ]);
  });

  it('offers an agent after three invalid numbers', async () => {
    const result = await call({ keys: ['1', '12', '123'] });

    expect(result.heard.filter((id) => id === 'tracking.ask_number')).toHaveLength(3);
    expect(result.heard.at(-1)).toBe('tracking.too_many_attempts');
    expect(result.disposition).toEqual(generalQueue);
  });

  it('re-prompts on silence and offers an agent after three silences, without calling the Lambda', async () => {
    const result = await call({ keys: ['_', '_', '_'] });

    expect(result.heard.filter((id) => id === 'tracking.no_input')).toHaveLength(3);
    expect(result.lambdaCalls).toHaveLength(0);
    expect(result.disposition).toEqual(generalQueue);
  });

  it('apologises and queues for an agent when the Lambda fails', async () => {
    const failing = withLambda('tracking', async () => {
      throw new Error('DynamoDB is unavailable');
    });

    const result = await call({ keys: ['12345678'], engineResources: failing });

    expect(result.lambdaCalls[0]).toMatchObject({ error: 'DynamoDB is unavailable' });
    expect(result.heard.at(-1)).toBe('main.error');
    expect(result.disposition).toEqual(generalQueue);
  });

  it('treats a Lambda slower than the 3 s limit as an error', async () => {
    const slow = withLambda(
      'tracking',
      () => new Promise((resolve) => setTimeout(() => resolve({ outcome: 'FOUND' }), 3500)),
    );

    const result = await call({ keys: ['12345678'], engineResources: slow });

    expect(result.lambdaCalls[0]?.error).toMatch(/Timed out after 3 s/);
    expect(result.disposition).toEqual(generalQueue);
  });

  it('ends the contact when the caller hangs up', async () => {
    const result = await call({ keys: [] });

    expect(result.disposition).toEqual({ type: 'DISCONNECTED', by: 'CUSTOMER' });
  });
});
