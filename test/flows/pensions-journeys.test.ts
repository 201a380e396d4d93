import { randomInt } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { call, freshCaller } from '../support/contact-centre.ts';
import { documentClient, tableNames } from '../support/data.ts';
import {
  failing,
  heardIn,
  LANGUAGES,
  meanwhile,
  outcomes,
  withoutFlow,
} from '../support/journeys.ts';

/**
 * A pension number no pensioner holds. Failed proofs count against the pension number claimed
 * too, so failures use numbers of their own: the demo pensioners stay unlocked for other tests.
 */
const unknownPension = () => `0009${String(randomInt(100_000, 999_999))}`;

/** The 30-minute proof a contact gave has lapsed (what a long call would see): `expiresAt` is past. */
const lapseVerification = async (contactId: string) => {
  await documentClient.send(
    new UpdateCommand({
      TableName: tableNames.serviceData,
      Key: { pk: `VERIFIED#${contactId}`, sk: 'PENSION' },
      UpdateExpression: 'SET expiresAt = :past',
      // Long past by any clock: the handler reads the call's, not the system's.
      ExpressionAttributeValues: { ':past': 1 },
    }),
  );
};

describe.each(LANGUAGES)('pensions flow in $language', ({ key, lang }) => {
  const PENSIONS = [key, '3'];

  it('tells anyone how to claim a survivor pension, then says goodbye', async () => {
    // Act
    const result = await call({ keys: [...PENSIONS, '1', '2', '1', '_'] });

    // Assess
    expect(heardIn(result, lang).slice(-6)).toEqual([
      'pensions.start',
      'pensions.ask_type',
      'pensions.ask_topic',
      'pensions.info.survivor.how_to_apply',
      'pensions.after',
      'main.goodbye',
    ]);
    expect(result.callsTo('pensions')[0]?.parameters).toMatchObject({
      operation: 'info',
      typeKey: '2',
      topicKey: '1',
      lang,
    });
    expect(result.disposition).toEqual({ type: 'DISCONNECTED', by: 'FLOW' });
  });

  it('asks again after a silence and a pension type that is not on the menu', async () => {
    const result = await call({ keys: [...PENSIONS, '1', '_', '7', '1', '3', '2'] });

    expect(outcomes(result, 'pensions')).toEqual(['INVALID_INPUT', 'INFO']);
    expect(heardIn(result, lang).slice(-9)).toEqual([
      'pensions.ask_type',
      'main.no_choice',
      'pensions.ask_type',
      'pensions.ask_topic',
      'pensions.invalid_choice',
      'pensions.ask_type',
      'pensions.ask_topic',
      'pensions.info.disability.documents',
      'pensions.after',
    ]);
  });

  it('re-prompts the first menu after a silence and a wrong key, and returns to the main menu on star', async () => {
    const result = await call({ keys: [...PENSIONS, '_', '5', '*'] });

    expect(heardIn(result, lang).slice(-6)).toEqual([
      'pensions.start',
      'main.no_choice',
      'pensions.start',
      'main.invalid_choice',
      'pensions.start',
      'main.menu',
    ]);
    expect(result.callsTo('pensions')).toHaveLength(0);
  });

  it('reads the life certificate of a verified pensioner and takes two service requests, confirmed first', async () => {
    const from = freshCaller();

    const result = await call({
      from,
      keys: [...PENSIONS, '2', '0000412207', '11223344', '7', '3', '4', '2', '1', '4', '3', '1'],
    });

    expect(outcomes(result, 'pensions')).toEqual(['VERIFIED', 'FOUND', 'CREATED', 'CREATED']);
    expect(heardIn(result, lang)).toEqual(
      expect.arrayContaining([
        'pensions.verified',
        'main.invalid_choice',
        'pensions.life_certificate.due',
        'pensions.request_menu',
        'pensions.confirm_request',
        'pensions.request.created',
      ]),
    );
    const requested = result
      .callsTo('pensions')
      .filter((event) => event.parameters.operation === 'request');
    expect(requested.map((event) => event.parameters.requestType)).toEqual([
      'bank_details_change',
      'life_certificate_appointment',
    ]);
    expect(result.attributes).toMatchObject({
      selfService: 'REQUEST_CREATED',
      requestReference: requested[1]?.result?.reference,
    });
  });

  it('asks for the proof again when it has lapsed, then answers', async () => {
    const lapsed = meanwhile('pensions', 'claim-status', async (event) => {
      await lapseVerification(event.Details.ContactData.ContactId);
    });

    const result = await call({
      from: freshCaller(),
      keys: [...PENSIONS, '2', '0000287731', '9988776', '1', '0000287731', '9988776', '2'],
      engineResources: lapsed,
    });

    expect(outcomes(result, 'pensions')).toEqual(['VERIFIED', 'NOT_VERIFIED', 'VERIFIED', 'FOUND']);
    expect(heardIn(result, lang)).toEqual(
      expect.arrayContaining(['pensions.not_verified', 'pensions.last_payment.paid']),
    );
    expect(heardIn(result, lang).indexOf('pensions.not_verified')).toBe(
      heardIn(result, lang).lastIndexOf('pensions.ask_pension_number') - 1,
    );
  });

  it('asks again for the input whose shape was wrong, and for the ID number after a silence', async () => {
    const result = await call({
      from: freshCaller(),
      keys: [...PENSIONS, '2', '123', '45678901', '0000368915', '_', '12', '22334455', '_'],
    });

    expect(outcomes(result, 'pensions')).toEqual(['INVALID_INPUT', 'INVALID_INPUT', 'VERIFIED']);
    expect(heardIn(result, lang)).toEqual(
      expect.arrayContaining([
        'pensions.invalid_pension_number',
        'main.no_choice',
        'pensions.invalid_id_number',
        'pensions.verified',
      ]),
    );
    const heard = heardIn(result, lang);
    expect(
      heard.slice(heard.indexOf('main.no_choice') - 1, heard.indexOf('main.no_choice') + 2),
    ).toEqual(['pensions.ask_id_number', 'main.no_choice', 'pensions.ask_id_number']);
  });

  it('counts failed proofs across calls and routes the caller to an agent once locked out', async () => {
    // Prepare: two failures and a silence end the first call at an agent.
    const from = freshCaller();
    const first = await call({
      from,
      keys: [...PENSIONS, '2', unknownPension(), '11111111', '_', unknownPension(), '22222222'],
    });

    // Act
    const failures = ['33333333', '44444444', '55555555'].flatMap((id) => [unknownPension(), id]);
    const result = await call({ from, keys: [...PENSIONS, '2', ...failures] });

    // Assess
    expect(outcomes(first, 'pensions')).toEqual(['VERIFICATION_FAILED', 'VERIFICATION_FAILED']);
    expect(heardIn(first, lang)).toEqual(
      expect.arrayContaining(['pensions.verification_failed', 'main.no_choice']),
    );
    expect(outcomes(result, 'pensions')).toEqual([
      'VERIFICATION_FAILED',
      'VERIFICATION_FAILED',
      'LOCKED_OUT',
    ]);
    expect(heardIn(result, lang)).toContain('pensions.locked_out');
    expect(result.attributes.journey).toContain('pensions:LOCKED_OUT');
    expect(result.disposition).toMatchObject({ type: 'QUEUED', queue: 'Pensions' });
  });

  it('apologises and queues for an agent when the Lambda fails', async () => {
    const result = await call({
      keys: [...PENSIONS, '1', '1', '1'],
      engineResources: failing('pensions'),
    });

    expect(result.callsTo('pensions')[0]?.error).toBe('pensions is unavailable');
    expect(heardIn(result, lang)).toEqual(
      expect.arrayContaining(['main.error', 'agent.connecting']),
    );
    expect(result.disposition).toMatchObject({ type: 'QUEUED', queue: 'Pensions' });
  });

  it('apologises and ends the call when the agent flow cannot be reached', async () => {
    const result = await call({ keys: [...PENSIONS, '0'], engineResources: withoutFlow('agent') });

    expect(heardIn(result, lang).slice(-2)).toEqual(['pensions.start', 'main.error']);
    expect(result.attributes.intent).toBe('pensions');
    expect(result.disposition).toEqual({ type: 'DISCONNECTED', by: 'FLOW' });
  });
});
