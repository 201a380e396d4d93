import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { localHandler } from '#local/handlers.ts';
import { connectEvent, lambdaContext } from '../support/connect.ts';

const appointments = localHandler('appointments');
const callerContext = localHandler('caller-context');
const complaints = localHandler('complaints');
const speech = localHandler('speech');
const survey = localHandler('survey');
const tracking = localHandler('tracking');

type Event = ReturnType<typeof connectEvent>;

/** A Connect event changed as Connect (or a forged invocation) may send it. */
const eventWith = (parameters: Record<string, string>, change: (event: Event) => void) => {
  const event = connectEvent(parameters);
  change(event);
  return event;
};

const LONG = '9'.repeat(3000);

const flowHandlers: Record<string, (event: unknown, context: Context) => Promise<unknown>> = {
  appointments,
  complaints,
  survey,
  tracking,
} as never;

describe('flow handlers given input Connect sends but the happy path never shows', () => {
  it.each([
    ['a null Address', { Address: null, Type: 'TELEPHONE_NUMBER' }],
    ['no Address', { Type: 'TELEPHONE_NUMBER' }],
    ['an empty endpoint', {}],
    ['a null endpoint', null],
  ])('treats a customer endpoint with %s as a withheld caller', async (_, endpoint) => {
    const event = eventWith({}, (e) => {
      e.Details.ContactData.CustomerEndpoint = endpoint;
    });

    await expect(callerContext(event, lambdaContext('caller-context'))).resolves.toEqual({
      outcome: 'UNKNOWN',
    });
  });

  it('lodges an anonymous complaint (no SMS) for a caller whose Address is null', async () => {
    const event = eventWith({ operation: 'create', categoryKey: '1', lang: 'en' }, (e) => {
      e.Details.ContactData.CustomerEndpoint = { Address: null, Type: 'TELEPHONE_NUMBER' };
    });

    await expect(complaints(event, lambdaContext('complaints'))).resolves.toMatchObject({
      outcome: 'CREATED',
      smsSent: 'false',
    });
  });

  it('accepts null attribute values', async () => {
    const event = eventWith({ applicationNumber: '12345678', idLast4: '5678' }, (e) => {
      e.Details.ContactData.Attributes = { lang: null, reference: null, journey: 'tracking' };
    });

    await expect(tracking(event, lambdaContext('tracking'))).resolves.toMatchObject({
      outcome: 'FOUND',
    });
  });

  it.each([
    ['appointments', { operation: 'list-services', centreId: LONG }, 'centreId'],
    ['appointments', { operation: 'find-booking', reference: LONG }, 'reference'],
    ['tracking', { applicationNumber: LONG, idLast4: '5678' }, 'applicationNumber'],
    ['complaints', { operation: 'create', categoryKey: '1', serviceId: LONG }, 'serviceId'],
    ['survey', { question: 'nps', score: LONG }, 'score'],
  ])(
    'refuses a 3,000-character value to %s before any key is built: INVALID_INPUT TOO_LONG',
    async (name, parameters, field) => {
      await expect(
        flowHandlers[name]!(connectEvent(parameters), lambdaContext(name)),
      ).resolves.toEqual({ outcome: 'INVALID_INPUT', field, reason: 'TOO_LONG' });
    },
  );

  it.each([
    [
      'missing',
      (e: Event) => delete (e.Details.ContactData as { ContactId?: string }).ContactId,
      'MISSING',
    ],
    ['empty', (e: Event) => (e.Details.ContactData.ContactId = ''), 'MISSING'],
    ['3,000 characters long', (e: Event) => (e.Details.ContactData.ContactId = LONG), 'TOO_LONG'],
  ])(
    'answers a ContactId that is %s with INVALID_INPUT (no idempotent write without it)',
    async (_, change, reason) => {
      const event = eventWith({ question: 'csat', score: '5' }, change);

      await expect(survey(event, lambdaContext('survey'))).resolves.toEqual({
        outcome: 'INVALID_INPUT',
        field: 'ContactId',
        reason,
      });
    },
  );

  it('still throws (error branch) for a parameter the flow left out: a flow defect', async () => {
    await expect(
      survey(
        connectEvent({ question: 'csat' }, { contactId: randomUUID() }),
        lambdaContext('survey'),
      ),
    ).rejects.toThrow();
  });
});

describe('speech handler given slot values it cannot speak', () => {
  const speak = (parameters: Record<string, string>) =>
    speech(connectEvent(parameters), lambdaContext('speech'));

  it('speaks a queue position', async () => {
    await expect(speak({ prompt: 'queue.position', position: '3' })).resolves.toMatchObject({
      outcome: 'OK',
      sayPrompt: 'queue.position',
    });
  });

  it('answers INVALID_INPUT MISSING for a slot the flow had no value for', async () => {
    await expect(speak({ prompt: 'queue.position', position: '' })).resolves.toEqual({
      outcome: 'INVALID_INPUT',
      field: 'position',
      reason: 'MISSING',
    });
  });

  it('answers INVALID_INPUT NOT_SPEAKABLE for digits with no recorded clip', async () => {
    await expect(
      speak({ prompt: 'tracking.verification_failed', application: '١٢٣', attemptsLeft: '2' }),
    ).resolves.toEqual({
      outcome: 'INVALID_INPUT',
      field: 'application,attemptsLeft',
      reason: 'NOT_SPEAKABLE',
    });
  });
});
