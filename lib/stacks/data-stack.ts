import { RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environments.ts';
import { DataTables } from '../constructs/data-tables.ts';

export interface DataStackProps extends StackProps {
  readonly config: EnvironmentConfig;
}

/** Stateful resources: the tables and their key, and the access-log bucket. Protected from deletion. */
export class DataStack extends Stack {
  readonly data: DataTables;
  readonly accessLogsBucket: Bucket;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, { ...props, terminationProtection: props.config.retainData });
    this.data = new DataTables(this, 'Data', { retainData: props.config.retainData });
    // S3 server access logs can only be delivered to a bucket encrypted with S3-managed keys.
    this.accessLogsBucket = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      enforceSSL: true,
      removalPolicy: props.config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    Validations.of(this.accessLogsBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This bucket is where the other buckets deliver their access logs; logging it to itself would loop.',
    });
  }
}
