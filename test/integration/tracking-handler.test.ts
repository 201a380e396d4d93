import { createHash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { localHandler } from '#local/handlers.ts';
import { connectEvent, connectEventFixtures, lambdaContext } from '../support/connect.ts';
import {
  documentClient,
  identityHasher,
  tableNames,
  uniqueCaller,
  uniqueDigits,
} from '../support/data.ts';
import { newApplication } from '../support/repositories.ts';

const handler = localHandler('tracking');

const track = (parameters: Record<string, string>, options?: Parameters<typeof connectEvent>[1]) =>
  handler(connectEvent(parameters, options), lambdaContext('tracking'));

describe('tracking handler', () => {
  it('says where a ready application can be collected once the caller proves it is theirs', async () => {
    // Act
    const result = await track({ applicationNumber: '12345678', idLast4: '5678', lang: 'en' });

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
    ['23456789', '1234', 'IN_PROCESSING', 'tracking.status.in_processing'],
    ['34567890', '4321', 'RECEIVED', 'tracking.status.received'],
    ['45678901', '9876', 'COLLECTED', 'tracking.status.collected'],
    ['56789012', '2468', 'REJECTED', 'tracking.status.rejected'],
  ])('reports application %s as %s', async (applicationNumber, idLast4, status, prompt) => {
    const result = await track({ applicationNumber, idLast4, lang: 'en' });

    expect(result).toMatchObject({ outcome: 'FOUND', status, sayPrompt: prompt });
    expect(result.centreId).toBeUndefined();
  });

  it('gives the collection date and the rejection reason in words', async () => {
    const collected = await track({ applicationNumber: '45678901', idLast4: '9876', lang: 'en' });
    const rejected = await track({ applicationNumber: '56789012', idLast4: '2468', lang: 'en' });

    expect(collected.say).toContain('collected on Wednesday 18 November');
    expect(rejected).toMatchObject({ rejectionReason: 'missing_documents' });
    expect(rejected.say).toContain('Reason: supporting documents are missing.');
  });

  it('renders Kiswahili as recorded clips the flow can play', async () => {
    const result = await track({ applicationNumber: '12345678', idLast4: '5678', lang: 'sw' });

    expect(result.say).toBe(
      'Maombi moja mbili tatu nne tano sita saba nane ya kitambulisho mbadala yako tayari kuchukuliwa katika Kituo cha Huduma cha GPO. Tafadhali leta kitambulisho chako halisi au kadi ya kusubiri.',
    );
    expect(result.clipCount).toBe('14');
    expect(result.clip14).toBe('s3://huduma-local-prompts/prompts/sw/tracking.status.ready.p4.wav');
    expect(result.clip1).toBe('s3://huduma-local-prompts/prompts/sw/tracking.status.ready.p1.wav');
    expect(result.clip2).toBe('s3://huduma-local-prompts/prompts/sw/digit.1.wav');
    expect(result.clip11).toBe('s3://huduma-local-prompts/prompts/sw/service.duplicate-id.wav');
  });

  it('returns VERIFICATION_FAILED with the attempts left for a wrong proof', async () => {
    const applicationNumber = await newApplication('2580');

    const result = await track(
      { applicationNumber, idLast4: '0000', lang: 'en' },
      { customerNumber: uniqueCaller() },
    );

    expect(result).toEqual({
      outcome: 'VERIFICATION_FAILED',
      attemptsLeft: '4',
      sayPrompt: 'tracking.verification_failed',
      say: `We could not find application ${[...applicationNumber].join(' ')} with those ID number digits. Please check both and try again. Attempts left: 4.`,
    });
  });

  it('answers an unknown application number exactly as a wrong proof, so numbers cannot be enumerated', async () => {
    const wrongProof = await track(
      { applicationNumber: await newApplication('2580'), idLast4: '1111', lang: 'en' },
      { customerNumber: uniqueCaller() },
    );
    const unknown = await track(
      { applicationNumber: uniqueDigits(8, '0'), idLast4: '1111', lang: 'en' },
      { customerNumber: uniqueCaller() },
    );

    const { say: _a, ...wrongProofResult } = wrongProof;
    const { say: _b, ...unknownResult } = unknown;
    expect(unknownResult).toEqual(wrongProofResult);
    expect(unknown).toMatchObject({ outcome: 'VERIFICATION_FAILED', attemptsLeft: '4' });
  });

  it('counts a retried invocation (same contact, same digits) once', async () => {
    const applicationNumber = await newApplication();
    const options = { customerNumber: uniqueCaller(), contactId: crypto.randomUUID() };

    const first = await track({ applicationNumber, idLast4: '1111', lang: 'en' }, options);
    const retried = await track({ applicationNumber, idLast4: '1111', lang: 'en' }, options);
    const another = await track({ applicationNumber, idLast4: '2222', lang: 'en' }, options);

    expect(first).toMatchObject({ outcome: 'VERIFICATION_FAILED', attemptsLeft: '4' });
    expect(retried).toEqual(first);
    expect(another).toMatchObject({ outcome: 'VERIFICATION_FAILED', attemptsLeft: '3' });
    // The counter remembers each failure by a keyed hash: the typed digits cannot be guessed back.
    // The counter's key is a keyed hash too: no unkeyed SHA-256 of the number finds it.
    const digest = (text: string) => createHash('sha256').update(text).digest('hex');
    const counterAt = async (hash: string) =>
      (
        await documentClient.send(
          new GetCommand({
            TableName: tableNames.serviceData,
            Key: { pk: `ATTEMPTS#application#${hash.slice(0, 32)}`, sk: 'ATTEMPTS' },
          }),
        )
      ).Item;
    expect(await counterAt(digest(`application:${applicationNumber}`))).toBeUndefined();
    const Item = await counterAt(
      await identityHasher.hash('counter', 'application', applicationNumber),
    );
    const tokens = [...(Item?.tokens ?? [])];
    expect(tokens).toHaveLength(2);
    for (const digits of ['1111', '2222'])
      expect(tokens).not.toContain(
        digest(`${options.contactId}|application:${applicationNumber}|${digits}`).slice(0, 24),
      );
  });

  it('locks a calling number out after 5 failures in an hour, and then refuses even a correct proof', async () => {
    const customerNumber = uniqueCaller();
    const results = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      // Different applications each time: an enumeration attempt.
      results.push(
        await track(
          { applicationNumber: await newApplication('2580'), idLast4: '0000', lang: 'en' },
          { customerNumber },
        ),
      );
    }

    const correctProof = await track(
      { applicationNumber: '12345678', idLast4: '5678', lang: 'en' },
      { customerNumber },
    );

    expect(results.map((result) => result.attemptsLeft ?? result.outcome)).toEqual([
      '4',
      '3',
      '2',
      '1',
      'LOCKED_OUT',
    ]);
    expect(results[4]).toEqual({
      outcome: 'LOCKED_OUT',
      sayPrompt: 'tracking.locked_out',
      say: 'Sorry, we cannot give application details on this call because of too many unsuccessful attempts. Let us connect you to an agent.',
    });
    expect(correctProof).toMatchObject({ outcome: 'LOCKED_OUT' });
  });

  it('locks an application out after 5 failures from different numbers, and then refuses its owner', async () => {
    const applicationNumber = await newApplication('2580');
    for (let attempt = 0; attempt < 5; attempt++) {
      await track(
        { applicationNumber, idLast4: `000${attempt}`, lang: 'en' },
        { customerNumber: uniqueCaller() },
      );
    }

    const owner = await track(
      { applicationNumber, idLast4: '2580', lang: 'en' },
      { customerNumber: uniqueCaller() },
    );

    expect(owner).toMatchObject({ outcome: 'LOCKED_OUT', sayPrompt: 'tracking.locked_out' });
  });

  it.each([
    ['letters', '1234abcd', 'NOT_DIGITS'],
    ['too few digits', '1234', 'WRONG_LENGTH'],
    ['too many digits', '123456789', 'WRONG_LENGTH'],
    ['nothing', '', 'EMPTY'],
    ['a star key', '1234567*', 'NOT_DIGITS'],
  ])(
    'returns INVALID_INPUT for an application number with %s, without a lookup',
    async (_, applicationNumber, reason) => {
      await expect(track({ applicationNumber, idLast4: '5678', lang: 'en' })).resolves.toEqual({
        outcome: 'INVALID_INPUT',
        field: 'applicationNumber',
        reason,
        sayPrompt: 'tracking.invalid_number',
        say: 'That is not a valid application number. An application number has 8 digits.',
      });
    },
  );

  it.each([
    ['too few digits', '567', 'WRONG_LENGTH'],
    ['nothing', '', 'EMPTY'],
    ['a star key', '56*8', 'NOT_DIGITS'],
  ])(
    'returns INVALID_INPUT for ID digits with %s, without counting a failure',
    async (_, idLast4, reason) => {
      const customerNumber = uniqueCaller();
      const applicationNumber = await newApplication('2580');

      const result = await track({ applicationNumber, idLast4, lang: 'en' }, { customerNumber });
      const next = await track(
        { applicationNumber, idLast4: '0000', lang: 'en' },
        { customerNumber },
      );

      expect(result).toMatchObject({ outcome: 'INVALID_INPUT', field: 'idLast4', reason });
      expect(next).toMatchObject({ outcome: 'VERIFICATION_FAILED', attemptsLeft: '4' });
    },
  );

  it.each(connectEventFixtures)('accepts the published Connect event %s', async (fixture) => {
    await expect(
      track({ applicationNumber: '12345678', idLast4: '5678' }, { fixture }),
    ).resolves.toMatchObject({ outcome: 'FOUND' });
  });

  it('defaults to English when the flow sends no language', async () => {
    await expect(track({ applicationNumber: '12345678', idLast4: '5678' })).resolves.toMatchObject({
      outcome: 'FOUND',
      say: expect.stringContaining('ready for collection'),
    });
  });

  it('throws, so the flow takes its error branch, when the flow sends no application number or proof', async () => {
    await expect(track({ idLast4: '5678', lang: 'en' })).rejects.toThrow();
    await expect(track({ applicationNumber: '12345678', lang: 'en' })).rejects.toThrow();
  });

  it('throws when the flow sends an unsupported language', async () => {
    await expect(
      track({ applicationNumber: '12345678', idLast4: '5678', lang: 'fr' }),
    ).rejects.toThrow();
  });
});

describe('tracking handler: checking a number as it is keyed', () => {
  const check = (applicationNumber: string, customerNumber = uniqueCaller()) =>
    track({ operation: 'check-number', applicationNumber, lang: 'en' }, { customerNumber });

  it('answers VALID alike for a number on record and one that is not', async () => {
    const onRecord = await check('12345678');
    const unknown = await check(uniqueDigits(8));

    expect(onRecord).toEqual({ outcome: 'VALID' });
    expect(unknown).toEqual(onRecord);
  });

  it.each([
    ['too few digits', '1234567', 'WRONG_LENGTH'],
    ['too many digits', '123456789', 'WRONG_LENGTH'],
    ['a star key', '1234567*', 'NOT_DIGITS'],
    ['nothing', '', 'EMPTY'],
  ])('says a number with %s is not an application number', async (_, number, reason) => {
    await expect(check(number)).resolves.toEqual({
      outcome: 'INVALID_INPUT',
      field: 'applicationNumber',
      reason,
      sayPrompt: 'tracking.invalid_number',
      say: 'That is not a valid application number. An application number has 8 digits.',
    });
  });

  it('counts nothing: six checks leave the caller and the application five proofs', async () => {
    const customerNumber = uniqueCaller();
    const applicationNumber = await newApplication('2580');
    for (let i = 0; i < 6; i++) await check(applicationNumber, customerNumber);

    const failed = await track(
      { applicationNumber, idLast4: '0000', lang: 'en' },
      { customerNumber },
    );

    expect(failed).toMatchObject({ outcome: 'VERIFICATION_FAILED', attemptsLeft: '4' });
  });

  it('throws, so the flow takes its error branch, when the flow sends no number to check', async () => {
    await expect(track({ operation: 'check-number', lang: 'en' })).rejects.toThrow();
  });
});
