import type { Handler } from 'aws-lambda';
import fc from 'fast-check';
import centres from '#data/huduma-centres.json' with { type: 'json' };
import services from '#data/huduma-services.json' with { type: 'json' };
import { type LocalPlatform, localHandler } from '#local/handlers.ts';
import { asFunction } from '#local/iam/guard.ts';
import { checkDigit, REFERENCE_PREFIX } from '#shared/reference.ts';
import { promptCatalogue, SLOT } from '#shared/speech/catalogue.ts';
import { lambdaContext } from '../support/connect.ts';
import {
  callerText,
  connectEvents,
  digits,
  keyed,
  maybe,
  propertyRuns,
  usePropertyTables,
} from '../support/properties.ts';

const RUNS = 1000;
const TIMEOUT = 240_000;

/** A reference of this kind with a valid check digit. */
const reference = (kind: keyof typeof REFERENCE_PREFIX) =>
  digits(6).map(
    (body) => `${REFERENCE_PREFIX[kind]}${body}${checkDigit(REFERENCE_PREFIX[kind] + body)}`,
  );

const centreId = keyed(fc.constantFrom(...centres.map((centre) => centre.id)));
const serviceId = keyed(fc.constantFrom(...services.map((service) => service.id)));
/** A slot id (YYYY-MM-DDTHH:MM, Nairobi) from a few days ago to beyond the booking window. */
const slot = keyed(
  fc
    .tuple(
      fc.integer({ min: -3, max: 20 }),
      fc.constantFrom('08:00', '09:30', '12:00', '16:30', '23:00'),
    )
    .map(
      ([days, time]) =>
        `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${time}`,
    ),
);
const lang = maybe(fc.constantFrom('en', 'sw'));

/**
 * The parameters of each flow handler, one record per operation it accepts: what the flow sets
 * (`operation`, `question`, `requestType`, `prompt`) valid, every other value arbitrary, the
 * optional ones sometimes left out.
 */
const operations = {
  tracking: fc.oneof(
    fc.record({
      operation: fc.constant('check-number'),
      lang,
      applicationNumber: keyed(digits(8)),
    }),
    fc.record({
      operation: maybe(fc.constant('track')),
      lang,
      applicationNumber: keyed(digits(8), fc.constant('12345678')),
      idLast4: keyed(digits(4), fc.constant('5678')),
    }),
  ),
  appointments: fc.oneof(
    fc.record({
      operation: fc.constant('list-centres'),
      lang,
      countyCode: keyed(digits(1, 3)),
    }),
    fc.record({
      operation: fc.constant('find-centre'),
      lang,
      countyCode: keyed(digits(1, 3)),
      centreNumber: keyed(digits(1, 2)),
    }),
    fc.record({
      operation: fc.constant('list-services'),
      lang,
      centreId,
      page: maybe(keyed(digits(1, 2))),
    }),
    fc.record({
      operation: fc.constant('offer-slots'),
      lang,
      centreId,
      serviceId,
      after: maybe(slot),
    }),
    fc.record({
      operation: fc.constant('book'),
      lang,
      centreId,
      serviceId,
      slot,
      callbackNumber: maybe(keyed(digits(8).map((d) => `07${d}`))),
      idNumber: maybe(keyed(digits(6, 10))),
    }),
    ...(['find-booking', 'cancel', 'move'] as const).map((operation) =>
      fc.record({
        operation: fc.constant(operation),
        lang,
        reference: keyed(reference('booking')),
        proof: maybe(keyed(digits(6, 10))),
        // move's; find-booking and cancel ignore it.
        slot,
      }),
    ),
  ),
  pensions: fc.oneof(
    fc.record({
      operation: fc.constant('info'),
      lang,
      typeKey: keyed(digits(1)),
      topicKey: keyed(digits(1)),
    }),
    fc.record({
      operation: fc.constant('verify'),
      lang,
      pensionNumber: keyed(digits(6, 10), fc.constant('0000368915')),
      idNumber: keyed(digits(6, 9), fc.constant('22334455')),
    }),
    ...(['claim-status', 'last-payment', 'life-certificate'] as const).map((operation) =>
      fc.record({ operation: fc.constant(operation), lang }),
    ),
    fc.record({
      operation: fc.constant('request'),
      lang,
      requestType: fc.constantFrom(
        'statement',
        'bank_details_change',
        'life_certificate_appointment',
      ),
    }),
  ),
  complaints: fc.oneof(
    fc.record({
      operation: fc.constant('create'),
      lang,
      categoryKey: keyed(digits(1)),
      serviceKey: maybe(keyed(digits(1))),
      serviceId: maybe(serviceId),
      callbackNumber: maybe(keyed(digits(8).map((d) => `07${d}`))),
    }),
    fc.record({
      operation: fc.constant('status'),
      lang,
      reference: keyed(reference('complaint')),
    }),
  ),
  'caller-context': fc.record({ lang, unexpected: maybe(callerText) }),
  survey: fc.record({
    lang,
    question: fc.constantFrom('csat', 'nps'),
    score: keyed(digits(1, 2)),
  }),
  // The prompt is set by the flow; its slot values come from flow data (metrics, attributes).
  speech: fc.tuple(fc.constantFrom(...promptCatalogue.keys()), lang).chain(([prompt, language]) => {
    const slots = [...promptCatalogue.get(prompt)!.en.matchAll(SLOT)].map(([, name]) => name!);
    return fc.record({
      prompt: fc.constant(prompt),
      lang: fc.constant(language),
      ...Object.fromEntries(slots.map((name) => [name, maybe(keyed(digits(1, 4)))])),
    });
  }),
} satisfies Record<string, fc.Arbitrary<Record<string, unknown>>>;

type FlowHandler = keyof typeof operations;

/** A flat string map with an enumerated outcome; INVALID_INPUT names the field and the reason. */
const expectTypedOutcome = (result: Record<string, unknown>) => {
  expect(result.outcome).toEqual(expect.stringMatching(/^[A-Z][A-Z_]*$/));
  for (const value of Object.values(result)) expect(typeof value).toBe('string');
  if (result.outcome === 'INVALID_INPUT')
    expect(result).toEqual(
      expect.objectContaining({ field: expect.any(String), reason: expect.any(String) }),
    );
};

describe('flow handlers under arbitrary Connect events (property)', () => {
  let platform: LocalPlatform;
  beforeAll(async () => {
    platform = await usePropertyTables('props-flows');
  }, 60_000);

  it.each(Object.keys(operations) as FlowHandler[])(
    `%s answers ${RUNS} arbitrary events with a typed outcome, never a throw`,
    async (name) => {
      // Run as that function: every AWS call it makes is checked against its deployed role.
      const handler = asFunction(name, localHandler(name, {}, platform) as unknown as Handler);
      // The property is about input, not latency: a loaded machine must not time a run out.
      const context = { ...lambdaContext(name), getRemainingTimeInMillis: () => 30_000 };
      const outcomes = new Map<unknown, number>();
      const started = Date.now();
      await fc.assert(
        fc.asyncProperty(connectEvents(operations[name]), async (event) => {
          const result = await handler(event, context, () => undefined);
          expectTypedOutcome(result);
          outcomes.set(result.outcome, (outcomes.get(result.outcome) ?? 0) + 1);
        }),
        propertyRuns(RUNS),
      );
      const tally = [...outcomes].map(([outcome, count]) => `${outcome} ${count}`).join(', ');
      process.stdout.write(
        `property ${name}: ${RUNS} events in ${Date.now() - started} ms (${tally})\n`,
      );
    },
    TIMEOUT,
  );
});
