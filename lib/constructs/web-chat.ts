import {
  CfnOutput,
  type CfnResource,
  Duration,
  Fn,
  RemovalPolicy,
  Stack,
  Validations,
} from 'aws-cdk-lib';
import {
  AccessLogFormat,
  LambdaIntegration,
  LogGroupLogDestination,
  MethodLoggingLevel,
  RequestValidator,
  RestApi,
} from 'aws-cdk-lib/aws-apigateway';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { CfnWebACL, CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { WEB_CHAT_ROUTE_KEYS } from '#lambdas/web-chat/api-contract.ts';
import { CHAT_PAGE_DIR } from '#lib/chat-page-bundle.ts';
import { type TableDefinition, tableDefinitions } from '#shared/data/tables.ts';
import type { OpeningHours } from '#shared/hours.ts';
import { PlatformFunction, type TableAccess } from './flow-function.ts';
import { HostedPage } from './hosted-page.ts';
import { conversationTableAccess } from './messaging-channels.ts';

/** Requests one address may make in five minutes before WAF blocks it (WAF's minimum is 10). */
export const CHAT_RATE_LIMIT = { perFiveMinutes: 300, messagesPerFiveMinutes: 100 } as const;

export interface WebChatProps {
  /** The Connect instance (its ARN and id) chats are handed over on. */
  readonly instanceArn: string;
  readonly instanceId: string;
  /** The chat hand-over flow (contact-flows/chat-handover.json). */
  readonly chatFlowArn: string;
  /** The conversation service's tables (sessions, the capabilities' records, call logs). */
  readonly serviceDataTable: TableV2;
  readonly ticketsTable: TableV2;
  readonly callLogsTable: TableV2;
  readonly identityHashKey: IKey;
  /** Gives a function the SQS notifier (SelfService's queue). */
  readonly allowToNotify: (fn: PlatformFunction) => void;
  readonly promptAudioUri: string;
  /** The contact centre's opening hours (and time zone): outside them no hand-over is offered. */
  readonly hours: OpeningHours;
  readonly callLogRetentionDays: number;
  readonly accessLogsBucket: IBucket;
  /** Countries (ISO alpha-2) the page may be loaded from. */
  readonly allowedCountries: readonly string[];
  readonly logRetention: RetentionDays;
}

/**
 * Web chat for citizens: the chat page (chat-page/, bundled at synth) in a private bucket behind
 * CloudFront, a REST API (POST /chat/messages, /chat/survey) guarded by an AWS WAF web ACL with
 * rate-based rules, and the Lambda that passes messages to the conversation service and hands
 * over with StartChatContact on the one chat flow of the one instance.
 */
export class WebChat extends Construct {
  readonly function: PlatformFunction;
  readonly api: RestApi;
  readonly webAcl: CfnWebACL;
  /** The chat page's bucket and distribution. */
  readonly page: HostedPage;
  readonly url: string;

  constructor(scope: Construct, id: string, props: WebChatProps) {
    super(scope, id);
    const { region, urlSuffix } = Stack.of(this);
    // Created as `Default` with ids `Page…`: the page keeps the logical ids it was deployed with.
    this.page = new HostedPage(this, 'Default', {
      idPrefix: 'Page',
      name: 'the chat page',
      comment: 'Huduma web chat',
      headersComment: 'Chat page: its API and the Connect participant service only',
      security: {
        connect: [
          `https://*.execute-api.${region}.${urlSuffix}`,
          `https://participant.connect.${region}.${urlSuffix}`,
          `wss://*.transport.connect.${region}.${urlSuffix}`,
        ],
      },
      accessLogsBucket: props.accessLogsBucket,
      logPrefix: 'web-chat',
      allowedCountries: props.allowedCountries,
    });
    this.url = this.page.url;

    const flowId = Fn.select(3, Fn.split('/', props.chatFlowArn));
    this.function = new PlatformFunction(this, 'Handler', {
      handler: 'web-chat',
      description: 'Web chat: messages to the conversation service, hand-over to Connect chat',
      logRetention: props.logRetention,
      timeout: Duration.seconds(10),
      environment: {
        CONNECT_INSTANCE_ID: props.instanceId,
        CHAT_FLOW_ID: flowId,
        CALL_LOG_RETENTION_DAYS: String(props.callLogRetentionDays),
        PROMPT_AUDIO_URI: props.promptAudioUri,
        TIME_ZONE: props.hours.timeZone,
        CONTACT_CENTRE_HOURS: JSON.stringify(props.hours),
        ALLOWED_ORIGIN: this.url,
      },
    }).allowToHashIdentity(props.identityHashKey);
    // The conversation service's tables with the least access its capabilities' descriptors need.
    const tables: Record<TableDefinition['id'], TableV2> = {
      ServiceData: props.serviceDataTable,
      Tickets: props.ticketsTable,
      CallLogs: props.callLogsTable,
    };
    for (const [tableId, access] of Object.entries(conversationTableAccess()) as [
      TableDefinition['id'],
      TableAccess,
    ][])
      this.function.bindTable(
        tableDefinitions.find((table) => table.id === tableId)!,
        tables[tableId],
        access,
      );
    props.allowToNotify(this.function);
    // Hand-over: a chat on the chat hand-over flow, nothing else on the instance.
    this.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['connect:StartChatContact'],
        resources: [props.chatFlowArn],
      }),
    );

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: props.logRetention });
    this.api = new RestApi(this, 'Api', {
      description: 'Huduma web chat API (citizens): messages, hand-over, survey',
      cloudWatchRole: true,
      cloudWatchRoleRemovalPolicy: RemovalPolicy.DESTROY,
      deployOptions: {
        stageName: 'v1',
        throttlingRateLimit: 50,
        throttlingBurstLimit: 100,
        tracingEnabled: true,
        loggingLevel: MethodLoggingLevel.ERROR,
        accessLogDestination: new LogGroupLogDestination(accessLogs),
        accessLogFormat: AccessLogFormat.jsonWithStandardFields(),
      },
      defaultCorsPreflightOptions: {
        allowOrigins: [this.url],
        allowMethods: ['POST', 'OPTIONS'],
        allowHeaders: ['content-type'],
        maxAge: Duration.hours(1),
      },
    });
    const validator = new RequestValidator(this, 'BodyValidator', {
      restApi: this.api,
      validateRequestBody: true,
      validateRequestParameters: true,
    });
    // Through the live alias: a citizen waits on every answer, so the function is kept warm in
    // opening hours (warm-functions.ts), as the flow and USSD functions are.
    const integration = new LambdaIntegration(this.function.liveAlias());
    for (const routeKey of WEB_CHAT_ROUTE_KEYS) {
      const [method, path] = routeKey.split(' ') as [string, string];
      this.api.root.resourceForPath(path).addMethod(method, integration, {
        requestValidator: validator,
      });
    }
    this.webAcl = this.firewall();
    new CfnWebACLAssociation(this, 'WafAssociation', {
      resourceArn: this.api.deploymentStage.stageArn,
      webAclArn: this.webAcl.attrArn,
    });
    this.deployPage();
    this.acknowledge();
    new CfnOutput(this, 'PageUrl', { value: this.url, description: 'The citizens chat page' });
    new CfnOutput(this, 'ApiUrl', { value: this.api.url });
  }

  /** Rate-based rules per client address (all routes, and messages alone), then AWS managed rules. */
  private firewall(): CfnWebACL {
    const visibility = (metricName: string) => ({
      cloudWatchMetricsEnabled: true,
      metricName,
      sampledRequestsEnabled: true,
    });
    const managed = (name: string, priority: number) => ({
      name,
      priority,
      overrideAction: { none: {} },
      statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
      visibilityConfig: visibility(name),
    });
    return new CfnWebACL(this, 'WebAcl', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('HudumaWebChat'),
      rules: [
        {
          name: 'RatePerAddress',
          priority: 0,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: CHAT_RATE_LIMIT.perFiveMinutes,
              evaluationWindowSec: 300,
              aggregateKeyType: 'IP',
            },
          },
          visibilityConfig: visibility('RatePerAddress'),
        },
        {
          name: 'MessagesPerAddress',
          priority: 1,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: CHAT_RATE_LIMIT.messagesPerFiveMinutes,
              evaluationWindowSec: 300,
              aggregateKeyType: 'IP',
              scopeDownStatement: {
                byteMatchStatement: {
                  fieldToMatch: { uriPath: {} },
                  positionalConstraint: 'ENDS_WITH',
                  searchString: '/chat/messages',
                  textTransformations: [{ priority: 0, type: 'NONE' }],
                },
              },
            },
          },
          visibilityConfig: visibility('MessagesPerAddress'),
        },
        managed('AWSManagedRulesAmazonIpReputationList', 2),
        managed('AWSManagedRulesCommonRuleSet', 3),
        managed('AWSManagedRulesKnownBadInputsRuleSet', 4),
      ],
    });
  }

  /** The bundled page and its config.json (the API's URL) into the bucket, then a CDN invalidation. */
  private deployPage(): void {
    const deployment = this.page.deploy({
      sourceDir: CHAT_PAGE_DIR,
      config: { apiUrl: this.api.url, region: Stack.of(this).region },
    });
    // One provider serves every BucketDeployment of the stack (the desktop's role): name this bucket's finding.
    const bucketId = Stack.of(this).getLogicalId(this.page.bucket.node.defaultChild as CfnResource);
    Validations.of(deployment.handlerRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/*]`,
      reason:
        'BucketDeployment writes and prunes the bundled chat page under the page bucket only.',
    });
  }

  private acknowledge() {
    Validations.of(this.page.distribution).acknowledge({
      id: 'AwsSolutions-CFR2',
      reason:
        'The distribution serves static files to an allow-listed country; every request that does work goes to the chat API, which its regional WAF web ACL guards with rate limits.',
    });
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'Citizens chat without an account; the API is guarded by WAF rate limits, stage throttling and the body schemas the Lambda enforces.',
    });
    Validations.of(this.api.node.findChild('CloudWatchRole')).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      reason:
        "API Gateway's account-level logging role: AWS's managed policy is the documented way to let API Gateway write execution logs.",
    });
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-COG4',
      reason: 'Citizens chat without an account: there is no user pool to authorise with.',
    });
  }
}
