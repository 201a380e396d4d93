import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LAMBDA_BUNDLING } from '#lib/bundling.ts';
import { localTableEnvironment } from '#local/dynamodb/tables.ts';
import { LOCAL_IDENTITY_HASH_KEY } from '#local/environment.ts';
import { bundleHandler } from '../../bench/bundles.ts';
import { connectEvent, lambdaContext } from '../support/connect.ts';
import { uniqueCaller } from '../support/data.ts';
import { newApplication } from '../support/repositories.ts';

/**
 * The tracking handler bundled exactly as CDK bundles it (lib/bundling.ts: its aliases replace
 * the SDK's credential chain and event-stream serde), run in a fresh Node.js process as Lambda
 * runs it, against DynamoDB Local: a stand-in that broke the bundled SDK (a signer, a protocol,
 * retries) fails here, where the unbundled tests would not see it.
 */
const directory = mkdtempSync(join(tmpdir(), 'huduma-bundled-handler-'));
const bundle = join(directory, 'tracking', 'index.mjs');
const runner = join(directory, 'invoke.mjs');
beforeAll(async () => {
  await bundleHandler('tracking', bundle);
  writeFileSync(
    runner,
    [
      `const { handler } = await import(${JSON.stringify(pathToFileURL(bundle).href)});`,
      'const [event, context] = JSON.parse(process.argv[2]);',
      'context.getRemainingTimeInMillis = () => 3000;',
      'process.stdout.write(`\\n${JSON.stringify(await handler(event, context))}`);',
    ].join('\n'),
  );
}, 60_000);
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const endpoint = () => {
  const value = process.env.DYNAMODB_ENDPOINT;
  if (!value) throw new Error('Integration tests need DYNAMODB_ENDPOINT (the global setup)');
  return value;
};

/** A Lambda's environment for the bundle: its settings, its role's credentials, its Node.js options. */
const lambdaEnvironment = (): Record<string, string> => ({
  PATH: process.env.PATH ?? '',
  NODE_OPTIONS: LAMBDA_BUNDLING.nodeOptions,
  ...localTableEnvironment(),
  DYNAMODB_ENDPOINT: endpoint(),
  AWS_REGION: 'af-south-1',
  // As Lambda hands the role's credentials: the environment provider reads them.
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_SESSION_TOKEN: 'local',
  PROMPT_AUDIO_URI: 's3://huduma-local-prompts/prompts',
  IDENTITY_HASHER: 'local',
  IDENTITY_HASH_LOCAL_KEY: LOCAL_IDENTITY_HASH_KEY,
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  POWERTOOLS_METRICS_DISABLED: 'true',
});

const runnerArguments = (parameters: Record<string, string>, customerNumber: string) => [
  runner,
  JSON.stringify([connectEvent(parameters, { customerNumber }), lambdaContext('tracking')]),
];

/** The bundle's answer to one Connect event, from its own process with a Lambda's environment. */
const invokeBundle = (parameters: Record<string, string>, customerNumber: string) => {
  const output = execFileSync(process.execPath, runnerArguments(parameters, customerNumber), {
    encoding: 'utf8',
    env: lambdaEnvironment(),
  });
  return JSON.parse(output.slice(output.lastIndexOf('\n') + 1));
};

describe('the tracking handler as bundled for Lambda', () => {
  it('reads an application from DynamoDB and records a failed proof in it', async () => {
    const applicationNumber = await newApplication('2580');
    const caller = uniqueCaller();

    const found = invokeBundle({ applicationNumber, idLast4: '2580', lang: 'en' }, caller);
    const wrongProof = invokeBundle({ applicationNumber, idLast4: '0000', lang: 'en' }, caller);
    const again = invokeBundle({ applicationNumber, idLast4: '0000', lang: 'en' }, caller);

    expect(found).toEqual({
      outcome: 'FOUND',
      status: 'IN_PROCESSING',
      serviceId: 'passport',
      sayPrompt: 'tracking.status.in_processing',
      say: `Application ${[...applicationNumber].join(' ')} for a passport is being processed.`,
    });
    // The second failure reads the counter the first wrote: both a write and a read round trip.
    expect([wrongProof.attemptsLeft, again.attemptsLeft]).toEqual(['4', '3']);
  });

  it('names our source files and lines in a stack trace (its source map, read as deployed)', () => {
    const { SERVICE_DATA_TABLE_NAME: _left, ...withoutTable } = lambdaEnvironment();

    const failed = spawnSync(process.execPath, runnerArguments({ lang: 'en' }, uniqueCaller()), {
      encoding: 'utf8',
      env: withoutTable,
    });

    expect(failed.status).not.toBe(0);
    expect(failed.stderr).toMatch(/Invalid environment: SERVICE_DATA_TABLE_NAME/);
    expect(failed.stderr).toMatch(/at parseEnv \(.*lambdas\/shared\/env\.ts:\d+:\d+\)/);
  });
});
