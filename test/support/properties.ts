import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { createLocalTables, localDynamoDbClient } from '#local/dynamodb/tables.ts';
import { type LocalPlatform, localPlatform } from '#local/platform.ts';
import { seed } from '#local/seed.ts';
import { connectEventFixtures } from './connect.ts';

/**
 * The seed of every property in a run: fixed, so a run is reproducible; `PROPERTY_SEED=<n>`
 * explores another part of the input space. On failure fast-check prints the seed, the path
 * and the shrunk counterexample (replay with `PROPERTY_SEED`).
 */
export const PROPERTY_SEED = Number(process.env.PROPERTY_SEED ?? 20_261_202);

/** fast-check parameters for one property: the run's seed and `numRuns` inputs. */
export const propertyRuns = (numRuns = 1000): fc.Parameters<unknown> => ({
  seed: PROPERTY_SEED,
  numRuns,
});

/**
 * A platform whose handlers use their own tables (`<prefix>-*`) in the run's DynamoDB Local,
 * created and seeded like the shared ones. Arbitrary input locks out callers and records and
 * opens many tickets: no example test may see that. Build the handlers on it (localHandler).
 */
export const usePropertyTables = async (prefix: string): Promise<LocalPlatform> => {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (!endpoint) throw new Error('Property tests run in the integration project (DynamoDB Local)');
  const platform = localPlatform({ dynamoDbEndpoint: endpoint, tablePrefix: prefix });
  await createLocalTables(localDynamoDbClient(endpoint), prefix);
  await seed(platform.aws.dynamoDb, prefix);
  return platform;
};

const UNICODE_DIGITS = [
  '٠١٢٣٤٥٦٧٨٩', // Arabic-Indic
  '۰۱۲۳۴۵۶۷۸۹', // Extended Arabic-Indic (Persian)
  '０１２３４５６７８９', // fullwidth
  '०१२३४५६७८९', // Devanagari
  '߀߁߂߃߄߅߆߇߈߉', // NKo
  '𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗', // mathematical bold (astral plane)
];

/** ASCII digits, `min` to `max` of them. */
export const digits = (min: number, max = min): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

/** Digits a keypad never sends but a chat or a mis-set attribute can: other scripts' digits. */
export const unicodeDigits: fc.Arbitrary<string> = fc.string({
  unit: fc.constantFrom(...UNICODE_DIGITS.flatMap((script) => [...script]), '1', '٣'),
  minLength: 1,
  maxLength: 14,
});

/** A value of 3,000 to 5,000 characters: far beyond any key or prompt (not shrunk: too slow). */
export const longValue: fc.Arbitrary<string> = fc.noShrink(
  fc.oneof(
    fc
      .tuple(fc.constantFrom('9', 'x', '٣', '🙂', ' '), fc.integer({ min: 3000, max: 5000 }))
      .map(([unit, length]) => unit.repeat(length)),
    fc.string({ unit: 'binary-ascii', minLength: 3000, maxLength: 3200 }),
  ),
);

/** Whatever a caller or a flow attribute can put in a parameter. */
export const callerText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  { weight: 3, arbitrary: digits(0, 14) },
  { weight: 2, arbitrary: unicodeDigits },
  { weight: 1, arbitrary: longValue },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '#',
      '*',
      '0',
      '00',
      '-1',
      '1e3',
      '0x10',
      'null',
      'undefined',
      '__proto__',
      'constructor',
      '$.StoredCustomerInput',
      '１２３４５６７８',
      '12345678\n',
      ' 12345678',
    ),
  },
);

/** An arbitrary caller value, or one of `shaped` (values that pass validation and reach the data). */
export const keyed = (...shaped: fc.Arbitrary<string>[]): fc.Arbitrary<string> =>
  fc.oneof(callerText, ...shaped);

/** A parameter that may be absent. */
export const maybe = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined });

const MISSING = Symbol('missing');
type Maybe<T> = T | typeof MISSING;
const missingOr = <T>(value: fc.Arbitrary<T>): fc.Arbitrary<Maybe<T>> =>
  fc.oneof({ weight: 1, arbitrary: fc.constant(MISSING) }, { weight: 5, arbitrary: value });

/** A calling number: Kenyan forms, foreign ones, withheld markers, and anything else. */
const address = fc.oneof(
  digits(8).map((d) => `+2547${d}`),
  digits(8).map((d) => `07${d}`),
  digits(8).map((d) => `2541${d}`),
  fc.constantFrom('anonymous', 'Anonymous', 'private', '+0000000000', '+11234567890', ''),
  callerText,
);

const endpoint = fc.oneof(
  fc.constant(null),
  fc.record({ Address: address, Type: fc.constantFrom('TELEPHONE_NUMBER', 'EMAIL') }),
  fc.record(
    { Address: fc.oneof(fc.constant(null), address), Type: fc.constant('TELEPHONE_NUMBER') },
    { requiredKeys: ['Type'] },
  ),
  fc.constant({}),
);

const attributes = fc.oneof(
  fc.constant(null),
  fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(fc.constant(null), callerText), {
    maxKeys: 4,
  }),
);

const contactId = fc.oneof(
  { weight: 12, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.constantFrom('', ' ') },
  { weight: 1, arbitrary: longValue },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }) },
);

const fixtures = connectEventFixtures.map((file) =>
  JSON.parse(readFileSync(new URL(`../events/connect/${file}`, import.meta.url), 'utf8')),
);

const absentUndefined = (parameters: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(parameters).filter(([, value]) => value !== undefined));

/**
 * Connect contact-flow events from every published fixture with `parameters` (undefined values
 * left out), and arbitrary contact data: null, empty and missing endpoints and addresses, null
 * attribute values, odd, very long and missing ContactIds.
 */
export const connectEvents = (
  parameters: fc.Arbitrary<Record<string, unknown>>,
): fc.Arbitrary<unknown> =>
  fc
    .record({
      fixture: fc.constantFrom(...fixtures),
      parameters,
      contactId: missingOr(contactId),
      customer: missingOr(endpoint),
      attributes: missingOr(attributes),
    })
    .map(({ fixture, parameters: values, contactId: id, customer, attributes: attrs }) => {
      const event = JSON.parse(JSON.stringify(fixture));
      const data = event.Details.ContactData;
      event.Details.Parameters = absentUndefined(values);
      for (const [name, value] of [
        ['ContactId', id],
        ['CustomerEndpoint', customer],
        ['Attributes', attrs],
      ] as const) {
        if (value === MISSING) delete data[name];
        else data[name] = value;
      }
      return event;
    });
