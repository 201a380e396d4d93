import { Annotations, CfnOutput, Duration, Validations } from 'aws-cdk-lib';
import {
  AccessLogFormat,
  EndpointType,
  LambdaIntegration,
  LogGroupLogDestination,
  RequestValidator,
  RestApi,
} from 'aws-cdk-lib/aws-apigateway';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { AnyPrincipal, Effect, PolicyDocument, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ussdChannel } from '#lambdas/ussd/channel.ts';
import {
  articleScreenProblems,
  articleSummaries,
  ussdTextProblems,
} from '#lambdas/ussd/screen-check.ts';
import { loadArticleFiles } from '#local/knowledge/article-files.ts';
import { tableDefinitions } from '#shared/data/tables.ts';
import type { OpeningHours } from '#shared/hours.ts';
import { PlatformFunction } from './flow-function.ts';

export interface UssdChannelProps {
  readonly tables: Readonly<Record<'ServiceData' | 'Tickets' | 'CallLogs', TableV2>>;
  readonly identityHashKey: IKey;
  /** Lets the function queue notifications (results by SMS, codes, confirmations). */
  readonly allowToNotify: (fn: PlatformFunction) => void;
  /** The gateway's source addresses: every other source is refused (resource policy and handler). */
  readonly gatewayCidrs: readonly string[];
  readonly callLogRetentionDays: number;
  /** The contact centre's opening hours (Connect's): the call log's day, when agents are back. */
  readonly hours: OpeningHours;
  readonly logRetention: RetentionDays;
}

/**
 * USSD self-service (lambdas/ussd/channel.ts): the gateway's callback `POST /channels/ussd` on a
 * regional REST API (a resource policy can name the gateway's addresses; an HTTP API cannot),
 * throttled and access-logged, to one Lambda with the table access its descriptor declares.
 * Synthesis fails when a USSD text is too long or not GSM-7 in either language, or an article's
 * summary screen loses its title or menu.
 */
export class UssdChannel extends Construct {
  readonly function: PlatformFunction;
  readonly api: RestApi;

  constructor(scope: Construct, id: string, props: UssdChannelProps) {
    super(scope, id);
    // Every USSD text in both languages, and every article's summary screen (data/knowledge).
    const problems = [
      ...ussdTextProblems(),
      ...articleScreenProblems(articleSummaries(loadArticleFiles())),
    ];
    if (problems.length > 0)
      throw new Error(`USSD texts that cannot be shown:\n${problems.join('\n')}`);

    this.function = new PlatformFunction(this, 'Function', {
      handler: ussdChannel.handler,
      description: ussdChannel.description,
      logRetention: props.logRetention,
      // A screen within a second; the gateway gives up after a few. More memory: faster start.
      timeout: Duration.seconds(8),
      memorySize: 1024,
      environment: {
        USSD_GATEWAY_CIDRS: props.gatewayCidrs.join(','),
        CALL_LOG_RETENTION_DAYS: String(props.callLogRetentionDays),
        TIME_ZONE: props.hours.timeZone,
        CONTACT_CENTRE_HOURS: JSON.stringify(props.hours),
      },
    });
    for (const definition of tableDefinitions) {
      const access = ussdChannel.tables[definition.id];
      if (access) this.function.bindTable(definition, props.tables[definition.id], access);
    }
    this.function.allowToHashIdentity(props.identityHashKey);
    props.allowToNotify(this.function);

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: props.logRetention });
    const cidrs = [...props.gatewayCidrs];
    if (cidrs.length === 0)
      Annotations.of(this).addWarningV2(
        'huduma:ussdOpenToAnySource',
        'ussd.gatewayCidrs is empty: any source may post a USSD callback and claim a phone number, and the number is not trusted as possession; set the gateway addresses with -c ussdGatewayCidrs=<cidr>,<cidr> (docs/security.md; prod refuses to build without them)',
      );
    this.api = new RestApi(this, 'Api', {
      description: "USSD gateway callback (Africa's Talking): one screen per session step",
      endpointTypes: [EndpointType.REGIONAL],
      cloudWatchRole: false,
      deployOptions: {
        stageName: 'v1',
        tracingEnabled: true,
        throttlingRateLimit: 200,
        throttlingBurstLimit: 400,
        accessLogDestination: new LogGroupLogDestination(accessLogs),
        accessLogFormat: AccessLogFormat.jsonWithStandardFields(),
      },
      ...(cidrs.length > 0 && {
        policy: new PolicyDocument({
          statements: [
            new PolicyStatement({
              principals: [new AnyPrincipal()],
              actions: ['execute-api:Invoke'],
              resources: ['execute-api:/*'],
            }),
            new PolicyStatement({
              effect: Effect.DENY,
              principals: [new AnyPrincipal()],
              actions: ['execute-api:Invoke'],
              resources: ['execute-api:/*'],
              conditions: { NotIpAddress: { 'aws:SourceIp': cidrs } },
            }),
          ],
        }),
      }),
    });
    const validator = new RequestValidator(this, 'Validator', {
      restApi: this.api,
      validateRequestParameters: true,
      // No model is attached: the handler parses and bounds the form fields (gateway.ts).
      validateRequestBody: true,
    });
    const [method, path = ''] = ussdChannel.route.split(' ') as [string, string];
    const resource = path
      .split('/')
      .filter((part) => part.length > 0)
      .reduce((parent, part) => parent.addResource(part), this.api.root);
    // Through the live alias: provisioned concurrency while the centre is open (warm-functions.ts).
    resource.addMethod(method, new LambdaIntegration(this.function.liveAlias()), {
      requestValidator: validator,
    });

    Validations.of(this.api).acknowledge(
      {
        id: 'AwsSolutions-APIG4',
        reason:
          'The USSD gateway posts without credentials (its callback has none to give); the resource policy admits only its addresses and the handler checks them again.',
      },
      {
        id: 'AwsSolutions-COG4',
        reason:
          'A mobile network gateway, not a signed-in user, calls this API: there is no Cognito user to authorize; sources are restricted by address.',
      },
      {
        id: 'AwsSolutions-APIG3',
        reason:
          'Only the gateway addresses may call (resource policy), with stage throttling; a WAF web ACL would add cost without another control for a machine-to-machine callback.',
      },
      {
        id: 'AwsSolutions-APIG6',
        reason:
          'Access logs (JSON) are on for every request; execution logging needs the account-wide API Gateway CloudWatch role, which this stack does not own.',
      },
    );
    new CfnOutput(this, 'CallbackUrl', {
      value: this.api.urlForPath(path),
      description: 'The USSD callback URL to register with the gateway',
    });
  }
}
