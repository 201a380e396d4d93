import { Stack, type StackProps } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { contactCentreHours, type EnvironmentConfig } from '../config/environments.ts';
import { logRetention } from '../config/log-retention.ts';
import { ConnectInstance } from '../constructs/connect-instance.ts';
import { ContactFlows } from '../constructs/contact-flows.ts';
import { PromptAudio } from '../constructs/prompt-audio.ts';
import { SelfService } from '../constructs/self-service.ts';

export interface ContactCentreStackProps extends StackProps {
  readonly config: EnvironmentConfig;
  readonly tables: {
    readonly serviceData: TableV2;
    readonly tickets: TableV2;
    readonly callLogs: TableV2;
  };
  readonly accessLogsBucket: IBucket;
}

/** The Connect instance, its flows and the Lambdas they invoke. */
export class ContactCentreStack extends Stack {
  readonly connect: ConnectInstance;
  readonly flows: ContactFlows;

  constructor(scope: Construct, id: string, props: ContactCentreStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.connect = new ConnectInstance(this, 'Connect', {
      instanceAlias: config.instanceAlias,
      hours: contactCentreHours(config),
    });
    const instanceArn = this.connect.instance.attrArn;
    const prompts = new PromptAudio(this, 'PromptAudio', {
      instanceArn,
      accessLogsBucket: props.accessLogsBucket,
      retainData: config.retainData,
    });
    const selfService = new SelfService(this, 'SelfService', {
      instanceArn,
      serviceDataTable: props.tables.serviceData,
      ticketsTable: props.tables.tickets,
      callLogsTable: props.tables.callLogs,
      callLogRetentionDays: config.callLogRetentionDays,
      promptAudioUri: prompts.audioUri,
      logRetention: logRetention(config.logRetentionDays),
    });
    const functionArns = Object.fromEntries(
      Object.entries(selfService.functions).map(([placeholder, fn]) => [
        placeholder,
        fn.functionArn,
      ]),
    );
    const queueArns = Object.fromEntries(
      Object.entries(this.connect.queues).map(([placeholder, queue]) => [
        placeholder,
        queue.attrQueueArn,
      ]),
    );
    this.flows = new ContactFlows(this, 'Flows', {
      instanceArn,
      promptAudioUri: prompts.audioUri,
      resources: {
        ...functionArns,
        ...queueArns,
        ContactCentreHoursArn: this.connect.hours.attrHoursOfOperationArn,
      },
      dependsOn: Object.values(selfService.functions),
    });
  }
}
