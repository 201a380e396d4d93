import { CfnOutput, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { EnvironmentConfig } from '#lib/config/environments.ts';
import { logRetention } from '#lib/config/log-retention.ts';
import { ConnectInstance } from '#lib/constructs/connect-instance.ts';
import { DataTables } from '#lib/constructs/data-tables.ts';
import { PromptAudio } from '#lib/constructs/prompt-audio.ts';

export interface DataStackProps extends StackProps {
  readonly config: EnvironmentConfig;
}

/**
 * Stateful resources, protected from deletion when the config retains data: the tables, their
 * key and the ID-number HMAC key, the Connect instance with its number, recordings and key, the
 * recorded prompts, and the access-log bucket.
 */
export class DataStack extends Stack {
  readonly data: DataTables;
  readonly accessLogsBucket: Bucket;
  readonly connect: ConnectInstance;
  readonly prompts: PromptAudio;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    const { config } = props;
    super(scope, id, { ...props, terminationProtection: config.retainData });
    this.data = new DataTables(this, 'Data', { retainData: config.retainData });
    // S3 server access logs can only be delivered to a bucket encrypted with S3-managed keys.
    this.accessLogsBucket = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      enforceSSL: true,
      removalPolicy: config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    Validations.of(this.accessLogsBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This bucket is where the other buckets deliver their access logs; logging it to itself would loop.',
    });
    this.connect = new ConnectInstance(this, 'Connect', {
      instanceAlias: config.instanceAlias,
      contactLens: config.contactLens,
      phoneNumber: config.phoneNumber,
      accessLogsBucket: this.accessLogsBucket,
      recordingRetentionDays: config.recordingRetentionDays,
      logRetention: logRetention(config.logRetentionDays),
      retainData: config.retainData,
    });
    this.prompts = new PromptAudio(this, 'PromptAudio', {
      instanceArn: this.connect.instanceArn,
      accessLogsBucket: this.accessLogsBucket,
      retainData: config.retainData,
    });

    new CfnOutput(this, 'ConnectInstanceId', { value: this.connect.instanceId });
    if (this.connect.phoneNumberAddress) {
      new CfnOutput(this, 'PhoneNumber', {
        value: this.connect.phoneNumberAddress,
        description: 'The number the carrier routes 1919 to',
      });
    }
    new CfnOutput(this, 'PromptAudioBucket', {
      value: this.prompts.bucket.bucketName,
      description:
        'Upload recorded Kiswahili prompts to prompts/sw/ (npm run -s prompts:recordings)',
    });
    new CfnOutput(this, 'RecordingsBucket', { value: this.connect.recordingsBucket.bucketName });
    new CfnOutput(this, 'IdentityHashKeyArn', {
      value: this.data.identityHashKey.keyArn,
      description:
        'HMAC key for ID-number hashes: hash imported pensioner records with it (docs/deploy.md)',
    });
  }
}
