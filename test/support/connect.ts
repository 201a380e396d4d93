import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { Context } from 'aws-lambda';
import { lambdaContext as localLambdaContext } from '#local/lambda-context.ts';

const eventsDirectory = new URL('../events/connect/', import.meta.url);

/** AWS's published Connect contact-flow events (test/events/connect, see test/events/README.md). */
export const connectEventFixtures = readdirSync(eventsDirectory).filter((file) =>
  file.endsWith('.json'),
);

/** Freezes `value` and everything in it: a fixture shared by every event must not change. */
const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
};

const parsedFixtures = new Map<string, ReturnType<typeof JSON.parse>>();
const fixtureEvent = (fixture: string) => {
  let event = parsedFixtures.get(fixture);
  if (!event) {
    event = deepFreeze(JSON.parse(readFileSync(new URL(fixture, eventsDirectory), 'utf8')));
    parsedFixtures.set(fixture, event);
  }
  return event;
};

/**
 * A Connect contact-flow event from a published fixture (read once), with our flow's parameters
 * and a fresh ContactId (or the one given, to replay a retried invocation). `Details`,
 * `ContactData` and `CustomerEndpoint` are the event's own, to change; the rest is the frozen
 * fixture's, shared: the bench times building the event as part of the handler's call, and
 * copying all of it (about 9 µs) was billed to every handler.
 */
export const connectEvent = (
  parameters: Record<string, string>,
  {
    fixture = 'connect-event-v3-admin-guide-current.json',
    contactId = randomUUID(),
    customerNumber = '+254712345678',
  }: { fixture?: string; contactId?: string; customerNumber?: string } = {},
) => {
  const event = fixtureEvent(fixture);
  const { ContactData } = event.Details;
  return {
    ...event,
    Details: {
      ...event.Details,
      Parameters: parameters,
      ContactData: {
        ...ContactData,
        ContactId: contactId,
        ...(ContactData.CustomerEndpoint && {
          CustomerEndpoint: { ...ContactData.CustomerEndpoint, Address: customerNumber },
        }),
      },
    },
  };
};

/** A Lambda context; `remainingMillis` as under the function's timeout (Connect's 3 s by default). */
export const lambdaContext = (functionName = 'test', remainingMillis = 3000): Context =>
  localLambdaContext(functionName, remainingMillis, '256');
