import { handler } from '../../lambdas/tracking/handler.ts';
import { connectEvent, connectEventFixtures, lambdaContext } from '../support/connect.ts';

const track = (parameters: Record<string, string>, options?: Parameters<typeof connectEvent>[1]) =>
  handler(connectEvent(parameters, options), lambdaContext('tracking'));

describe('tracking handler', () => {
  it('says where a ready application can be collected', async () => {
    // Act
    const result = await track({ applicationNumber: '12345678', lang: 'en' });

    // Assess
    expect(result).toEqual({
      outcome: 'FOUND',
      status: 'READY',
      serviceId: 'duplicate-id',
      centreId: 'nac-001',
      sayPrompt: 'tracking.status.ready',
      say: 'Application 1 2 3 4 5 6 7 8 for a replacement identity card is ready for collection at GPO Huduma Centre. Please bring your original identity card or waiting card.',
    });
  });

  it.each([
    ['23456789', 'IN_PROCESSING', 'tracking.status.in_processing'],
    ['34567890', 'RECEIVED', 'tracking.status.received'],
    ['45678901', 'COLLECTED', 'tracking.status.collected'],
    ['56789012', 'REJECTED', 'tracking.status.rejected'],
  ])('reports application %s as %s', async (applicationNumber, status, prompt) => {
    const result = await track({ applicationNumber, lang: 'en' });

    expect(result).toMatchObject({ outcome: 'FOUND', status, sayPrompt: prompt });
    expect(result.centreId).toBeUndefined();
  });

  it('gives the collection date and the rejection reason in words', async () => {
    const collected = await track({ applicationNumber: '45678901', lang: 'en' });
    const rejected = await track({ applicationNumber: '56789012', lang: 'en' });

    expect(collected.say).toContain('collected on Wednesday 18 November');
    expect(rejected).toMatchObject({ rejectionReason: 'missing_documents' });
    expect(rejected.say).toContain('Reason: supporting documents are missing.');
  });

  it('renders Kiswahili as recorded clips the flow can play', async () => {
    const result = await track({ applicationNumber: '12345678', lang: 'sw' });

    expect(result.say).toBe(
      'Maombi moja mbili tatu nne tano sita saba nane ya kitambulisho mbadala yako tayari kuchukuliwa katika Kituo cha Huduma cha GPO. Tafadhali leta kitambulisho chako halisi au kadi ya kusubiri.',
    );
    expect(result.clipCount).toBe('14');
    expect(result.clip14).toBe('s3://huduma-local-prompts/prompts/sw/tracking.status.ready.p4.wav');
    expect(result.clip1).toBe('s3://huduma-local-prompts/prompts/sw/tracking.status.ready.p1.wav');
    expect(result.clip2).toBe('s3://huduma-local-prompts/prompts/sw/digit.1.wav');
    expect(result.clip11).toBe('s3://huduma-local-prompts/prompts/sw/service.duplicate-id.wav');
  });

  it('returns NOT_FOUND and reads back the number for an unknown application', async () => {
    const result = await track({ applicationNumber: '99999999', lang: 'en' });

    expect(result).toEqual({
      outcome: 'NOT_FOUND',
      sayPrompt: 'tracking.not_found',
      say: 'We could not find application number 9 9 9 9 9 9 9 9.',
    });
  });

  it.each([
    ['letters', '1234abcd', 'NOT_DIGITS'],
    ['too few digits', '1234', 'WRONG_LENGTH'],
    ['too many digits', '123456789', 'WRONG_LENGTH'],
    ['nothing', '', 'EMPTY'],
    ['a star key', '1234567*', 'NOT_DIGITS'],
  ])('returns INVALID_INPUT for %s without a lookup', async (_, applicationNumber, reason) => {
    await expect(track({ applicationNumber, lang: 'en' })).resolves.toEqual({
      outcome: 'INVALID_INPUT',
      reason,
    });
  });

  it.each(connectEventFixtures)('accepts the published Connect event %s', async (fixture) => {
    await expect(track({ applicationNumber: '12345678' }, { fixture })).resolves.toMatchObject({
      outcome: 'FOUND',
    });
  });

  it('defaults to English when the flow sends no language', async () => {
    await expect(track({ applicationNumber: '12345678' })).resolves.toMatchObject({
      outcome: 'FOUND',
      say: expect.stringContaining('ready for collection'),
    });
  });

  it('throws, so the flow takes its error branch, when the flow sends no application number', async () => {
    await expect(track({ lang: 'en' })).rejects.toThrow();
  });

  it('throws when the flow sends an unsupported language', async () => {
    await expect(track({ applicationNumber: '12345678', lang: 'fr' })).rejects.toThrow();
  });
});
