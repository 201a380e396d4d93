import { call, withLambda } from '../support/contact-centre.ts';
import { uniqueCaller, uniqueDigits } from '../support/data.ts';

const generalQueue = expect.objectContaining({ type: 'QUEUED', queue: 'General enquiries' });

describe('main flow: document tracking', () => {
  it('asks for the number and the ID digits, speaks the status and says goodbye', async () => {
    // Act
    const result = await call({ keys: ['12345678', '5678'] });

    // Assess
    expect(result.heard).toEqual([
      'main.welcome',
      'tracking.ask_number',
      'tracking.ask_id_digits',
      'tracking.status.ready',
      'main.goodbye',
    ]);
    expect(result.lambdaCalls).toHaveLength(1);
    expect(result.lambdaCalls[0]).toMatchObject({
      function: 'huduma-tracking',
      parameters: { applicationNumber: '12345678', idLast4: '5678', lang: 'en' },
      result: { outcome: 'FOUND', status: 'READY' },
    });
    expect(result.disposition).toEqual({ type: 'DISCONNECTED', by: 'FLOW' });
  });

  it('re-prompts after a mistyped number and then finds the application', async () => {
    const result = await call({ keys: ['1234', '1234', '23456789', '1234'] });

    expect(result.heard).toEqual([
      'main.welcome',
      'tracking.ask_number',
      'tracking.ask_id_digits',
      'tracking.invalid_number',
      'tracking.ask_number',
      'tracking.ask_id_digits',
      'tracking.status.in_processing',
      'main.goodbye',
    ]);
  });

  it('asks again for the ID digits alone when they are not 4 digits', async () => {
    const result = await call({ keys: ['12345678', '56', '5678'] });

    expect(result.heard.slice(1)).toEqual([
      'tracking.ask_number',
      'tracking.ask_id_digits',
      'tracking.invalid_id_digits',
      'tracking.ask_id_digits',
      'tracking.status.ready',
      'main.goodbye',
    ]);
  });

  it('says the proof failed, with the attempts left, and asks again', async () => {
    const result = await call({
      from: uniqueCaller(),
      keys: [uniqueDigits(8), '1111', '12345678', '5678'],
    });

    expect(result.heard.slice(1)).toEqual([
      'tracking.ask_number',
      'tracking.ask_id_digits',
      'tracking.verification_failed',
      'tracking.ask_number',
      'tracking.ask_id_digits',
      'tracking.status.ready',
      'main.goodbye',
    ]);
    expect(result.lambdaCalls[0]?.result).toMatchObject({ attemptsLeft: '4' });
  });

  it('apologises and queues for an agent once the calling number is locked out', async () => {
    const from = uniqueCaller();
    const guesses = Array.from({ length: 3 }, () => [uniqueDigits(8), '0000']).flat();
    // The flow gives up after three tries in one call; two calls reach the 5-failure limit.
    await call({ from, keys: guesses });
    const second = await call({ from, keys: [...guesses.slice(0, 4), '12345678', '5678'] });

    expect(second.lambdaCalls.map((lambda) => lambda.result?.outcome)).toEqual([
      'VERIFICATION_FAILED',
      'LOCKED_OUT',
    ]);
    expect(second.heard.slice(-1)).toEqual(['tracking.locked_out']);
    expect(second.disposition).toEqual(generalQueue);
  });

  it('offers an agent after three invalid numbers', async () => {
    const result = await call({ keys: ['1', '1234', '12', '1234', '123', '1234'] });

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

    const result = await call({ keys: ['12345678', '5678'], engineResources: failing });

    expect(result.lambdaCalls[0]).toMatchObject({ error: 'DynamoDB is unavailable' });
    expect(result.heard.at(-1)).toBe('main.error');
    expect(result.disposition).toEqual(generalQueue);
  });

  it('treats a Lambda slower than the 3 s limit as an error', async () => {
    const slow = withLambda(
      'tracking',
      () => new Promise((resolve) => setTimeout(() => resolve({ outcome: 'FOUND' }), 3500)),
    );

    const result = await call({ keys: ['12345678', '5678'], engineResources: slow });

    expect(result.lambdaCalls[0]?.error).toMatch(/Timed out after 3 s/);
    expect(result.disposition).toEqual(generalQueue);
  });

  it('ends the contact when the caller hangs up', async () => {
    const result = await call({ keys: [] });

    expect(result.disposition).toEqual({ type: 'DISCONNECTED', by: 'CUSTOMER' });
  });
});
