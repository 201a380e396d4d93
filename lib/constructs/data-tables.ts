import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  type Attribute,
  AttributeType,
  StreamViewType,
  TableEncryptionV2,
  TableV2,
} from 'aws-cdk-lib/aws-dynamodb';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { type KeyAttribute, type TableDefinition, tableDefinitions } from '#shared/data/tables.ts';
import { rotatingKey } from './rotating-key.ts';

/**
 * Lets a stream consumer read `table`'s stream by its ARN only (Table.grantStreamRead would add
 * ListStreams on every resource); returns the stream ARN for the event source mapping.
 */
export const grantStreamReadByArn = (
  table: TableV2,
  consumer: IGrantable,
  purpose: string,
): string => {
  const streamArn = table.tableStreamArn;
  if (!streamArn) throw new Error(`${purpose} needs the table's stream`);
  consumer.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: [
        'dynamodb:DescribeStream',
        'dynamodb:GetRecords',
        'dynamodb:GetShardIterator',
        'dynamodb:ListStreams',
      ],
      resources: [streamArn],
    }),
  );
  return streamArn;
};

export interface DataTablesProps {
  /** Keep tables and key on stack deletion and turn on deletion protection. */
  readonly retainData: boolean;
}

const attribute = ({ name, type }: KeyAttribute): Attribute => ({
  name,
  type: type === 'S' ? AttributeType.STRING : AttributeType.NUMBER,
});

/**
 * The platform's DynamoDB tables, built from the one data-model definition
 * (lambdas/shared/data/tables.ts): customer-managed KMS key, point-in-time recovery,
 * deletion protection, TTL and streams as defined there.
 */
export class DataTables extends Construct {
  readonly key: Key;
  /**
   * HMAC key for the ID-number hashes stored in the service-data table (IdentityHasher): the
   * hashes are useless without it, so it is retained with the tables.
   */
  readonly identityHashKey: Key;
  readonly tables: Record<TableDefinition['id'], TableV2>;

  constructor(scope: Construct, id: string, props: DataTablesProps) {
    super(scope, id);
    const removalPolicy = props.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    this.key = rotatingKey(
      this,
      'Key',
      'Encrypts Huduma contact-centre tables (tickets, call logs, service data)',
      removalPolicy,
    );
    this.identityHashKey = new Key(this, 'IdentityHashKey', {
      description:
        'HMAC key for the ID-number hashes that prove pensioners and booking owners (GenerateMac only)',
      keySpec: KeySpec.HMAC_256,
      keyUsage: KeyUsage.GENERATE_VERIFY_MAC,
      removalPolicy,
    });
    Validations.of(this.identityHashKey).acknowledge({
      id: 'AwsSolutions-KMS5',
      reason:
        'KMS cannot rotate HMAC keys; rotating would also orphan every stored ID-number hash.',
    });
    const build = (definition: TableDefinition) =>
      new TableV2(this, definition.id, {
        partitionKey: attribute(definition.partitionKey),
        ...(definition.sortKey && { sortKey: attribute(definition.sortKey) }),
        globalSecondaryIndexes: definition.globalSecondaryIndexes.map((index) => ({
          indexName: index.indexName,
          partitionKey: attribute(index.partitionKey),
          ...(index.sortKey && { sortKey: attribute(index.sortKey) }),
        })),
        ...(definition.timeToLiveAttribute && {
          timeToLiveAttribute: definition.timeToLiveAttribute,
        }),
        ...(definition.stream && { dynamoStream: StreamViewType[definition.stream] }),
        encryption: TableEncryptionV2.customerManagedKey(this.key),
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        deletionProtection: props.retainData,
        removalPolicy,
      });
    this.tables = Object.fromEntries(
      tableDefinitions.map((definition) => [definition.id, build(definition)]),
    ) as Record<TableDefinition['id'], TableV2>;
  }
}
