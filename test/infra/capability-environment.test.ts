import { Stack } from 'aws-cdk-lib';
import { AttributeType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CAPABILITIES } from '#lambdas/capabilities.ts';
import { trackingCapability } from '#lambdas/tracking/capability.ts';
import { contactCentreHours, environments } from '#lib/config/environments.ts';
import { SelfService } from '#lib/constructs/self-service.ts';
import type { CapabilityDescriptor } from '#shared/capability.ts';
import * as z from '#shared/zod.ts';
import { testApp } from '../support/app.ts';

/** SelfService in a stack of its own with the given capabilities (no bundling). */
const synthesize = (capabilities: readonly CapabilityDescriptor[]) => {
  const app = testApp({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'Test');
  const table = (id: string) =>
    new TableV2(stack, id, { partitionKey: { name: 'pk', type: AttributeType.STRING } });
  return new SelfService(stack, 'SelfService', {
    instanceArn: 'arn:aws:connect:eu-west-1:111111111111:instance/test',
    serviceDataTable: table('ServiceData'),
    ticketsTable: table('Tickets'),
    callLogsTable: table('CallLogs'),
    identityHashKey: new Key(stack, 'IdentityKey', {
      keySpec: KeySpec.HMAC_256,
      keyUsage: KeyUsage.GENERATE_VERIFY_MAC,
    }),
    callLogRetentionDays: 90,
    promptAudioUri: 's3://prompts-bucket/prompts',
    logRetention: RetentionDays.ONE_MONTH,
    hours: contactCentreHours(environments.dev),
    capabilities,
  });
};

describe('a capability environment filled at synth', () => {
  it('deploys every capability with the environment its schema names', () => {
    const selfService = synthesize(CAPABILITIES);
    expect(Object.keys(selfService.functions).sort()).toEqual(
      CAPABILITIES.map((capability) => capability.placeholder).sort(),
    );
  });

  it('fails the synth when the schema names a variable the platform does not give (renamed)', () => {
    const renamed = {
      ...trackingCapability,
      environment: z.intersection(
        trackingCapability.environment,
        z.object({ SERVICE_DATA_TABLE: z.string().check(z.minLength(1)) }),
      ),
    };
    expect(() => synthesize([renamed])).toThrow(
      /Tracking: environment not filled: SERVICE_DATA_TABLE:/,
    );
  });

  it('fails the synth when the schema needs a platform setting the descriptor does not declare', () => {
    const undeclared = { ...trackingCapability, needs: [] };
    expect(() => synthesize([undeclared])).toThrow(
      /Tracking: environment not filled: IDENTITY_HASHER/,
    );
  });

  it('fails the synth when a declared table is not in the schema (nothing reads it)', () => {
    const extra = {
      ...trackingCapability,
      tables: { ...trackingCapability.tables, Tickets: 'read' },
    };
    expect(() => synthesize([extra as CapabilityDescriptor])).toThrow(
      /Tracking: its environment schema does not name TICKETS_TABLE_NAME/,
    );
  });

  it('checks a value known at synth by its schema (a prompt location that is not an S3 URI)', () => {
    const strict = {
      ...trackingCapability,
      environment: z.intersection(
        trackingCapability.environment,
        z.object({ PROMPT_AUDIO_URI: z.string().check(z.startsWith('https://')) }),
      ),
    };
    expect(() => synthesize([strict])).toThrow(/PROMPT_AUDIO_URI/);
  });
});
