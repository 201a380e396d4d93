import { CfnOutput, Duration, Fn, Stack, Validations } from 'aws-cdk-lib';
import { type HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { CfnInstance } from 'aws-cdk-lib/aws-connect';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { SnsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { CAPABILITIES } from '#lambdas/capabilities.ts';
import { TEXT_DIALOGUES } from '#lambdas/conversation/capabilities.ts';
import { type TableDefinition, tableDefinitions } from '#shared/data/tables.ts';
import type { OpeningHours } from '#shared/hours.ts';
import { PlatformFunction, type TableAccess } from './flow-function.ts';
import { instanceArnIn } from './instance-arn.ts';
import type { OperationsAlerts } from './operations-alerts.ts';
import { deadLetterQueue } from './queues.ts';
import { rotatingKey } from './rotating-key.ts';
import { sendWhatsAppFrom } from './whatsapp-sending.ts';

export interface MessagingChannelsProps {
  /** Where the alarm on WhatsApp events SNS could not deliver goes. */
  readonly alerts: OperationsAlerts;
  readonly serviceDataTable: TableV2;
  readonly ticketsTable: TableV2;
  readonly callLogsTable: TableV2;
  readonly identityHashKey: IKey;
  /** Gives a function the SQS notifier (SelfService's queue). */
  readonly allowToNotify: (fn: PlatformFunction) => void;
  readonly instance: CfnInstance;
  readonly instanceId: string;
  /** The chat hand-over flow (CHAT only) a hand-over's chat starts in: it queues it for an agent. */
  readonly handoverFlowArn: string;
  readonly promptAudioUri: string;
  readonly callLogRetentionDays: number;
  /** The contact centre's opening hours (and time zone): outside them no hand-over is offered. */
  readonly hours: OpeningHours;
  readonly sms: {
    /** `africas-talking` for Kenya (no two-way SMS through End User Messaging there). */
    readonly gateway: 'africas-talking' | 'end-user-messaging';
    readonly africasTalkingUsername?: string;
    readonly africasTalkingShortCode?: string;
    /** Secrets Manager reference of the Africa's Talking API key (`{{resolve:secretsmanager:…}}`). */
    readonly africasTalkingApiKey?: string;
    /** Two-way number (End User Messaging SMS), when the gateway is `end-user-messaging`. */
    readonly originationIdentity?: string;
  };
  readonly whatsapp: {
    /** End User Messaging Social's id of the WhatsApp business number (phone-number-id-…). */
    readonly phoneNumberId: string;
  };
  /** The platform's HTTP API (the staff API's) and its stage URL: the SMS callback is one route. */
  readonly api: { readonly httpApi: HttpApi; readonly url: string };
  readonly logRetention: RetentionDays;
}

const ACCESS_RANK: Record<TableAccess, number> = {
  read: 0,
  update: 1,
  readUpdate: 2,
  readWrite: 3,
};

/**
 * The tables the conversation service touches, each with the least access that covers every
 * capability its dialogues call (from their descriptors) plus its own sessions (ServiceData:
 * put and update) and call logs (CallLogs: update).
 */
export const conversationTableAccess = (): Partial<Record<TableDefinition['id'], TableAccess>> => {
  const access: Partial<Record<TableDefinition['id'], TableAccess>> = {
    ServiceData: 'readUpdate',
    CallLogs: 'update',
  };
  const used = new Set(Object.keys(TEXT_DIALOGUES));
  for (const capability of CAPABILITIES.filter((c) => used.has(c.handler)))
    for (const [id, level] of Object.entries(capability.tables) as [
      TableDefinition['id'],
      TableAccess,
    ][]) {
      const current = access[id];
      // readUpdate and update combine to readUpdate; anything with deletes stays readWrite.
      if (!current || ACCESS_RANK[level] > ACCESS_RANK[current]) access[id] = level;
    }
  return access;
};

/**
 * Self-service on the text channels: the SMS channel (Africa's Talking's inbound callback on an
 * HTTP API, or End User Messaging SMS's two-way topic) and the WhatsApp channel (End User
 * Messaging Social's event destination topic), both running the conversation service on the
 * capabilities' own use cases, with the capabilities' grants and no more, and the hand-over to
 * a Connect chat (StartChatContact on the hand-over flow only).
 */
export class MessagingChannels extends Construct {
  readonly smsFunction: PlatformFunction;
  readonly whatsappFunction: PlatformFunction;
  /** End User Messaging Social publishes the WhatsApp business account's events here. */
  readonly whatsappEvents: Topic;
  readonly smsApiUrl: string;
  /** Connect streams the hand-over chats' messages and events here (StartContactStreaming). */
  readonly agentChatStream: Topic;
  /** Relays the agents' messages to WhatsApp and SMS and the chats' end to the conversation. */
  readonly relayFunction: PlatformFunction;

  constructor(scope: Construct, id: string, props: MessagingChannelsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const tables: Record<TableDefinition['id'], TableV2> = {
      ServiceData: props.serviceDataTable,
      Tickets: props.ticketsTable,
      CallLogs: props.callLogsTable,
    };
    const handoverFlowId = Fn.select(3, Fn.split('/', props.handoverFlowArn));
    const { instanceArn, inFindings: arnInFindings } = instanceArnIn(this, props.instance);

    // Hand-over chats stream to a topic under our key; only this instance's Connect publishes.
    const streamKey = rotatingKey(
      this,
      'AgentChatStreamKey',
      "Encrypts the WhatsApp and SMS hand-over chats' messages streamed by Connect",
    );
    const fromOurInstance = {
      StringEquals: { 'aws:SourceAccount': stack.account },
      ArnEquals: { 'aws:SourceArn': instanceArn },
    };
    streamKey.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('connect.amazonaws.com')],
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
        conditions: fromOurInstance,
      }),
    );
    streamKey.grant(
      new ServicePrincipal('sns.amazonaws.com'),
      'kms:GenerateDataKey*',
      'kms:Decrypt',
    );
    this.agentChatStream = new Topic(this, 'AgentChatStream', {
      displayName: 'Huduma hand-over chats streamed by Amazon Connect',
      masterKey: streamKey,
      enforceSSL: true,
    });
    this.agentChatStream.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('connect.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.agentChatStream.topicArn],
        conditions: fromOurInstance,
      }),
    );
    const conversationFunction = (fnId: string, handler: string, description: string) => {
      const fn = new PlatformFunction(this, fnId, {
        handler,
        description,
        logRetention: props.logRetention,
        timeout: Duration.seconds(10),
        environment: {
          PROMPT_AUDIO_URI: props.promptAudioUri,
          CALL_LOG_RETENTION_DAYS: String(props.callLogRetentionDays),
          TIME_ZONE: props.hours.timeZone,
          CONTACT_CENTRE_HOURS: JSON.stringify(props.hours),
          CONNECT_INSTANCE_ID: props.instanceId,
          CONVERSATION_FLOW_ID: handoverFlowId,
        },
      }).allowToHashIdentity(props.identityHashKey);
      for (const [tableId, access] of Object.entries(conversationTableAccess()) as [
        TableDefinition['id'],
        TableAccess,
      ][]) {
        const definition = tableDefinitions.find((table) => table.id === tableId)!;
        fn.bindTable(definition, tables[tableId], access);
      }
      props.allowToNotify(fn);
      // Hand-over: a chat on the hand-over flow, streamed to the relay's topic; nothing else.
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['connect:StartChatContact'],
          resources: [props.handoverFlowArn],
        }),
      );
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['connect:StartContactStreaming'],
          resources: [`${instanceArn}/contact/*`],
        }),
      );
      Validations.of(fn.role!).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${arnInFindings}/contact/*]`,
        reason:
          'A chat gets its contact id when StartChatContact starts it; Connect authorises StartContactStreaming on the instance contact/* resource of this one instance.',
      });
      fn.addEnvironment('AGENT_CHAT_STREAM_TOPIC_ARN', this.agentChatStream.topicArn);
      return fn;
    };
    /** The SMS gateway's settings and grant (the SMS channel's replies, the relay's agent messages). */
    const sendSms = (fn: PlatformFunction) => {
      fn.addEnvironment('SMS_GATEWAY', props.sms.gateway);
      if (props.sms.africasTalkingUsername)
        fn.addEnvironment('AFRICAS_TALKING_USERNAME', props.sms.africasTalkingUsername);
      if (props.sms.africasTalkingShortCode)
        fn.addEnvironment('AFRICAS_TALKING_SHORT_CODE', props.sms.africasTalkingShortCode);
      if (props.sms.africasTalkingApiKey)
        fn.addEnvironment('AFRICAS_TALKING_API_KEY', props.sms.africasTalkingApiKey);
      if (props.sms.originationIdentity) {
        fn.addEnvironment('SMS_ORIGINATION_IDENTITY', props.sms.originationIdentity);
        fn.addToRolePolicy(
          new PolicyStatement({
            actions: ['sms-voice:SendTextMessage'],
            resources: [props.sms.originationIdentity],
          }),
        );
      }
    };
    /** Free-form WhatsApp messages from our business number, nothing else. */
    const sendWhatsApp = (fn: PlatformFunction) => {
      fn.addEnvironment('WHATSAPP_PHONE_NUMBER_ID', props.whatsapp.phoneNumberId);
      fn.addToRolePolicy(sendWhatsAppFrom(this, props.whatsapp.phoneNumberId));
    };

    this.smsFunction = conversationFunction(
      'Sms',
      'sms-channel',
      "Two-way SMS self-service: Africa's Talking's inbound callback or End User Messaging SMS",
    );
    sendSms(this.smsFunction);

    this.whatsappFunction = conversationFunction(
      'WhatsApp',
      'whatsapp-channel',
      'WhatsApp self-service: End User Messaging Social events in, free-form replies out',
    );
    sendWhatsApp(this.whatsappFunction);

    // The event destination: End User Messaging Social publishes to a topic under our key.
    const topicKey = rotatingKey(
      this,
      'WhatsAppEventsKey',
      'Encrypts the WhatsApp business account events (customer messages)',
    );
    topicKey.grant(
      new ServicePrincipal('social-messaging.amazonaws.com'),
      'kms:GenerateDataKey*',
      'kms:Decrypt',
    );
    this.whatsappEvents = new Topic(this, 'WhatsAppEvents', {
      displayName: 'Huduma WhatsApp events (End User Messaging Social)',
      masterKey: topicKey,
      enforceSSL: true,
    });
    this.whatsappEvents.grantPublish(new ServicePrincipal('social-messaging.amazonaws.com'));
    // Events SNS could not deliver to the channel are kept (14 days) for an operator to replay.
    const undelivered = deadLetterQueue(
      this,
      'WhatsAppEventsDeadLetters',
      topicKey,
      'WhatsApp events the channel could not take',
    );
    topicKey.grant(
      new ServicePrincipal('sns.amazonaws.com'),
      'kms:GenerateDataKey*',
      'kms:Decrypt',
    );
    // Through the live alias: a customer waits on each reply, so the function is kept warm in
    // opening hours (warm-functions.ts), as the flow and USSD functions are.
    const whatsappLive = this.whatsappFunction.liveAlias();
    whatsappLive.addEventSource(
      new SnsEventSource(this.whatsappEvents, { deadLetterQueue: undelivered }),
    );
    Validations.of(whatsappLive).acknowledge({
      id: 'CloudFormation-Validate::W3694',
      reason:
        "SNS delivers to a Lambda alias's ARN (a qualified function ARN) as to the function's; the linter's rule expects an AWS::Lambda::Function.",
    });
    props.alerts.onDeadLetters(
      this,
      'WhatsAppEventsDeadLettersAlarm',
      undelivered,
      'WhatsApp events',
    );

    // The relay: the agents' messages to WhatsApp or SMS, the chats' end back to the menu.
    this.relayFunction = new PlatformFunction(this, 'AgentChatRelay', {
      handler: 'agent-chat-relay',
      description: "Relays agents' Connect chat messages to WhatsApp and SMS customers",
      logRetention: props.logRetention,
      timeout: Duration.seconds(10),
    });
    this.relayFunction.bindTable(
      tableDefinitions.find((table) => table.id === 'ServiceData')!,
      props.serviceDataTable,
      'readUpdate',
    );
    sendSms(this.relayFunction);
    sendWhatsApp(this.relayFunction);
    const unrelayed = deadLetterQueue(
      this,
      'AgentChatStreamDeadLetters',
      streamKey,
      'Hand-over chat items the relay could not take',
    );
    this.relayFunction.addEventSource(
      new SnsEventSource(this.agentChatStream, { deadLetterQueue: unrelayed }),
    );
    props.alerts.onDeadLetters(
      this,
      'AgentChatStreamDeadLettersAlarm',
      unrelayed,
      'hand-over chat items',
    );

    // Africa's Talking's callback: POST /channels/sms on the platform's HTTP API (throttled,
    // access-logged); no JWT: the gateway posts without credentials and the handler checks the
    // callback URL's secret token.
    const routes = props.api.httpApi.addRoutes({
      path: '/channels/sms',
      methods: [HttpMethod.POST],
      // Through the live alias, warm in opening hours (warm-functions.ts).
      integration: new HttpLambdaIntegration('SmsInbound', this.smsFunction.liveAlias()),
    });
    for (const route of routes)
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          "Africa's Talking posts its incoming-message callback without credentials; the handler refuses posts without the callback URL's secret token (SMS_INBOUND_TOKEN), and the stage is throttled.",
      });
    this.smsApiUrl = `${props.api.url}channels/sms`;
    new CfnOutput(this, 'SmsCallbackUrl', {
      value: this.smsApiUrl,
      description:
        "Africa's Talking incoming-messages callback URL (add ?token=<SMS_INBOUND_TOKEN>)",
    });
    new CfnOutput(this, 'WhatsAppEventsTopicArn', {
      value: this.whatsappEvents.topicArn,
      description: 'The event destination to set on the WhatsApp business account',
    });
  }
}
