import type { RemovalPolicy } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';

/**
 * A customer-managed KMS key rotated every year (cdk-nag AwsSolutions-KMS5): what every queue,
 * topic, bucket, table and log group of ours is encrypted with. Retained on delete unless
 * `removalPolicy` says otherwise.
 */
export const rotatingKey = (
  scope: Construct,
  id: string,
  description: string,
  removalPolicy?: RemovalPolicy,
): Key => new Key(scope, id, { description, enableKeyRotation: true, removalPolicy });
