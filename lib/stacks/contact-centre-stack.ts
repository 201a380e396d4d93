import { CfnOutput, Lazy, Stack, type StackProps } from 'aws-cdk-lib';
import { CfnContactFlow } from 'aws-cdk-lib/aws-connect';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { QUEUES } from '#flows/manifest.ts';
import { ROUTING_PROFILES, SECURITY_PROFILES } from '#lib/config/agents.ts';
import {
  contactCentreHours,
  type EnvironmentConfig,
  signInDomainPrefix,
  warmSchedule,
} from '#lib/config/environments.ts';
import { logRetention } from '#lib/config/log-retention.ts';
import { staffingWarnings } from '#lib/config/staffing-check.ts';
import { AgentDesktop } from '#lib/constructs/agent-desktop.ts';
import { AnalyticsAlarms } from '#lib/constructs/analytics-alarms.ts';
import { AnalyticsConsumers } from '#lib/constructs/analytics-consumers.ts';
import { AnalyticsDashboard } from '#lib/constructs/analytics-dashboard.ts';
import { ComplaintEscalation } from '#lib/constructs/complaint-escalation.ts';
import type { ConnectInstance } from '#lib/constructs/connect-instance.ts';
import { ContactFlows } from '#lib/constructs/contact-flows.ts';
import { ContactRecordStream } from '#lib/constructs/contact-record-stream.ts';
import { ContactRouting } from '#lib/constructs/contact-routing.ts';
import { DataLake } from '#lib/constructs/data-lake.ts';
import { InboundNumber } from '#lib/constructs/inbound-number.ts';
import { KnowledgeApi } from '#lib/constructs/knowledge-api.ts';
import { MessagingChannels } from '#lib/constructs/messaging-channels.ts';
import { NotificationDelivery } from '#lib/constructs/notification-delivery.ts';
import { OperationsAlerts } from '#lib/constructs/operations-alerts.ts';
import { ReportsApi } from '#lib/constructs/reports-api.ts';
import { ResolutionCallback } from '#lib/constructs/resolution-callback.ts';
import { SecurityProfiles } from '#lib/constructs/security-profiles.ts';
import { SelfService } from '#lib/constructs/self-service.ts';
import { TicketApi } from '#lib/constructs/ticket-api.ts';
import { UssdChannel } from '#lib/constructs/ussd-channel.ts';
import { warmFunctionsIn } from '#lib/constructs/warm-functions.ts';
import { WebChat } from '#lib/constructs/web-chat.ts';
import { kpiTargets } from '#shared/kpi.ts';

export interface ContactCentreStackProps extends StackProps {
  readonly config: EnvironmentConfig;
  readonly tables: {
    readonly serviceData: TableV2;
    readonly tickets: TableV2;
    readonly callLogs: TableV2;
  };
  /** HMAC key for ID-number hashes (data stack): used, never exported, by the functions that check them. */
  readonly identityHashKey: IKey;
  readonly accessLogsBucket: IBucket;
  /** The Connect instance (data stack) this stack configures. */
  readonly connect: ConnectInstance;
  /** Base URI of the recorded Kiswahili prompts (data stack). */
  readonly promptAudioUri: string;
}

/**
 * Everything that can be rebuilt from the repository: routing (hours, queues, profiles, quick
 * connects), security profiles, the flows and the Lambdas they invoke, the number-to-flow
 * association, the contact-record stream and the agent desktop. Complaint escalation and call
 * analytics slot in here, reading `contactRecords.stream` and the tables.
 */
export class ContactCentreStack extends Stack {
  readonly routing: ContactRouting;
  readonly flows: ContactFlows;
  readonly contactRecords: ContactRecordStream;
  readonly agentDesktop: AgentDesktop;
  readonly analytics: AnalyticsConsumers;
  readonly dashboard: AnalyticsDashboard;
  /** The operations topic and the alarms every function gets (the app applies them to its stacks). */
  readonly alerts: OperationsAlerts;
  readonly reports: ReportsApi;
  readonly dataLake: DataLake;
  readonly escalation: ComplaintEscalation;
  readonly callbacks: ResolutionCallback;
  readonly ticketApi: TicketApi;
  readonly knowledge: KnowledgeApi;
  readonly messaging: MessagingChannels;
  readonly webChat: WebChat;
  readonly ussd: UssdChannel;

  constructor(scope: Construct, id: string, props: ContactCentreStackProps) {
    super(scope, id, props);
    const { config, connect } = props;
    warmFunctionsIn(this, warmSchedule(config));
    const instanceArn = connect.instanceArn;
    const retention = logRetention(config.logRetentionDays);
    // One set of hours for Connect and every function that tells or keeps them.
    const hours = contactCentreHours(config);

    this.routing = new ContactRouting(this, 'Routing', {
      instanceArn,
      instanceId: connect.instanceId,
      hours,
      routingProfiles: ROUTING_PROFILES,
      outboundCallerIdNumberArn: connect.phoneNumberArn,
      logRetention: retention,
      staffingWarnings: staffingWarnings(config),
    });
    new SecurityProfiles(this, 'SecurityProfiles', { instanceArn, profiles: SECURITY_PROFILES });

    const selfService = new SelfService(this, 'SelfService', {
      instanceArn,
      serviceDataTable: props.tables.serviceData,
      ticketsTable: props.tables.tickets,
      callLogsTable: props.tables.callLogs,
      identityHashKey: props.identityHashKey,
      callLogRetentionDays: config.callLogRetentionDays,
      promptAudioUri: props.promptAudioUri,
      logRetention: retention,
      hours,
    });
    const functionArns = Object.fromEntries(
      // Flows invoke each function's live alias (provisioned per environment).
      Object.entries(selfService.functions).map(([placeholder, fn]) => [
        placeholder,
        fn.liveAlias().functionArn,
      ]),
    );
    const queueArns = Object.fromEntries(
      Object.entries(this.routing.queues).map(([placeholder, queue]) => [
        placeholder,
        queue.attrQueueArn,
      ]),
    );
    this.flows = new ContactFlows(this, 'Flows', {
      instanceArn,
      promptAudioUri: props.promptAudioUri,
      resources: {
        ...functionArns,
        ...queueArns,
        ContactCentreHoursArn: this.routing.hours.attrHoursOfOperationArn,
      },
      dependsOn: Object.values(selfService.functions),
    });

    const main = this.flows.flows.main;
    if (connect.phoneNumberArn && main instanceof CfnContactFlow) {
      new InboundNumber(this, 'InboundNumber', {
        instanceId: connect.instanceId,
        phoneNumberArn: connect.phoneNumberArn,
        contactFlowArn: main.attrContactFlowArn,
        logRetention: retention,
      });
    }

    this.contactRecords = new ContactRecordStream(this, 'ContactRecords', {
      instanceArn,
      storageKey: connect.storageKey,
      retentionHours: config.contactRecordStreamRetentionHours,
    });

    const alerts = new OperationsAlerts(this, 'OperationsAlerts', { emails: config.alarmEmails });
    this.alerts = alerts;
    // 'CallAnalytics' keeps the consumers' (and their dead letters') logical IDs as they were.
    this.analytics = new AnalyticsConsumers(this, 'CallAnalytics', {
      contactRecordStream: this.contactRecords.stream,
      callLogsTable: props.tables.callLogs,
      ticketsTable: props.tables.tickets,
      callLogRetentionDays: config.callLogRetentionDays,
      timeZone: config.hours.timeZone,
      answerWithinSeconds: config.sla.answerWithinSeconds,
      logRetention: retention,
    });
    const connectQueues = {
      instanceId: connect.instanceId,
      queueNames: Object.values(QUEUES).map((queue) => queue.name),
    };
    new AnalyticsAlarms(this, 'CallAnalyticsAlarms', {
      consumers: this.analytics,
      connect: connectQueues,
      targets: kpiTargets,
      alerts,
    });
    // Under the consumers' id, as before: CloudFormation would delete a replaced dashboard by name.
    this.dashboard = new AnalyticsDashboard(this.analytics, 'Dashboard', {
      consumers: this.analytics,
      answerWithinSeconds: config.sla.answerWithinSeconds,
      connect: connectQueues,
      targets: kpiTargets,
      alerts,
    });
    this.dataLake = new DataLake(this, 'DataLake', {
      contactRecordStream: this.contactRecords.stream,
      accessLogsBucket: props.accessLogsBucket,
      databaseName: `huduma_${config.name}`,
      workGroupName: `huduma-${config.name}-analytics`,
      retentionDays: config.callLogRetentionDays,
      timeZone: config.hours.timeZone,
      answerWithinSeconds: config.sla.answerWithinSeconds,
      logRetention: retention,
      retainData: config.retainData,
      quickSightPrincipalArn: config.quickSightPrincipalArn,
    });

    // Complaints: notifications delivered, the 72-hour escalation, the call-back on resolution
    // and the ticket workflow API.
    const allowToNotify = (fn: Parameters<SelfService['allowToNotify']>[0]) =>
      selfService.allowToNotify(fn);
    new NotificationDelivery(this, 'NotificationDelivery', {
      queue: selfService.notificationsQueue,
      serviceDataTable: props.tables.serviceData,
      smsOriginationIdentity: config.messaging.smsOriginationIdentity,
      emailFrom: config.messaging.emailFrom,
      whatsappPhoneNumberId: config.messaging.whatsappPhoneNumberId,
      identityHashKey: props.identityHashKey,
      promptAudioUri: props.promptAudioUri,
      logRetention: retention,
      alerts,
    });
    // USSD for feature phones: the same capability dialogues through the gateway's callback.
    this.ussd = new UssdChannel(this, 'Ussd', {
      tables: {
        ServiceData: props.tables.serviceData,
        Tickets: props.tables.tickets,
        CallLogs: props.tables.callLogs,
      },
      identityHashKey: props.identityHashKey,
      allowToNotify,
      gatewayCidrs: config.ussd.gatewayCidrs,
      callLogRetentionDays: config.callLogRetentionDays,
      hours,
      logRetention: retention,
    });
    this.dashboard.chartErrors('Ussd', this.ussd.function);
    const outboundFlow = this.flows.flows['outbound-callback'];
    if (!(outboundFlow instanceof CfnContactFlow)) throw new Error('outbound-callback is a flow');
    this.callbacks = new ResolutionCallback(this, 'ResolutionCallback', {
      ticketsTable: props.tables.tickets,
      instance: connect.instance,
      outboundFlowArn: outboundFlow.attrContactFlowArn,
      callerIdQueueArn: this.routing.queues.CallbackQueueArn.attrQueueArn,
      agentQueueArn: this.routing.queues.ComplaintsQueueArn.attrQueueArn,
      hours,
      allowToNotify,
      promptAudioUri: props.promptAudioUri,
      logRetention: retention,
      alerts,
    });
    this.escalation = new ComplaintEscalation(this, 'ComplaintEscalation', {
      ticketsTable: props.tables.tickets,
      contacts: config.escalation,
      callbacks: this.callbacks,
      ticketRetentionDays: config.ticketPersonalDataRetentionDays,
      allowToNotify,
      namePrefix: `huduma-${config.name}`,
      promptAudioUri: props.promptAudioUri,
      timeZone: config.hours.timeZone,
      logRetention: retention,
      alerts,
    });
    this.ticketApi = new TicketApi(this, 'TicketApi', {
      ticketsTable: props.tables.tickets,
      serviceDataTable: props.tables.serviceData,
      callbacks: this.callbacks,
      identityHashKey: props.identityHashKey,
      allowToNotify,
      desktopUrl: Lazy.string({ produce: () => this.agentDesktop.url }),
      signInDomainPrefix: signInDomainPrefix(config),
      retainUsers: config.retainData,
      promptAudioUri: props.promptAudioUri,
      logRetention: retention,
      alerts,
    });
    const chatFlow = this.flows.flows['chat-handover'];
    if (!(chatFlow instanceof CfnContactFlow)) throw new Error('chat-handover is a flow');
    this.messaging = new MessagingChannels(this, 'Messaging', {
      alerts,
      serviceDataTable: props.tables.serviceData,
      ticketsTable: props.tables.tickets,
      callLogsTable: props.tables.callLogs,
      identityHashKey: props.identityHashKey,
      allowToNotify: (fn) => selfService.allowToNotify(fn),
      instance: connect.instance,
      instanceId: connect.instanceId,
      handoverFlowArn: chatFlow.attrContactFlowArn,
      promptAudioUri: props.promptAudioUri,
      callLogRetentionDays: config.callLogRetentionDays,
      hours,
      sms: {
        gateway: config.messaging.smsGateway,
        africasTalkingUsername: config.messaging.africasTalkingUsername,
        africasTalkingShortCode: config.messaging.smsShortCode,
        ...(config.messaging.africasTalkingApiKeySecret && {
          africasTalkingApiKey: `{{resolve:secretsmanager:${config.messaging.africasTalkingApiKeySecret}}}`,
        }),
      },
      whatsapp: { phoneNumberId: config.messaging.whatsappPhoneNumberId },
      api: { httpApi: this.ticketApi.api, url: this.ticketApi.url },
      logRetention: retention,
    });
    // The desktop and the ticket API name each other (its config.json holds the API; the API's
    // CORS origin and sign-in callback are the desktop's URL): the API takes the URL lazily.
    this.agentDesktop = new AgentDesktop(this, 'AgentDesktop', {
      instanceArn,
      instanceAlias: config.instanceAlias,
      accessLogsBucket: props.accessLogsBucket,
      allowedCountries: config.agentDesktop.allowedCountries,
      ...(config.agentDesktop.domainName &&
        config.agentDesktop.certificateArn && {
          domain: {
            domainName: config.agentDesktop.domainName,
            certificateArn: config.agentDesktop.certificateArn,
          },
        }),
      webAclArn: config.agentDesktop.webAclArn,
      logRetention: retention,
      staffApi: {
        url: this.ticketApi.url,
        auth: {
          kind: 'cognito',
          domain: this.ticketApi.domain.baseUrl(),
          clientId: this.ticketApi.client.userPoolClientId,
        },
      },
    });

    this.reports = new ReportsApi(this, 'Reports', {
      callLogsTable: props.tables.callLogs,
      ticketsTable: props.tables.tickets,
      timeZone: config.hours.timeZone,
      answerWithinSeconds: config.sla.answerWithinSeconds,
      complaintResolutionHours: config.sla.complaintResolutionHours,
      staffing: config.staffing,
      logRetention: retention,
      api: { httpApi: this.ticketApi.api, authorizer: this.ticketApi.authorizer },
    });
    this.dashboard.chartErrors('Reports', this.reports.function);

    this.knowledge = new KnowledgeApi(this, 'Knowledge', {
      serviceDataTable: props.tables.serviceData,
      timeZone: config.hours.timeZone,
      logRetention: retention,
      api: { httpApi: this.ticketApi.api, authorizer: this.ticketApi.authorizer },
      instance: connect.instance,
      identityHashKey: props.identityHashKey,
      allowToNotify,
    });
    this.dashboard.chartErrors('Knowledge', this.knowledge.function);
    this.webChat = new WebChat(this, 'WebChat', {
      instanceArn,
      instanceId: connect.instanceId,
      chatFlowArn: chatFlow.attrContactFlowArn,
      serviceDataTable: props.tables.serviceData,
      ticketsTable: props.tables.tickets,
      callLogsTable: props.tables.callLogs,
      identityHashKey: props.identityHashKey,
      allowToNotify: (fn) => selfService.allowToNotify(fn),
      promptAudioUri: props.promptAudioUri,
      hours,
      callLogRetentionDays: config.callLogRetentionDays,
      accessLogsBucket: props.accessLogsBucket,
      allowedCountries: config.agentDesktop.allowedCountries,
      logRetention: retention,
    });
    this.dashboard.chartErrors('WebChat', this.webChat.function);
    new CfnOutput(this, 'WebChatUrl', { value: this.webChat.url });

    new CfnOutput(this, 'AgentDesktopUrl', { value: this.agentDesktop.url });
    new CfnOutput(this, 'ContactRecordStreamName', {
      value: this.contactRecords.stream.streamName,
    });
    new CfnOutput(this, 'OperationsAlarmTopicArn', {
      value: alerts.topic.topicArn,
      description: 'Every platform alarm notifies this topic (alarmEmails subscribes to it)',
    });
    new CfnOutput(this, 'AnalyticsWorkGroup', { value: this.dataLake.workGroup.ref });
    new CfnOutput(this, 'TrackingFunctionName', {
      value: selfService.functions.TrackingFunctionArn.functionName,
      description: 'Invoke with a Connect sample event as a smoke check (docs/deploy.md)',
    });
    new CfnOutput(this, 'AdminUrl', {
      value: `https://${config.instanceAlias}.my.connect.aws/`,
      description: 'Connect admin website (log in as the first admin user, see docs/deploy.md)',
    });
  }
}
