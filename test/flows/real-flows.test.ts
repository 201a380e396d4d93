import { readdirSync, readFileSync } from 'node:fs';
import { FlowSchema } from '#flows/language/flow.schema.ts';
import { scriptedCaller } from '#local/callers.ts';
import {
  FlowEngine,
  UnsupportedActionError,
  unsupportedActionTypes,
} from '#local/flow-engine/engine.ts';
import { stubFlowArn, stubResources } from '#local/flow-engine/stub-resources.ts';
import type { EngineResources } from '#local/flow-engine/types.ts';

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

/** The exports that are customer queue flows (the rest are inbound): each runs as its type. */
const CUSTOMER_QUEUE_FLOWS = new Set([
  'aws-samples__amazon-connect-callback-contact-management__Sample_interruptible_queue_flow_with_callback-2.json',
  'aws-samples__amazon-connect-rules-engine__RulesEngineCustomerQueue.json',
]);

/** Stand-ins for another project's resources: its Lambdas answer `{}`, its queues exist, hours are open. */
const resourcesFor = (file: string): EngineResources =>
  stubResources([
    {
      id: file,
      type: CUSTOMER_QUEUE_FLOWS.has(file) ? 'CUSTOMER_QUEUE' : 'CONTACT_FLOW',
      document: load(file),
    },
  ]);

describe('real flows exported by other teams', () => {
  it.each(fixtures)('names the action types of %s the engine does not run', (file) => {
    expect(unsupportedActionTypes(load(file))).toEqual(EXPECTED_UNSUPPORTED[file] ?? []);
  });

  it.each(fixtures.filter((file) => !EXPECTED_UNSUPPORTED[file]))(
    'runs %s to an end with stub Lambdas',
    async (file) => {
      const result = await new FlowEngine(resourcesFor(file)).run({
        flowArn: stubFlowArn(file),
        customerNumber: '+254712345678',
        caller: scriptedCaller(['1', '_', '2', '_']),
        startAt: new Date('2026-12-01T10:00:00+03:00'),
        targetQueueArn: 'arn:stub:queue/fixture',
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
        flowArn: stubFlowArn(file),
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
