import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { CfnIntegrationAssociation } from 'aws-cdk-lib/aws-connect';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Alias, Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { aliasArguments, LAMBDA_BUNDLING, lambdaEntry } from '#lib/bundling.ts';
import type { TableDefinition } from '#shared/data/tables.ts';
import { warmOnSchedule, warmScheduleOf } from './warm-functions.ts';

/**
 * `read`: items by key and query. `readUpdate`: also put and update items (transactions
 * included), never delete. `update`: UpdateItem only (create-or-merge writers). `readWrite`: all.
 */
export type TableAccess = 'read' | 'readUpdate' | 'update' | 'readWrite';

const READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
];
const READ_UPDATE_ACTIONS = [...READ_ACTIONS, 'dynamodb:PutItem', 'dynamodb:UpdateItem'];

/** Item-level actions only: request paths read by key (no Scan) and never touch table settings. */
const TABLE_ACTIONS: Record<TableAccess, string[]> = {
  read: READ_ACTIONS,
  readUpdate: READ_UPDATE_ACTIONS,
  update: ['dynamodb:UpdateItem'],
  readWrite: [...READ_UPDATE_ACTIONS, 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
};

const serviceNameOf = (handler: string) => `huduma-${handler}`;

export interface PlatformFunctionProps {
  /** The handler folder: lambdas/<handler>/handler.ts. */
  readonly handler: string;
  readonly description: string;
  readonly logRetention: RetentionDays;
  /** @default 3 seconds, Connect's invocation limit for flow Lambdas */
  readonly timeout?: Duration;
  /** @default 512 */
  readonly memorySize?: number;
  readonly environment?: Record<string, string>;
  /** How the function is invoked: synchronous callers handle failures themselves. @default 'synchronous' */
  readonly invocation?: 'synchronous' | 'asynchronous';
}

/**
 * Every platform Lambda: Node.js 24 on ARM64, X-Ray tracing, its own log group with retention,
 * Powertools configured, bundled from lambdas/<handler>/handler.ts.
 */
export class PlatformFunction extends NodejsFunction {
  /** The handler folder it runs (lambdas/<handlerName>). */
  readonly handlerName: string;
  /** Its POWERTOOLS_SERVICE_NAME: the `service` dimension of every metric it emits. */
  readonly serviceName: string;

  constructor(scope: Construct, id: string, props: PlatformFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: props.logRetention });
    // Our own role instead of AWSLambdaBasicExecutionRole: logs only to this function's group.
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    });
    logGroup.grantWrite(role);
    super(scope, id, {
      role,
      entry: lambdaEntry(props.handler),
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(3),
      tracing: Tracing.ACTIVE,
      logGroup,
      environment: {
        NODE_OPTIONS: LAMBDA_BUNDLING.nodeOptions,
        POWERTOOLS_SERVICE_NAME: serviceNameOf(props.handler),
        POWERTOOLS_LOG_LEVEL: 'INFO',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: LAMBDA_BUNDLING.target,
        minify: LAMBDA_BUNDLING.minify,
        sourceMap: LAMBDA_BUNDLING.sourcemap,
        sourcesContent: LAMBDA_BUNDLING.sourcesContent,
        mainFields: [...LAMBDA_BUNDLING.mainFields],
        banner: LAMBDA_BUNDLING.banner,
        externalModules: LAMBDA_BUNDLING.external,
        esbuildArgs: aliasArguments(),
        logLevel: LogLevel.WARNING,
      },
    });
    this.handlerName = props.handler;
    this.serviceName = serviceNameOf(props.handler);
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray PutTraceSegments and PutTelemetryRecords support no resource-level permissions.',
    });
    if (props.invocation !== 'asynchronous') {
      Validations.of(this).acknowledge({
        id: 'Serverless-LambdaDLQ',
        reason:
          'Invoked synchronously (Connect flows, API Gateway, event source mappings); a Lambda DLQ only receives failed asynchronous invocations.',
      });
    }
  }

  /** Gives the function a table's name (in the variable the data model names) and the least access it needs. */
  bindTable(definition: TableDefinition, table: TableV2, access: TableAccess): this {
    this.addEnvironment(definition.environmentVariable, table.tableName);
    // The table and each of its own indexes by name: no wildcard, so no finding to acknowledge.
    this.addToRolePolicy(
      new PolicyStatement({
        actions: TABLE_ACTIONS[access],
        resources: [
          table.tableArn,
          ...definition.globalSecondaryIndexes.map(
            (index) => `${table.tableArn}/index/${index.indexName}`,
          ),
        ],
      }),
    );
    // Named KMS actions, not grantEncryptDecrypt's ReEncrypt* and GenerateDataKey* wildcards.
    if (access === 'read') table.encryptionKey?.grantDecrypt(this);
    else table.encryptionKey?.grant(this, 'kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey');
    return this;
  }

  /**
   * Lets the function delete items of `table` only in the given partitions (the
   * `dynamodb:LeadingKeys` condition), e.g. an outbox it drains; `bindTable` grants the rest.
   */
  allowDeleteIn(table: TableV2, partitions: readonly string[]): this {
    this.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:DeleteItem'],
        resources: [table.tableArn],
        conditions: {
          'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [...partitions] },
        },
      }),
    );
    return this;
  }

  /**
   * Lets the function hash with the identity HMAC key (ID numbers, phone numbers in keys):
   * GenerateMac only, so it never holds the key (KMS computes the MAC) nor uses it otherwise.
   */
  allowToHashIdentity(key: IKey): this {
    this.addEnvironment('IDENTITY_HASHER', 'kms');
    this.addEnvironment('IDENTITY_HASH_KEY_ARN', key.keyArn);
    key.grant(this, 'kms:GenerateMac');
    return this;
  }

  private live?: Alias;

  /**
   * The `live` alias callers' requests reach: the version of this deployment, with provisioned
   * concurrency on the stack's opening-hours schedule when its environment has one
   * (lib/constructs/warm-functions.ts; off in dev). Created on first use.
   */
  liveAlias(): Alias {
    if (!this.live) {
      this.live = new Alias(this, 'Live', { aliasName: 'live', version: this.currentVersion });
      const schedule = warmScheduleOf(this);
      if (schedule) warmOnSchedule(this.live, schedule);
    }
    return this.live;
  }

  /**
   * Lets a Connect instance invoke the function from its flows: the resource policy and the
   * integration association of the live alias, the ARN the flows name. Lambda scopes a
   * permission to what it is added to: one on the function would not admit a call to its alias.
   */
  allowInvokeFromConnect(instanceArn: string): CfnIntegrationAssociation {
    const live = this.liveAlias();
    live.addPermission('InvokeFromConnect', {
      principal: new ServicePrincipal('connect.amazonaws.com'),
      sourceArn: instanceArn,
      sourceAccount: Stack.of(this).account,
    });
    return new CfnIntegrationAssociation(this, 'ConnectAssociation', {
      instanceId: instanceArn,
      integrationType: 'LAMBDA_FUNCTION',
      integrationArn: live.functionArn,
    });
  }
}
