import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FLOW_FUNCTIONS } from '../../contact-flows/manifest.ts';
import { serviceDataTable } from '../../lambdas/shared/data/tables.ts';
import { PlatformFunction } from './flow-function.ts';

export interface SelfServiceProps {
  readonly instanceArn: string;
  readonly serviceDataTable: TableV2;
  readonly promptAudioUri: string;
  readonly logRetention: RetentionDays;
}

/**
 * The Lambdas contact flows invoke for self-service, each with only the table access it
 * needs, allowed to be invoked by the Connect instance.
 */
export class SelfService extends Construct {
  /** Functions by the placeholder flows use for them. */
  readonly functions: Record<keyof typeof FLOW_FUNCTIONS, PlatformFunction>;

  constructor(scope: Construct, id: string, props: SelfServiceProps) {
    super(scope, id);
    const flowFunction = (name: string, handler: string, description: string) =>
      new PlatformFunction(this, name, {
        handler,
        description,
        logRetention: props.logRetention,
        environment: { PROMPT_AUDIO_URI: props.promptAudioUri },
      });

    const tracking = flowFunction(
      'Tracking',
      'tracking',
      'Document application status for callers',
    ).bindTable(serviceDataTable, props.serviceDataTable, 'read');

    // Renders prompts with values only a flow knows (queue position, a call-back's reason).
    const speech = flowFunction('Speech', 'speech', 'Renders catalogue prompts for contact flows');

    this.functions = { TrackingFunctionArn: tracking, SpeechFunctionArn: speech };
    for (const fn of Object.values(this.functions)) fn.allowInvokeFromConnect(props.instanceArn);
  }
}
