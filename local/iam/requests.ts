import { LOCAL_INSTANCE_ARN } from '#local/arns.ts';
import { localTableName } from '#local/dynamodb/tables.ts';
import { type TableDefinition, tableDefinitions } from '#shared/data/tables.ts';
import type { IamRequest } from './evaluator.ts';
import { type PolicyModel, queueArnFromUrl } from './template-model.ts';

/** An AWS API call as the SDK makes it: the service's IAM prefix, the operation and its input. */
export interface AwsCall {
  /** IAM service prefix: dynamodb, sqs, states, kms, connect, sms-voice, ses. */
  readonly service: string;
  /** The operation, e.g. `TransactWriteItems` (the SDK command's name without `Command`). */
  readonly operation: string;
  // biome-ignore lint/suspicious/noExplicitAny: SDK inputs of every service.
  readonly input: any;
}

/** An SDK client's name to its IAM service prefix. */
export const SERVICE_OF_CLIENT: Readonly<Record<string, string>> = {
  DynamoDBClient: 'dynamodb',
  SQSClient: 'sqs',
  SFNClient: 'states',
  KMSClient: 'kms',
  ConnectClient: 'connect',
  PinpointSMSVoiceV2Client: 'sms-voice',
  SESv2Client: 'ses',
  SocialMessagingClient: 'social-messaging',
};

/** A call this module cannot turn into IAM requests: checked calls fail closed. */
export class UnmappedCallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnmappedCallError';
  }
}

type Item = Record<string, unknown>;
interface BatchWrite {
  readonly PutRequest?: { readonly Item: Item };
  readonly DeleteRequest?: { readonly Key: Item };
}

/** The table a local name stands for, under any prefix (the property tests keep their own set). */
const definitionOf = (tableName: string): TableDefinition | undefined =>
  tableDefinitions.find((definition) => tableName.endsWith(localTableName(definition, '')));

/** A key attribute's value, marshalled (`{ S: 'x' }`) or not. */
const scalar = (value: unknown): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object') {
    const [inner] = Object.values(value as Record<string, unknown>);
    return inner === undefined ? undefined : String(inner);
  }
  return String(value);
};

const dynamoDb = (model: PolicyModel) => {
  const table = (tableName: string) => {
    const definition = definitionOf(tableName);
    const deployed = definition && model.tables[definition.id];
    if (!definition || !deployed) {
      throw new UnmappedCallError(`No deployed table stands for the local table ${tableName}`);
    }
    return { definition, ...deployed };
  };
  const kms = (keyArn: string | undefined): IamRequest[] =>
    // A customer-managed key: DynamoDB decrypts the table key with the caller's permissions.
    keyArn ? [{ action: 'kms:Decrypt', resource: keyArn }] : [];
  const item = (
    action: string,
    tableName: string,
    keys: readonly Record<string, unknown>[],
  ): IamRequest[] => {
    const { definition, arn, keyArn } = table(tableName);
    const leading = keys
      .map((key) => scalar(key[definition.partitionKey.name]))
      .filter((value) => value !== undefined);
    return [
      {
        action: `dynamodb:${action}`,
        resource: arn,
        context: { 'dynamodb:LeadingKeys': [...new Set(leading)] },
      },
      ...kms(keyArn),
    ];
  };
  // biome-ignore lint/suspicious/noExplicitAny: DynamoDB inputs.
  const query = (action: string, input: any): IamRequest[] => {
    const { definition, arn, keyArn } = table(input.TableName);
    const index = input.IndexName as string | undefined;
    const partitionKey = index
      ? definition.globalSecondaryIndexes.find((gsi) => gsi.indexName === index)?.partitionKey
      : definition.partitionKey;
    const names: Record<string, string> = input.ExpressionAttributeNames ?? {};
    const values: Record<string, unknown> = input.ExpressionAttributeValues ?? {};
    const leading: string[] = [];
    for (const [, name, placeholder] of String(input.KeyConditionExpression ?? '').matchAll(
      /([#\w]+)\s*=\s*(:\w+)/g,
    )) {
      const attribute = name?.startsWith('#') ? names[name] : name;
      const value = scalar(values[placeholder ?? '']);
      if (attribute === partitionKey?.name && value !== undefined) leading.push(value);
    }
    return [
      {
        action: `dynamodb:${action}`,
        resource: index ? `${arn}/index/${index}` : arn,
        ...(action === 'Query' && { context: { 'dynamodb:LeadingKeys': leading } }),
      },
      ...kms(keyArn),
    ];
  };
  // biome-ignore lint/suspicious/noExplicitAny: DynamoDB inputs.
  return (operation: string, input: any): IamRequest[] => {
    switch (operation) {
      case 'GetItem':
      case 'DeleteItem':
      case 'UpdateItem':
        return item(operation, input.TableName, [input.Key]);
      case 'PutItem':
        return item(operation, input.TableName, [input.Item]);
      case 'Query':
      case 'Scan':
        return query(operation, input);
      case 'BatchGetItem':
        return Object.entries<{ Keys: Record<string, unknown>[] }>(input.RequestItems).flatMap(
          ([tableName, { Keys }]) => item('BatchGetItem', tableName, Keys),
        );
      case 'BatchWriteItem':
        return Object.entries<BatchWrite[]>(input.RequestItems).flatMap(([tableName, writes]) =>
          item(
            'BatchWriteItem',
            tableName,
            writes.map((write) => write.PutRequest?.Item ?? write.DeleteRequest?.Key ?? {}),
          ),
        );
      case 'TransactWriteItems':
        // Each item is authorized as its own action.
        return input.TransactItems.flatMap(
          // biome-ignore lint/suspicious/noExplicitAny: DynamoDB inputs.
          (transactItem: any): IamRequest[] => {
            if (transactItem.Put)
              return item('PutItem', transactItem.Put.TableName, [transactItem.Put.Item]);
            if (transactItem.Update) {
              return item('UpdateItem', transactItem.Update.TableName, [transactItem.Update.Key]);
            }
            if (transactItem.Delete) {
              return item('DeleteItem', transactItem.Delete.TableName, [transactItem.Delete.Key]);
            }
            if (transactItem.ConditionCheck) {
              return item('ConditionCheckItem', transactItem.ConditionCheck.TableName, [
                transactItem.ConditionCheck.Key,
              ]);
            }
            throw new UnmappedCallError('A TransactWriteItems item of an unknown kind');
          },
        );
      case 'TransactGetItems':
        // biome-ignore lint/suspicious/noExplicitAny: DynamoDB inputs.
        return input.TransactItems.flatMap((transactItem: any) =>
          item('GetItem', transactItem.Get.TableName, [transactItem.Get.Key]),
        );
      default:
        if (!input?.TableName) throw new UnmappedCallError(`dynamodb:${operation} is not mapped`);
        return [{ action: `dynamodb:${operation}`, resource: table(input.TableName).arn }];
    }
  };
};

const queueArn = (url: string): string => {
  const arn = queueArnFromUrl(url);
  if (!arn) throw new UnmappedCallError(`Not a queue URL of a deployed queue: ${url}`);
  return arn;
};

/**
 * The instance a call names, as an ARN. The local environment's instance (LOCAL_INSTANCE_ARN,
 * what a function's SDK client is given locally) stands for the deployed one, as local table
 * names stand for the deployed tables: no deployed policy names `instance/local`.
 */
const connectInstanceArn = (model: PolicyModel, instanceId: string) => {
  if (instanceId === LOCAL_INSTANCE_ARN) {
    if (!model.connectInstanceArn) throw new UnmappedCallError('No deployed Connect instance');
    return model.connectInstanceArn;
  }
  return instanceId.startsWith('arn:')
    ? instanceId
    : `arn:aws:connect:${model.region}:${model.account}:instance/${instanceId}`;
};

/** The last path part of an id that may be given as an ARN. */
const idOf = (value: string) => value.split('/').at(-1) ?? value;

/**
 * The IAM requests one AWS call makes: the action on each resource it touches, with the
 * condition keys our policies use, and the KMS use it implies (encrypted queues and tables).
 */
export const iamRequestsFor = (model: PolicyModel, call: AwsCall): IamRequest[] => {
  const { service, operation, input } = call;
  switch (service) {
    case 'dynamodb':
      return dynamoDb(model)(operation, input);
    case 'sqs': {
      const queue = queueArn(input.QueueUrl);
      const action = operation === 'SendMessageBatch' ? 'SendMessage' : operation;
      const key = model.queueKeys[queue];
      const sends = action === 'SendMessage';
      return [
        { action: `sqs:${action}`, resource: queue },
        // Sending to a queue under a customer-managed key needs the data key (SQS key management).
        ...(sends && key
          ? [
              { action: 'kms:GenerateDataKey', resource: key },
              { action: 'kms:Decrypt', resource: key },
            ]
          : []),
      ];
    }
    case 'states': {
      const machine = input.stateMachineArn ?? input.stateMachineArnHint;
      if (!machine) throw new UnmappedCallError(`states:${operation} names no state machine`);
      return [{ action: `states:${operation}`, resource: machine }];
    }
    case 'kms': {
      const key = String(input.KeyId);
      return [
        {
          action: `kms:${operation}`,
          resource: key.startsWith('arn:')
            ? key
            : `arn:aws:kms:${model.region}:${model.account}:key/${key}`,
        },
      ];
    }
    case 'connect': {
      const instance = connectInstanceArn(model, input.InstanceId);
      if (operation === 'StartOutboundVoiceContact') {
        return [
          `${instance}/contact/*`,
          `${instance}/contact-flow/${idOf(input.ContactFlowId)}`,
          ...(input.QueueId ? [`${instance}/queue/${idOf(input.QueueId)}`] : []),
        ].map((resource) => ({ action: 'connect:StartOutboundVoiceContact', resource }));
      }
      if (operation === 'StartChatContact') {
        return [
          {
            action: 'connect:StartChatContact',
            resource: `${instance}/contact-flow/${idOf(input.ContactFlowId)}`,
          },
        ];
      }
      // Attribute calls name the contact as InitialContactId.
      const contact = input.ContactId ?? input.InitialContactId;
      if (contact) {
        return [{ action: `connect:${operation}`, resource: `${instance}/contact/${contact}` }];
      }
      throw new UnmappedCallError(`connect:${operation} is not mapped`);
    }
    case 'sms-voice': {
      const identity = String(input.OriginationIdentity);
      const country = input.DestinationCountryParameters?.country ?? 'KE';
      const resource = identity.startsWith('arn:')
        ? identity
        : identity.startsWith('+')
          ? `arn:aws:sms-voice:${model.region}:${model.account}:phone-number/${identity}`
          : `arn:aws:sms-voice:${model.region}:${model.account}:sender-id/${identity}/${country}`;
      return [{ action: `sms-voice:${operation}`, resource }];
    }
    case 'social-messaging': {
      // WhatsApp messages are authorized on the business number they are sent from.
      const id = String(input.originationPhoneNumberId ?? '');
      return [
        {
          action: `social-messaging:${operation}`,
          resource: id.startsWith('arn:')
            ? id
            : `arn:aws:social-messaging:${model.region}:${model.account}:phone-number-id/${id.replace(/^phone-number-id-/, '')}`,
        },
      ];
    }
    case 'ses': {
      // SES authorizes the sending identity: the From address's domain.
      const from = String(input.FromEmailAddress ?? '');
      const domain = from.split('@').at(-1) ?? from;
      return [
        {
          action: `ses:${operation}`,
          resource: `arn:aws:ses:${model.region}:${model.account}:identity/${domain}`,
        },
      ];
    }
    default:
      throw new UnmappedCallError(`${service}:${operation} is not mapped`);
  }
};
