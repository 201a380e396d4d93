import { readdirSync, readFileSync } from 'node:fs';
import { FlowSchema } from '../../contact-flows/language/flow.schema.ts';
import { scriptedCaller } from '../../local/callers.ts';
import {
  FlowEngine,
  UnsupportedActionError,
  unsupportedActionTypes,
} from '../../local/flow-engine/engine.ts';
import type { EngineResources } from '../../local/flow-engine/types.ts';

const directory = new URL('../fixtures/real-flows/', import.meta.url);
const fixtures = readdirSync(directory).filter((file) => file.endsWith('.json'));
const load = (file: string) =>
  FlowSchema.parse(JSON.parse(readFileSync(new URL(file, directory), 'utf8')));

/** What each export uses that the engine does not run (Cases, Customer Profiles, Q in Connect, Lex). */
const EXPECTED_UNSUPPORTED: Record<string, string[]> = {
  'aws-samples__amazon-connect-gitlab-cicd-terraform__acme_main_AUTO.json': [
    'ConnectParticipantWithLexBot',
  ],
  'aws-samples__sample-amazon-connect-customer-starter-kit-japan__ac-pkg-phase3-contactflow-stack.MainContactFlow.json':
    [
      'CreateCase',
      'CreateCustomerProfile',
      'CreateWisdomSession',
      'GetCase',
      'GetCustomerProfile',
      'UpdateCase',
    ],
  'aws-samples__sample-cdk-constructs-for-amazon-connect__inbound-contact-flow.json': [
    'CreateWisdomSession',
  ],
};

/** Stand-ins for another project's resources: its Lambdas answer `{}`, its queues exist, hours are open. */
const resourcesFor = (file: string): EngineResources => ({
  instanceArn: 'arn:aws:connect:af-south-1:000000000000:instance/fixture',
  flows: new Map([
    ['fixture', { id: file, arn: 'fixture', type: 'CONTACT_FLOW', document: load(file) }],
  ]),
  lambdas: new Map(),
  queues: new Map(),
  hours: new Map(),
  resolveResource: (name) => `arn:stub:${name}`,
  prompts: {
    text: () => undefined,
    audioUri: (id) => `s3://stub/${id}.wav`,
    idFromAudioUri: () => undefined,
  },
  stubs: { lambda: async () => ({}) },
});

describe('real flows exported by other teams', () => {
  it.each(fixtures)('names the action types of %s the engine does not run', (file) => {
    expect(unsupportedActionTypes(load(file))).toEqual(EXPECTED_UNSUPPORTED[file] ?? []);
  });

  it.each(fixtures.filter((file) => !EXPECTED_UNSUPPORTED[file]))(
    'runs %s to an end with stub Lambdas',
    async (file) => {
      const result = await new FlowEngine(resourcesFor(file)).run({
        flowArn: 'fixture',
        customerNumber: '+254712345678',
        caller: scriptedCaller(['1', '_', '2', '_']),
        startAt: new Date('2026-12-01T10:00:00+03:00'),
      });

      expect(result.visited.length).toBeGreaterThan(1);
      expect(['DISCONNECTED', 'QUEUED', 'CALLBACK_REQUESTED', 'ENDED', 'ABANDONED']).toContain(
        result.disposition.type,
      );
    },
  );

  it.each(Object.keys(EXPECTED_UNSUPPORTED))(
    'stops %s with an error naming the action it cannot run, when it reaches one',
    async (file) => {
      const run = new FlowEngine(resourcesFor(file)).run({
        flowArn: 'fixture',
        customerNumber: '+254712345678',
        caller: scriptedCaller(['1', '1', '1']),
        startAt: new Date('2026-12-01T10:00:00+03:00'),
      });

      await expect(run).rejects.toThrow(UnsupportedActionError);
      await expect(run).rejects.toThrow(
        new RegExp(`uses (${EXPECTED_UNSUPPORTED[file]!.join('|')})`),
      );
    },
  );
});
