import { Duration, Validations } from 'aws-cdk-lib';
import { CfnInstanceStorageConfig } from 'aws-cdk-lib/aws-connect';
import { Stream, StreamEncryption, StreamMode } from 'aws-cdk-lib/aws-kinesis';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

export interface ContactRecordStreamProps {
  readonly instanceArn: string;
  /**
   * The instance's storage key (the one its call recordings use): Connect publishes only to a
   * KMS-encrypted stream whose customer-managed key is the one of its recordings or reports.
   */
  readonly storageKey: IKey;
  /** Hours records stay readable by consumers. */
  readonly retentionHours: number;
}

/**
 * Contact trace records streamed from the Connect instance to Kinesis. Consumers (the call-log
 * writer, call analytics) read `stream`; records arrive at least once, so dedupe on ContactId.
 */
export class ContactRecordStream extends Construct {
  readonly stream: Stream;

  constructor(scope: Construct, id: string, props: ContactRecordStreamProps) {
    super(scope, id);
    this.stream = new Stream(this, 'Stream', {
      // On-demand scales from a quiet Sunday to a national-crisis day without resharding.
      streamMode: StreamMode.ON_DEMAND,
      encryption: StreamEncryption.KMS,
      encryptionKey: props.storageKey,
      retentionPeriod: Duration.hours(props.retentionHours),
    });
    Validations.of(this.stream).acknowledge({
      id: 'AwsSolutions-KDS3',
      reason:
        'Encrypted with the instance storage key instead of aws/kinesis: Connect publishes only to a stream whose customer-managed key is its recordings key, and a customer-managed key keeps key policy and rotation under our control.',
    });
    new CfnInstanceStorageConfig(this, 'StorageConfig', {
      instanceArn: props.instanceArn,
      resourceType: 'CONTACT_TRACE_RECORDS',
      storageType: 'KINESIS_STREAM',
      kinesisStreamConfig: { streamArn: this.stream.streamArn },
    });
  }
}
