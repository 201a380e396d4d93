import { Fn, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  AwsCustomResource,
  AwsCustomResourcePolicy,
  PhysicalResourceId,
} from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';

/** One Connect API call: the operation (e.g. `AssociatePhoneNumberContactFlow`) and its parameters. */
export interface ConnectCall {
  readonly action: string;
  readonly parameters: Record<string, unknown>;
}

/** IAM actions on exactly these resource ARNs. */
export interface ConnectPermissions {
  readonly actions: string[];
  readonly resources: string[];
}

export interface ConnectApiCallProps {
  /** Made when the resource is created and whenever its parameters change. */
  readonly onCreate: ConnectCall;
  /** Undoes onCreate when the resource is deleted. */
  readonly onDelete: ConnectCall;
  /** Stable identity of what the call configures. */
  readonly physicalResourceId: string;
  /**
   * The IAM actions the calls need, on exactly these resource ARNs. Omit when a group of calls
   * shares one grant made with `ConnectApiCall.grant`.
   */
  readonly permissions?: ConnectPermissions;
  readonly logRetention: RetentionDays;
}

/** The id of a Connect instance sub-resource from its ARN: `…:instance/<i>/<type>/<id>`. */
export const connectResourceId = (arn: string): string => Fn.select(3, Fn.split('/', arn));

/** The id of a claimed phone number from its ARN: `…:phone-number/<id>`. */
export const phoneNumberId = (arn: string): string => Fn.select(1, Fn.split('phone-number/', arn));

const SINGLETON = AwsCustomResource.PROVIDER_FUNCTION_UUID.replaceAll('-', '');
const acknowledged = new WeakSet<Construct>();

/**
 * Connect configuration CloudFormation has no property for (e.g. which flow a number rings,
 * which quick connects a queue offers), made through the Connect API by CDK's AwsCustomResource.
 * Every call shares one provider function per stack with its own role and log group, and may
 * touch only the resources its call names.
 */
export class ConnectApiCall extends Construct {
  readonly resource: AwsCustomResource;

  constructor(scope: Construct, id: string, props: ConnectApiCallProps) {
    super(scope, id);
    const { role, logGroup } = ConnectApiCall.provider(Stack.of(this), props.logRetention);
    const sdkCall = (call: ConnectCall) => ({
      service: 'Connect',
      action: call.action,
      parameters: call.parameters,
      physicalResourceId: PhysicalResourceId.of(props.physicalResourceId),
    });
    this.resource = new AwsCustomResource(this, 'Call', {
      onCreate: sdkCall(props.onCreate),
      onUpdate: sdkCall(props.onCreate),
      onDelete: sdkCall(props.onDelete),
      ...(props.permissions && {
        policy: AwsCustomResourcePolicy.fromStatements([new PolicyStatement(props.permissions)]),
      }),
      role,
      logGroup,
      installLatestAwsSdk: false,
      memorySize: 256,
    });
    // Grants made with ConnectApiCall.grant land in the role's default policy: wait for it.
    this.resource.node.addDependency(role);
    ConnectApiCall.acknowledgeProvider(Stack.of(this));
  }

  /** Lets the stack's Connect API calls use these actions on these resources. */
  static grant(
    scope: Construct,
    permissions: ConnectPermissions,
    logRetention: RetentionDays,
  ): void {
    const { role } = ConnectApiCall.provider(Stack.of(scope), logRetention);
    role.addToPrincipalPolicy(new PolicyStatement(permissions));
  }

  /** The stack's provider role and log group, created once. */
  private static provider(stack: Stack, retention: RetentionDays) {
    const existing = stack.node.tryFindChild('ConnectApiCallRole') as Role | undefined;
    if (existing) {
      return {
        role: existing,
        logGroup: stack.node.findChild('ConnectApiCallLogs') as LogGroup,
      };
    }
    const logGroup = new LogGroup(stack, 'ConnectApiCallLogs', { retention });
    const role = new Role(stack, 'ConnectApiCallRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Connect API calls made by CloudFormation custom resources',
    });
    logGroup.grantWrite(role);
    return { role, logGroup };
  }

  private static acknowledgeProvider(stack: Stack) {
    const provider = stack.node.tryFindChild(`AWS${SINGLETON}`);
    if (!provider || acknowledged.has(provider)) return;
    acknowledged.add(provider);
    const reasons: Record<string, string> = {
      'Serverless-LambdaDLQ':
        'Invoked synchronously by CloudFormation, which reports failures itself; a DLQ would never receive anything.',
      'Serverless-LambdaTracing':
        'A deployment-time provider whose calls CloudFormation and CloudTrail already record; tracing adds nothing.',
    };
    for (const [id, reason] of Object.entries(reasons)) {
      Validations.of(provider).acknowledge({ id, reason });
    }
  }
}
