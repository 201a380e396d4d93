import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
import fc from 'fast-check';
import {
  apiEvent,
  isKnowledgeRoute,
  isReportRoute,
  LOCAL_TOKENS,
  STAFF_ROUTE_KEYS,
} from '#local/api-events.ts';
import { localContacts } from '#local/contacts.ts';
import { localHandler } from '#local/handlers.ts';
import { asFunction } from '#local/iam/guard.ts';
import { lambdaContext } from '../support/connect.ts';
import { uniqueCaller } from '../support/data.ts';
import { draftArticle } from '../support/knowledge.ts';
import {
  callerText,
  digits,
  keyed,
  longValue,
  maybe,
  propertyRuns,
  usePropertyTables,
} from '../support/properties.ts';

const RUNS = 1000;
const TIMEOUT = 300_000;

type ApiHandler = (
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
  context: ReturnType<typeof lambdaContext>,
) => Promise<APIGatewayProxyStructuredResultV2>;

let tickets: ApiHandler;
let reports: ApiHandler;
let knowledge: ApiHandler;
/** Tickets of this file's tables (immigration and nrb), and a real next-page cursor. */
const known = { references: [] as string[], cursors: [] as string[] };

const context = { ...lambdaContext('staff-api'), getRemainingTimeInMillis: () => 30_000 };
/** Each route to its Lambda, as API Gateway routes them. */
const call = (event: APIGatewayProxyEventV2WithJWTAuthorizer) =>
  (isKnowledgeRoute(event.routeKey)
    ? knowledge
    : isReportRoute(event.routeKey)
      ? reports
      : tickets)(event, context);

/** Contacts on an agent's line (as Connect describes them): with a number, withheld, in Kiswahili. */
const LINE_CONTACTS = {
  'props-line-1': { number: '+254711000001' },
  'props-line-withheld': {},
  'props-line-sw': { number: '0711000002', attributes: { lang: 'sw' } },
} as const;

const asAgent = async (
  method: string,
  path: string,
  options: { body?: unknown; query?: Record<string, string> },
) => {
  const response = await tickets(
    apiEvent({ method, path, claims: LOCAL_TOKENS['agent-demo']!, ...options }),
    context,
  );
  return JSON.parse(String(response.body));
};

/** Claims of every role, of none, malformed ones, and none at all (no token). */
const claims = fc.oneof(
  fc.constantFrom(
    ...['agent-demo', 'supervisor-demo', 'norole-demo', 'agency-immigration', 'agency-nrb'].map(
      (token) => LOCAL_TOKENS[token]!,
    ),
  ),
  fc.record(
    {
      'cognito:username': keyed(),
      'cognito:groups': fc.oneof(
        fc.constantFrom(
          '[agents]',
          '[supervisors]',
          '[agency-focal-persons]',
          '[agents supervisors]',
          '[]',
          '',
        ),
        keyed(),
      ),
      'custom:agencyId': keyed(fc.constantFrom('immigration', 'nrb', 'huduma')),
    },
    { requiredKeys: [] },
  ),
);

const base64url = (text: string) => Buffer.from(text).toString('base64url');
const cursor = fc.oneof(
  fc.constant('a real one').map(() => known.cursors[0]!),
  fc.jsonValue().map((value) => base64url(JSON.stringify(value))),
  fc
    .record({
      pk: keyed(),
      sk: keyed(),
      gsi1pk: keyed(fc.constant('AGENCY#nrb#OPEN')),
      gsi1sk: keyed(),
    })
    .map((key) => base64url(JSON.stringify(key))),
  callerText,
);

const query = fc.record(
  {
    agencyId: keyed(fc.constantFrom('immigration', 'nrb', 'huduma')),
    status: keyed(fc.constantFrom('OPEN', 'ACKNOWLEDGED', 'RESOLVED', 'CLOSED', 'ESCALATED')),
    limit: keyed(digits(1, 3)),
    cursor,
    date: keyed(fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10))),
    agent: keyed(fc.constant('agent.wanjiku')),
    q: fc.oneof(
      keyed(fc.constantFrom('pasport', 'NHIF', 'cheti cha kuzaliwa', 'kitamb')),
      callerText,
    ),
    lang: keyed(fc.constantFrom('en', 'sw')),
  },
  { requiredKeys: [] },
);

const text = fc.oneof(callerText, fc.constant('Resolved at the counter.'), longValue);
const body = fc.oneof(
  fc.constant(undefined),
  fc.record(
    {
      note: text,
      resolution: text,
      reason: text,
      version: fc.oneof(fc.integer(), fc.double(), callerText),
      contactId: keyed(fc.constantFrom(...Object.keys(LINE_CONTACTS))),
      categoryId: keyed(fc.constantFrom('delay', 'corruption')),
      serviceId: keyed(fc.constantFrom('passport', 'new-id')),
      callbackNumber: keyed(digits(8).map((d) => `07${d}`)),
      description: text,
      priority: keyed(fc.constantFrom('normal', 'high', 'urgent')),
      lang: keyed(fc.constantFrom('en', 'sw')),
      article: fc.oneof(
        fc
          .constant(undefined)
          .map(() => draftArticle(`props-${known.references.length}`, 'zetaprops')),
        fc.jsonValue(),
      ),
      expectedVersion: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.double(), callerText),
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue(),
  callerText,
);

/** Requests to one route: any claims, path, query, body (JSON or not, base64 or not), headers. */
const requests = (routeKey: string) =>
  fc
    .record({
      reference: maybe(
        fc.oneof(
          fc.nat().map((index) => known.references[index % known.references.length]!),
          digits(8),
          // Knowledge article and category ids, seeded and not.
          fc.constantFrom(
            'passport',
            'sha-registration',
            'identity',
            'huduma',
            'props-0',
            'no-such',
          ),
          callerText,
        ),
      ),
      claims: maybe(claims),
      query: maybe(query),
      body,
      base64: fc.boolean(),
      headers: fc.dictionary(fc.string({ maxLength: 20 }), callerText, { maxKeys: 3 }),
    })
    .map(({ reference, claims: given, query: search, body: payload, base64, headers }) => {
      const event = apiEvent({ method: 'GET', path: '/', claims: given ?? {} });
      const raw =
        payload === undefined || typeof payload === 'string' ? payload : JSON.stringify(payload);
      return {
        ...event,
        routeKey,
        headers: { ...headers, ...event.headers },
        pathParameters:
          reference === undefined ? undefined : { reference, id: reference, categoryId: reference },
        queryStringParameters: search && Object.keys(search).length ? search : undefined,
        body: raw === undefined ? undefined : base64 ? Buffer.from(raw).toString('base64') : raw,
        isBase64Encoded: raw !== undefined && base64,
        requestContext: {
          ...event.requestContext,
          routeKey,
          ...(given === undefined && { authorizer: undefined }),
        },
      } as APIGatewayProxyEventV2WithJWTAuthorizer;
    });

describe('staff API under arbitrary requests (property)', () => {
  beforeAll(async () => {
    const platform = await usePropertyTables('props-api');
    // Run as those functions: every AWS call is checked against their deployed roles.
    tickets = asFunction(
      'tickets-api',
      localHandler('tickets-api', { callbacks: { send: async () => undefined } }, platform),
    ) as never;
    reports = asFunction('reports', localHandler('reports', {}, platform)) as never;
    // The contacts on the line are the local runtime's (its Connect stand-in), checked as Connect calls.
    knowledge = asFunction(
      'knowledge-api',
      localHandler('knowledge-api', { contactLine: localContacts }, platform),
    ) as never;
    for (const [contactId, contact] of Object.entries(LINE_CONTACTS))
      localContacts.register(contactId, contact);
    for (const serviceId of ['passport', 'passport', 'new-id']) {
      const created = await asAgent('POST', '/tickets', {
        body: {
          contactId: `props-${serviceId}-${known.references.length}`,
          categoryId: 'delay',
          serviceId,
          callbackNumber: uniqueCaller(),
          description: 'Waiting since March.',
        },
      });
      known.references.push(created.ticket.reference);
    }
    const page = await asAgent('GET', '/tickets', {
      query: { agencyId: 'immigration', limit: '1' },
    });
    known.cursors.push(page.cursor);
    expect(known).toEqual({
      references: [expect.stringMatching(/^\d{8}$/), expect.any(String), expect.any(String)],
      cursors: [expect.any(String)],
    });
  }, 60_000);

  it.each(STAFF_ROUTE_KEYS)(
    `%s answers ${RUNS} arbitrary requests with a 2xx or a 4xx with a reason, never a 500`,
    async (routeKey) => {
      const statuses = new Map<string, number>();
      const started = Date.now();
      await fc.assert(
        fc.asyncProperty(requests(routeKey), async (event) => {
          const response = await call(event);
          const status = response.statusCode ?? 200;
          expect(status).toBeLessThan(500);
          if (status >= 400)
            expect(JSON.parse(String(response.body))).toEqual(
              expect.objectContaining({ error: expect.any(String), message: expect.any(String) }),
            );
          const key = String(status);
          statuses.set(key, (statuses.get(key) ?? 0) + 1);
        }),
        propertyRuns(RUNS),
      );
      const tally = [...statuses]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, count]) => `${key}: ${count}`)
        .join(', ');
      process.stdout.write(
        `property ${routeKey}: ${RUNS} requests in ${Date.now() - started} ms (${tally})\n`,
      );
    },
    TIMEOUT,
  );
});
