import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { CfnInstance, CfnInstanceStorageConfig, CfnPhoneNumber } from 'aws-cdk-lib/aws-connect';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Key } from 'aws-cdk-lib/aws-kms';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { PhoneNumberConfig } from '#lib/config/environments.ts';
import { rotatingKey } from './rotating-key.ts';

export interface ConnectInstanceProps {
  /** Instance alias: unique in the region, part of the agents' login URL. */
  readonly instanceAlias: string;
  /** Turn on Contact Lens (where the region offers it). */
  readonly contactLens: boolean;
  /** The number callers dial: claimed, imported, already on the instance, or none. */
  readonly phoneNumber: PhoneNumberConfig;
  /** Bucket that receives the recordings bucket's access logs. */
  readonly accessLogsBucket: IBucket;
  /** Days call recordings and chat transcripts are kept. */
  readonly recordingRetentionDays: number;
  /** Retention of the contact-flow log group. */
  readonly logRetention: RetentionDays;
  /** Keep the instance, its number, key and recordings when the stack is deleted. */
  readonly retainData: boolean;
}

/**
 * The Amazon Connect instance and what it holds: its phone number, its contact-flow log group,
 * and its storage (call recordings and chat transcripts in S3 under one customer-managed key,
 * which the contact-record stream must share). Stateful: users, numbers and history live here.
 */
export class ConnectInstance extends Construct {
  readonly instance: CfnInstance;
  readonly instanceArn: string;
  readonly instanceId: string;
  /** Encrypts recordings, transcripts and the contact-record stream. */
  readonly storageKey: Key;
  readonly recordingsBucket: Bucket;
  readonly flowLogs: LogGroup;
  /** ARN of the number callers dial (`phone-number/<id>` form), when one is configured. */
  readonly phoneNumberArn?: string;
  /** The claimed number in E.164, when this construct claimed or imported it. */
  readonly phoneNumberAddress?: string;

  constructor(scope: Construct, id: string, props: ConnectInstanceProps) {
    super(scope, id);
    const removalPolicy = props.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.storageKey = rotatingKey(
      this,
      'StorageKey',
      'Encrypts Connect call recordings, chat transcripts, contact trace records and flow logs',
      removalPolicy,
    );
    // Connect writes flow logs to /aws/connect/<alias>; creating the group first gives it a retention,
    // and our key: flow logs carry what callers typed.
    const flowLogGroupName = `/aws/connect/${props.instanceAlias}`;
    const { region, account, partition } = Stack.of(this);
    this.storageKey.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal(`logs.${region}.amazonaws.com`)],
        actions: [
          'kms:Encrypt',
          'kms:Decrypt',
          'kms:ReEncryptFrom',
          'kms:ReEncryptTo',
          'kms:GenerateDataKey',
          'kms:DescribeKey',
        ],
        resources: ['*'],
        conditions: {
          ArnEquals: {
            'kms:EncryptionContext:aws:logs:arn': `arn:${partition}:logs:${region}:${account}:log-group:${flowLogGroupName}`,
          },
        },
      }),
    );
    this.flowLogs = new LogGroup(this, 'FlowLogs', {
      logGroupName: flowLogGroupName,
      retention: props.logRetention,
      encryptionKey: this.storageKey,
      removalPolicy,
    });
    this.instance = new CfnInstance(this, 'Instance', {
      identityManagementType: 'CONNECT_MANAGED',
      instanceAlias: props.instanceAlias,
      attributes: {
        inboundCalls: true,
        outboundCalls: true,
        contactflowLogs: true,
        contactLens: props.contactLens,
        earlyMedia: true,
        autoResolveBestVoices: true,
      },
    });
    this.instance.applyRemovalPolicy(removalPolicy);
    this.instance.node.addDependency(this.flowLogs);
    this.instanceArn = this.instance.attrArn;
    this.instanceId = this.instance.attrId;

    this.recordingsBucket = new Bucket(this, 'Recordings', {
      encryption: BucketEncryption.KMS,
      encryptionKey: this.storageKey,
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // Unversioned on purpose: an erasure request (Data Protection Act s.26) must really erase.
      versioned: false,
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: 'connect-recordings/',
      lifecycleRules: [{ expiration: Duration.days(props.recordingRetentionDays) }],
      removalPolicy,
    });
    const storage = (resourceType: string, prefix: string) =>
      new CfnInstanceStorageConfig(this, resourceType, {
        instanceArn: this.instanceArn,
        resourceType,
        storageType: 'S3',
        s3Config: {
          bucketName: this.recordingsBucket.bucketName,
          bucketPrefix: prefix,
          encryptionConfig: { encryptionType: 'KMS', keyId: this.storageKey.keyArn },
        },
      });
    storage('CALL_RECORDINGS', 'connect/call-recordings');
    storage('CHAT_TRANSCRIPTS', 'connect/chat-transcripts');

    const number = this.phoneNumber(props.phoneNumber, removalPolicy);
    this.phoneNumberArn = number?.arn;
    this.phoneNumberAddress = number?.address;
  }

  private phoneNumber(
    config: PhoneNumberConfig,
    removalPolicy: RemovalPolicy,
  ): { arn: string; address?: string } | undefined {
    switch (config.kind) {
      case 'claim':
      case 'import': {
        const number = new CfnPhoneNumber(this, 'PhoneNumber', {
          targetArn: this.instanceArn,
          description: 'Huduma Contact Centre inbound number (the carrier routes 1919 here)',
          ...(config.kind === 'claim'
            ? { countryCode: config.countryCode, type: config.type, prefix: config.prefix }
            : { sourcePhoneNumberArn: config.sourcePhoneNumberArn }),
        });
        // Releasing the number would break the carrier's 1919 forwarding; it may not be re-claimable.
        number.applyRemovalPolicy(removalPolicy);
        return { arn: number.attrPhoneNumberArn, address: number.attrAddress };
      }
      case 'existing':
        return { arn: config.phoneNumberArn };
      case 'none':
        return undefined;
    }
  }
}
