import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { Context } from 'aws-lambda';
import { lambdaContext as localLambdaContext } from '#local/lambda-context.ts';

const eventsDirectory = new URL('../events/connect/', import.meta.url);

/** AWS's published Connect contact-flow events (test/events/connect, see test/events/README.md). */
export const connectEventFixtures = readdirSync(eventsDirectory).filter((file) =>
  file.endsWith('.json'),
);

const parsedFixtures = new Map<string, ReturnType<typeof JSON.parse>>();
const fixtureEvent = (fixture: string) => {
  let event = parsedFixtures.get(fixture);
  if (!event) {
    event = JSON.parse(readFileSync(new URL(fixture, eventsDirectory), 'utf8'));
    parsedFixtures.set(fixture, event);
  }
  return event;
};

/**
 * A Connect contact-flow event from a published fixture (read once, a copy each call), with our flow's parameters and a
 * fresh ContactId (or the one given, to replay a retried invocation).
 */
export const connectEvent = (
  parameters: Record<string, string>,
  {
    fixture = 'connect-event-v3-admin-guide-current.json',
    contactId = randomUUID(),
    customerNumber = '+254712345678',
  } = {},
) => {
  const event = structuredClone(fixtureEvent(fixture));
  event.Details.Parameters = parameters;
  event.Details.ContactData.ContactId = contactId;
  if (event.Details.ContactData.CustomerEndpoint)
    event.Details.ContactData.CustomerEndpoint.Address = customerNumber;
  return event;
};

/** A Lambda context; `remainingMillis` as under the function's timeout (Connect's 3 s by default). */
export const lambdaContext = (functionName = 'test', remainingMillis = 3000): Context =>
  localLambdaContext(functionName, remainingMillis, '256');
