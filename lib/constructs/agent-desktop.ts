import { type CfnResource, DefaultStackSynthesizer, Stack, Validations } from 'aws-cdk-lib';
import { CfnApprovedOrigin } from 'aws-cdk-lib/aws-connect';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { AGENT_DESKTOP_DIR, bundleAgentDesktop } from '#lib/agent-desktop-bundle.ts';
import { HostedPage } from './hosted-page.ts';

export { AGENT_DESKTOP_DIR, bundleAgentDesktop };

export interface AgentDesktopProps {
  readonly instanceArn: string;
  /** The instance alias: the CCP lives at https://<alias>.my.connect.aws/ccp-v2/. */
  readonly instanceAlias: string;
  /** Bucket that receives the S3 and CloudFront access logs. */
  readonly accessLogsBucket: IBucket;
  /** Countries (ISO alpha-2) the desktop may be loaded from. */
  readonly allowedCountries: readonly string[];
  /** Custom domain and its us-east-1 ACM certificate. @default the CloudFront domain */
  readonly domain?: { readonly domainName: string; readonly certificateArn: string };
  /** WAF web ACL (CLOUDFRONT scope) for the distribution. @default none */
  readonly webAclArn?: string;
  readonly logRetention: RetentionDays;
  /** The staff (ticket) API the tickets panel calls, and its sign-in. @default no tickets panel */
  readonly staffApi?: StaffApiSettings;
}

/** config.json's `staffApi`: where the ticket API is and how agents sign in to it. */
export interface StaffApiSettings {
  /** The API's base URL (its stage URL). */
  readonly url: string;
  readonly auth: {
    readonly kind: 'cognito';
    /** The user pool domain's base URL (managed login, /oauth2/authorize and /oauth2/token). */
    readonly domain: string;
    /** The public app client the desktop signs in with. */
    readonly clientId: string;
  };
}

/**
 * The agent desktop: a static page embedding the Connect CCP (amazon-connect-streams) with a
 * screen pop of what the caller did in the IVR. Served from a private, KMS-encrypted bucket
 * through CloudFront with origin access control, security headers and a country allow-list;
 * its origin is approved on the Connect instance so the CCP may be embedded.
 */
export class AgentDesktop extends Construct {
  /** The desktop's bucket and distribution. */
  readonly page: HostedPage;
  /** Where agents open the desktop, e.g. https://d111111abcdef8.cloudfront.net. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: AgentDesktopProps) {
    super(scope, id);
    const { region, urlSuffix } = Stack.of(this);
    const connectOrigin = `https://${props.instanceAlias}.my.connect.aws`;
    const { staffApi } = props;

    // Created as `Default`: the page's resources keep the desktop's logical ids.
    this.page = new HostedPage(this, 'Default', {
      name: 'the agent desktop',
      comment: 'Huduma agent desktop',
      headersComment: 'Agent desktop: CSP allowing only the Connect CCP frame',
      // The tickets panel calls the staff API and exchanges its sign-in code at the user pool.
      // The API is named by its Region's endpoints, not its id: its CORS origin is this
      // distribution, so naming the API here would be a dependency cycle.
      security: {
        connect: staffApi
          ? [`https://*.execute-api.${region}.${urlSuffix}`, staffApi.auth.domain]
          : [],
        also: [`frame-src ${connectOrigin}`],
      },
      accessLogsBucket: props.accessLogsBucket,
      logPrefix: 'agent-desktop',
      allowedCountries: props.allowedCountries,
      ...(props.domain && { domain: props.domain }),
      ...(props.webAclArn && { webAclArn: props.webAclArn }),
    });
    this.url = this.page.url;

    const deployLogs = new LogGroup(this, 'DeploymentLogs', { retention: props.logRetention });
    const deployRole = new Role(this, 'DeploymentRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Copies the agent desktop into its bucket and invalidates the CDN',
    });
    deployLogs.grantWrite(deployRole);
    this.page.deploy({
      sourceDir: AGENT_DESKTOP_DIR,
      config: { ccpUrl: `${connectOrigin}/ccp-v2/`, region, ...(staffApi && { staffApi }) },
      role: deployRole,
      logGroup: deployLogs,
    });

    new CfnApprovedOrigin(this, 'ApprovedOrigin', {
      instanceId: props.instanceArn,
      origin: this.url,
    });

    this.acknowledge(deployRole, props);
  }

  private acknowledge(role: Role, props: AgentDesktopProps) {
    if (!props.webAclArn) {
      Validations.of(this.page.distribution).acknowledge({
        id: 'AwsSolutions-CFR2',
        reason:
          'The distribution serves static files only, to an allow-listed country; sign-in and every contact operation go to Connect itself. A WAF web ACL (us-east-1, CLOUDFRONT scope) can be attached with agentDesktop.webAclArn.',
      });
    }
    // BucketDeployment grants its provider what copying a whole folder takes.
    const stack = Stack.of(this);
    const qualifier =
      stack.synthesizer.bootstrapQualifier ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER;
    const bucketId = stack.getLogicalId(this.page.bucket.node.defaultChild as CfnResource);
    const findings = [
      'Action::s3:GetBucket*',
      'Action::s3:GetObject*',
      'Action::s3:List*',
      'Action::s3:Abort*',
      'Action::s3:DeleteObject*',
      'Action::kms:GenerateDataKey*',
      'Action::kms:ReEncrypt*',
      `Resource::<${bucketId}.Arn>/*`,
      `Resource::arn:<AWS::Partition>:s3:::cdk-${qualifier}-assets-<AWS::AccountId>-${stack.region}/*`,
      'Resource::*',
    ];
    for (const finding of findings) {
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[${finding}]`,
        reason:
          "BucketDeployment copies the bundled desktop from the CDK asset bucket into the desktop bucket: it reads and lists asset objects, writes and prunes objects under the desktop bucket only, uses that bucket's key, and invalidates its distribution (CloudFront invalidation supports no resource-level permission).",
      });
    }
    const handler = Stack.of(this)
      .node.findAll()
      .find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (handler) {
      const reasons: Record<string, string> = {
        'AwsSolutions-L1':
          "CDK's BucketDeployment provider pins the Python runtime its bundled AWS CLI layer supports; it runs only during deployments.",
        'Serverless-LambdaDLQ':
          'Invoked synchronously by CloudFormation, which reports failures itself; a DLQ would never receive anything.',
        'Serverless-LambdaTracing':
          'A deployment-time file copy recorded by CloudFormation and CloudTrail; tracing adds nothing.',
        'Serverless-LambdaLatestVersion':
          "CDK's BucketDeployment provider pins the Python runtime its bundled AWS CLI layer supports; it runs only during deployments.",
      };
      for (const [id, reason] of Object.entries(reasons)) {
        Validations.of(handler).acknowledge({ id, reason });
      }
    }
  }
}
