import type { randomUUID } from 'node:crypto';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { apiEvent, LOCAL_TOKENS } from '#local/api-events.ts';
import { localArn } from '#local/arns.ts';
import { scriptedCaller } from '#local/callers.ts';
import { loadContactRecordFeed, RecordingFlowEngine } from '#local/contact-records.ts';
import type { ContactResult } from '#local/flow-engine/types.ts';
import { localHandler } from '#local/handlers.ts';
import { connectEvent, lambdaContext } from './connect.ts';
import { type CallOptions, resources } from './contact-centre.ts';

const feed = loadContactRecordFeed();
const reportsHandler = localHandler('reports');
const surveyHandler = localHandler('survey');

export interface LoggedCallOptions extends CallOptions {
  /** Runs before the contact's record reaches the writer, as a survey inside the contact does. */
  readonly beforeRecord?: (contactId: string) => Promise<unknown>;
}

/**
 * Places a scripted call through the repository's flows on the local runtime's engine, whose
 * finished contacts' trace records go to the call-log writer (as `npm start` does).
 */
export const loggedCall = async ({
  keys = [],
  from = '+254712345678',
  at,
  flow = 'main',
  attributes,
  queue,
  beforeRecord,
}: LoggedCallOptions): Promise<ContactResult> => {
  const engine = new RecordingFlowEngine(resources, async (records) => {
    for (const record of records) await beforeRecord?.((record as { ContactId: string }).ContactId);
    return feed(records);
  });
  return engine.run({
    flowArn: localArn.flow(flow),
    customerNumber: from,
    caller: scriptedCaller(keys),
    startAt: new Date(at ?? Date.now()),
    ...(attributes && { attributes }),
    ...(queue && { queue }),
  });
};

/** Hands contact trace records to the call-log writer, as the local runtime does. */
export const feedRecords = feed;

/**
 * Calls the reports API handler as a supervisor (or with `token`'s claims) and parses the JSON
 * it answers.
 */
export const getReport = async (
  path: string,
  query?: Record<string, string>,
  token = 'supervisor-demo',
) => {
  const response = (await reportsHandler(
    apiEvent({ method: 'GET', path, ...(query && { query }), claims: LOCAL_TOKENS[token]! }),
    // The reports function's own timeout (29 s, under the HTTP API's 30 s).
    lambdaContext('reports', 29_000),
  )) as APIGatewayProxyStructuredResultV2;
  return { status: response.statusCode, body: JSON.parse(String(response.body)) };
};

/** Answers a post-call survey question on a contact through the survey handler, as its flow would. */
export const answerSurvey = (contactId: string, question: 'csat' | 'nps', score: string) =>
  surveyHandler(
    connectEvent({ question, score }, { contactId: contactId as ReturnType<typeof randomUUID> }),
    lambdaContext('survey'),
  );
