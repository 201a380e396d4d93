import type { PolicyStatement } from './evaluator.ts';

/** A synthesized CloudFormation template: untyped JSON, read defensively. */
// biome-ignore lint/suspicious/noExplicitAny: CloudFormation templates are untyped JSON.
type Json = any;

export interface SynthesizedStack {
  readonly stackName: string;
  readonly template: Json;
}

/** What one function's role may do, and the deployed environment it reads its resources from. */
export interface FunctionPolicy {
  /** The function's logical id in its stack. */
  readonly logicalId: string;
  readonly roleArn: string;
  readonly statements: readonly PolicyStatement[];
  /** The function's environment variables with every intrinsic resolved (e.g. queue URLs). */
  readonly environment: Readonly<Record<string, string>>;
}

/**
 * Every function's policy keyed by handler (lambdas/<handler>/handler.ts), with the canonical
 * identities that local resources map to: tables by their data-model id, queues by ARN.
 */
export interface PolicyModel {
  readonly account: string;
  readonly region: string;
  readonly functions: Readonly<Record<string, FunctionPolicy>>;
  /** Table definition id (lambdas/shared/data/tables.ts) to the table's ARN and its KMS key. */
  readonly tables: Readonly<Record<string, { readonly arn: string; readonly keyArn?: string }>>;
  /** Queue ARN to its KMS key, for SendMessage's kms:GenerateDataKey. */
  readonly queueKeys: Readonly<Record<string, string>>;
  /** The deployed Connect instance's ARN: the one the local instance (local/arns.ts) stands for. */
  readonly connectInstanceArn?: string;
  /** Values no intrinsic rule resolved: they match nothing, so a call needing them is denied. */
  readonly unresolved: readonly string[];
}

export interface ModelOptions {
  readonly account: string;
  readonly region: string;
}

/** A service's queue URL in the shape SQS gives it, so queue URLs and ARNs convert both ways. */
export const queueUrl = (region: string, account: string, name: string) =>
  `https://sqs.${region}.amazonaws.com/${account}/${name}`;

/** The queue ARN behind a queue URL of {@link queueUrl}'s shape. */
export const queueArnFromUrl = (url: string): string | undefined => {
  const match = /^https:\/\/sqs\.([a-z0-9-]+)\.amazonaws\.com\/(\d{12})\/([^/]+)$/.exec(url);
  return match ? `arn:aws:sqs:${match[1]}:${match[2]}:${match[3]}` : undefined;
};

/**
 * Resolves CloudFormation intrinsics across the app's stacks to the values the resources would
 * have if each took its logical id as its physical name (explicit names win). Local stand-ins
 * map to the same identities, so policies and local calls speak about the same things.
 */
class IntrinsicResolver {
  readonly unresolved = new Set<string>();
  private readonly stacks: Map<string, Json>;
  private readonly options: ModelOptions;

  constructor(stacks: readonly SynthesizedStack[], options: ModelOptions) {
    this.options = options;
    this.stacks = new Map(stacks.map(({ stackName, template }) => [stackName, template]));
  }

  private giveUp(value: unknown): string {
    const text = JSON.stringify(value);
    this.unresolved.add(text);
    return `unresolved:${text}`;
  }

  private resource(stack: string, id: string): Json {
    return this.stacks.get(stack)?.Resources?.[id];
  }

  /** The physical name: an explicit name property when it resolves to a string, else the logical id. */
  private physicalName(stack: string, id: string, nameProperty?: string): string {
    const named = nameProperty && this.resource(stack, id)?.Properties?.[nameProperty];
    if (named !== undefined) {
      const value = this.resolve(stack, named);
      if (typeof value === 'string') return value;
    }
    return id;
  }

  private arn(service: string, resource: string, region = this.options.region): string {
    return `arn:aws:${service}:${region}:${this.options.account}:${resource}`;
  }

  private connectArn(stack: string, id: string, kind: string): string {
    const instance = this.resolve(stack, this.resource(stack, id)?.Properties?.InstanceArn);
    return `${instance}/${kind}/${id}`;
  }

  /** `Ref` on a resource: what CloudFormation returns for each type we reference. */
  private ref(stack: string, id: string): unknown {
    const type = this.resource(stack, id)?.Type as string | undefined;
    switch (type) {
      case 'AWS::DynamoDB::GlobalTable':
      case 'AWS::DynamoDB::Table':
        return this.physicalName(stack, id, 'TableName');
      case 'AWS::SQS::Queue':
        return queueUrl(
          this.options.region,
          this.options.account,
          this.physicalName(stack, id, 'QueueName'),
        );
      case 'AWS::SNS::Topic':
      case 'AWS::StepFunctions::StateMachine':
        return this.attribute(stack, id, 'Arn');
      case 'AWS::Lambda::Function':
        return this.physicalName(stack, id, 'FunctionName');
      case 'AWS::S3::Bucket':
        return this.physicalName(stack, id, 'BucketName');
      case 'AWS::Logs::LogGroup':
        return this.physicalName(stack, id, 'LogGroupName');
      case undefined: {
        const parameter = this.stacks.get(stack)?.Parameters?.[id];
        return parameter?.Default ?? this.giveUp({ Ref: id });
      }
      default:
        return id;
    }
  }

  /** `Fn::GetAtt` on a resource, for the attributes our policies and environments use. */
  private attribute(stack: string, id: string, name: string): unknown {
    const type = this.resource(stack, id)?.Type as string | undefined;
    const giveUp = () => this.giveUp({ 'Fn::GetAtt': [id, name] });
    switch (type) {
      case 'AWS::DynamoDB::GlobalTable':
      case 'AWS::DynamoDB::Table': {
        const table = this.arn('dynamodb', `table/${this.physicalName(stack, id, 'TableName')}`);
        if (name === 'Arn') return table;
        if (name === 'StreamArn') return `${table}/stream/local`;
        return giveUp();
      }
      case 'AWS::SQS::Queue': {
        const queue = this.physicalName(stack, id, 'QueueName');
        if (name === 'Arn') return this.arn('sqs', queue);
        if (name === 'QueueName') return queue;
        if (name === 'QueueUrl') return queueUrl(this.options.region, this.options.account, queue);
        return giveUp();
      }
      case 'AWS::KMS::Key':
        return name === 'Arn' ? this.arn('kms', `key/${id}`) : name === 'KeyId' ? id : giveUp();
      case 'AWS::StepFunctions::StateMachine': {
        const machine = this.physicalName(stack, id, 'StateMachineName');
        if (name === 'Arn') return this.arn('states', `stateMachine:${machine}`);
        if (name === 'Name') return machine;
        return giveUp();
      }
      case 'AWS::SNS::Topic': {
        const topic = this.physicalName(stack, id, 'TopicName');
        return name === 'TopicArn' || name === 'Arn' ? this.arn('sns', topic) : giveUp();
      }
      case 'AWS::Lambda::Function':
        return name === 'Arn'
          ? this.arn('lambda', `function:${this.physicalName(stack, id, 'FunctionName')}`)
          : giveUp();
      case 'AWS::IAM::Role':
        return name === 'Arn' ? `arn:aws:iam::${this.options.account}:role/${id}` : giveUp();
      case 'AWS::Logs::LogGroup':
        return name === 'Arn'
          ? this.arn('logs', `log-group:${this.physicalName(stack, id, 'LogGroupName')}:*`)
          : giveUp();
      case 'AWS::S3::Bucket':
        return name === 'Arn'
          ? `arn:aws:s3:::${this.physicalName(stack, id, 'BucketName')}`
          : giveUp();
      case 'AWS::Kinesis::Stream':
        return name === 'Arn' ? this.arn('kinesis', `stream/${id}`) : giveUp();
      case 'AWS::Connect::Instance':
        if (name === 'Arn') return this.arn('connect', `instance/${id}`);
        if (name === 'Id') return id;
        return giveUp();
      case 'AWS::Connect::Queue':
        return name === 'QueueArn' ? this.connectArn(stack, id, 'queue') : giveUp();
      case 'AWS::Connect::ContactFlow':
        return name === 'ContactFlowArn' ? this.connectArn(stack, id, 'contact-flow') : giveUp();
      case 'AWS::Connect::HoursOfOperation':
        return name === 'HoursOfOperationArn'
          ? this.connectArn(stack, id, 'operating-hours')
          : giveUp();
      default:
        return giveUp();
    }
  }

  private imported(name: unknown): unknown {
    for (const [stack, template] of this.stacks) {
      for (const output of Object.values<Json>(template.Outputs ?? {})) {
        if (output.Export?.Name === name) return this.resolve(stack, output.Value);
      }
    }
    return this.giveUp({ 'Fn::ImportValue': name });
  }

  private substitute(stack: string, text: string, variables: Record<string, unknown>): string {
    return text.replace(/\$\{([^}!][^}]*)\}/g, (_, name: string) => {
      const value =
        name in variables
          ? this.resolve(stack, variables[name])
          : name.includes('.')
            ? this.attribute(stack, name.split('.')[0]!, name.split('.').slice(1).join('.'))
            : this.resolve(stack, { Ref: name });
      return String(value);
    });
  }

  /** Resolves every intrinsic inside a value, as CloudFormation would at deploy time. */
  resolve(stack: string, value: unknown): unknown {
    if (Array.isArray(value)) return value.map((item) => this.resolve(stack, item));
    if (typeof value !== 'object' || value === null) return value;
    const intrinsic = value as Record<string, Json>;
    const [key] = Object.keys(intrinsic);
    const argument = key === undefined ? undefined : intrinsic[key];
    switch (key) {
      case 'Ref':
        if (argument === 'AWS::Partition') return 'aws';
        if (argument === 'AWS::AccountId') return this.options.account;
        if (argument === 'AWS::Region') return this.options.region;
        if (argument === 'AWS::URLSuffix') return 'amazonaws.com';
        if (argument === 'AWS::StackName') return stack;
        return this.ref(stack, argument);
      case 'Fn::GetAtt': {
        const [id, name] = typeof argument === 'string' ? argument.split('.') : argument;
        return this.attribute(stack, id, name);
      }
      case 'Fn::ImportValue':
        return this.imported(this.resolve(stack, argument));
      case 'Fn::Join': {
        const [separator, items] = argument;
        const parts = this.resolve(stack, items);
        return Array.isArray(parts) ? parts.map(String).join(separator) : this.giveUp(value);
      }
      case 'Fn::Sub':
        return typeof argument === 'string'
          ? this.substitute(stack, argument, {})
          : this.substitute(stack, argument[0], argument[1] ?? {});
      case 'Fn::Select': {
        const [index, items] = argument;
        const resolved = this.resolve(stack, items);
        return Array.isArray(resolved) ? resolved[Number(index)] : this.giveUp(value);
      }
      case 'Fn::Split': {
        const [separator, text] = argument;
        const resolved = this.resolve(stack, text);
        return typeof resolved === 'string' ? resolved.split(separator) : this.giveUp(value);
      }
      default:
        if (key?.startsWith('Fn::')) return this.giveUp(value);
        return Object.fromEntries(
          Object.entries(intrinsic).map(([name, item]) => [name, this.resolve(stack, item)]),
        );
    }
  }

  resources(type: string): { stack: string; id: string; resource: Json }[] {
    return [...this.stacks].flatMap(([stack, template]) =>
      Object.entries<Json>(template.Resources ?? {})
        .filter(([, resource]) => resource.Type === type)
        .map(([id, resource]) => ({ stack, id, resource })),
    );
  }
}

const SERVICE_NAME_PREFIX = 'huduma-';

/**
 * Builds the policy model from an app's synthesized stacks. A platform function is recognised
 * by its Powertools service name, `huduma-<handler>` (PlatformFunction sets it from the
 * handler folder); its role's statements are those of every AWS::IAM::Policy attached to it.
 * Tables are found by their construct path's last id, the data model's table id.
 */
export const buildPolicyModel = (
  stacks: readonly SynthesizedStack[],
  options: ModelOptions,
): PolicyModel => {
  const resolver = new IntrinsicResolver(stacks, options);
  const policies = resolver.resources('AWS::IAM::Policy');
  const functions: Record<string, FunctionPolicy> = {};
  for (const { stack, id, resource } of resolver.resources('AWS::Lambda::Function')) {
    const variables = resource.Properties?.Environment?.Variables ?? {};
    const service = variables.POWERTOOLS_SERVICE_NAME;
    if (typeof service !== 'string' || !service.startsWith(SERVICE_NAME_PREFIX)) continue;
    const handler = service.slice(SERVICE_NAME_PREFIX.length);
    if (functions[handler]) throw new Error(`Two functions run lambdas/${handler}/handler.ts`);
    const roleId = resource.Properties.Role?.['Fn::GetAtt']?.[0];
    const statements = policies
      .filter(
        (policy) =>
          policy.stack === stack &&
          (policy.resource.Properties?.Roles ?? []).some((role: Json) => role?.Ref === roleId),
      )
      .flatMap(
        (policy) =>
          resolver.resolve(
            stack,
            policy.resource.Properties.PolicyDocument.Statement,
          ) as PolicyStatement[],
      );
    functions[handler] = {
      logicalId: id,
      roleArn: String(resolver.resolve(stack, resource.Properties.Role)),
      statements,
      environment: Object.fromEntries(
        Object.entries(variables).map(([name, value]) => [
          name,
          String(resolver.resolve(stack, value)),
        ]),
      ),
    };
  }
  const tables: Record<string, { arn: string; keyArn?: string }> = {};
  for (const type of ['AWS::DynamoDB::GlobalTable', 'AWS::DynamoDB::Table']) {
    for (const { stack, id, resource } of resolver.resources(type)) {
      const path: string | undefined = resource.Metadata?.['aws:cdk:path'];
      const definitionId = path?.split('/').at(-2);
      if (!definitionId) continue;
      const key =
        resource.Properties?.Replicas?.[0]?.SSESpecification?.KMSMasterKeyId ??
        resource.Properties?.SSESpecification?.KMSMasterKeyId;
      const keyArn = key === undefined ? undefined : String(resolver.resolve(stack, key));
      tables[definitionId] = {
        arn: String(resolver.resolve(stack, { 'Fn::GetAtt': [id, 'Arn'] })),
        ...(keyArn && { keyArn }),
      };
    }
  }
  const queueKeys: Record<string, string> = {};
  for (const { stack, id, resource } of resolver.resources('AWS::SQS::Queue')) {
    const key = resource.Properties?.KmsMasterKeyId;
    if (key === undefined) continue;
    queueKeys[String(resolver.resolve(stack, { 'Fn::GetAtt': [id, 'Arn'] }))] = String(
      resolver.resolve(stack, key),
    );
  }
  const [instance, ...more] = resolver.resources('AWS::Connect::Instance');
  if (more.length) throw new Error('Expected one Connect instance in the app');
  const connectInstanceArn =
    instance && String(resolver.resolve(instance.stack, { 'Fn::GetAtt': [instance.id, 'Arn'] }));
  return {
    account: options.account,
    region: options.region,
    functions,
    tables,
    queueKeys,
    ...(connectInstanceArn && { connectInstanceArn }),
    unresolved: [...resolver.unresolved],
  };
};
