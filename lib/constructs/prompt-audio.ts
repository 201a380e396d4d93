import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Key } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { rotatingKey } from './rotating-key.ts';

export interface PromptAudioProps {
  readonly instanceArn: string;
  /** Bucket that receives the prompt bucket's access logs. */
  readonly accessLogsBucket: IBucket;
  readonly retainData: boolean;
}

/**
 * Recorded Kiswahili prompts (Polly has no Swahili voice), played by Connect straight from S3:
 * s3://<bucket>/prompts/sw/<promptId>.wav. Only the Connect instance may read them.
 */
export class PromptAudio extends Construct {
  readonly bucket: Bucket;
  readonly key: Key;
  /** Base URI the flows and handlers append `/sw/<promptId>.wav` to. */
  readonly audioUri: string;

  constructor(scope: Construct, id: string, props: PromptAudioProps) {
    super(scope, id);
    const removalPolicy = props.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const { account } = Stack.of(this);
    const fromInstance = {
      StringEquals: { 'aws:SourceAccount': account },
      ArnLike: { 'aws:SourceArn': props.instanceArn },
    };
    this.key = rotatingKey(this, 'Key', 'Encrypts recorded IVR prompts', removalPolicy);
    this.key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('connect.amazonaws.com')],
        actions: ['kms:Decrypt'],
        resources: ['*'],
        conditions: fromInstance,
      }),
    );
    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: 'prompt-audio/',
      removalPolicy,
      autoDeleteObjects: false,
    });
    this.bucket.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('connect.amazonaws.com')],
        actions: ['s3:GetObject'],
        resources: [this.bucket.arnForObjects('prompts/*')],
        conditions: fromInstance,
      }),
    );
    this.audioUri = `s3://${this.bucket.bucketName}/prompts`;
  }
}
