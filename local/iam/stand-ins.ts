import { checkCall, currentFunction, deployedSetting, iamChecks } from './guard.ts';

/**
 * How a local stand-in's operation is checked: as the SDK call it replaces, on the deployed
 * resource named by the settings the function would read (its deployed environment).
 */
interface StandInCall {
  readonly service: string;
  readonly operation: string;
  readonly settings: readonly string[];
  // biome-ignore lint/suspicious/noExplicitAny: the stand-in method's own arguments.
  readonly input: (settings: Record<string, string>, args: any[]) => Record<string, unknown>;
}

const sendMessage = (setting: string): StandInCall => ({
  service: 'sqs',
  operation: 'SendMessage',
  settings: [setting],
  input: (values) => ({ QueueUrl: values[setting] }),
});

const escalationCall = (operation: string): StandInCall => ({
  service: 'states',
  operation,
  settings: ['ESCALATION_STATE_MACHINE_ARN'],
  input: (values) => ({ stateMachineArnHint: values.ESCALATION_STATE_MACHINE_ARN }),
});

const connectCall = (operation: string): StandInCall => ({
  service: 'connect',
  operation,
  settings: ['CONNECT_INSTANCE_ID', 'OUTBOUND_FLOW_ID', 'OUTBOUND_QUEUE_ID'],
  input: (values, [argument]) => ({
    InstanceId: values.CONNECT_INSTANCE_ID,
    ContactFlowId: values.OUTBOUND_FLOW_ID,
    QueueId: values.OUTBOUND_QUEUE_ID,
    ...(typeof argument === 'string' && { ContactId: argument }),
  }),
});

/** A contact's line and attributes (lambdas/shared/contact-line.ts), on the deployed instance. */
const contactCall = (operation: string): StandInCall => ({
  service: 'connect',
  operation,
  settings: ['CONNECT_INSTANCE_ID'],
  input: (values, [contactId]) => ({
    InstanceId: values.CONNECT_INSTANCE_ID,
    ContactId: contactId,
  }),
});

const callbackQueue = { send: sendMessage('CALLBACK_QUEUE_URL') };

/**
 * The dependencies handlers take that a local run replaces with a stand-in, by the name the
 * handlers give them, with the SDK call each method stands for.
 */
const STAND_INS: Readonly<Record<string, Readonly<Record<string, StandInCall>>>> = {
  notifier: { notify: sendMessage('NOTIFICATIONS_QUEUE_URL') },
  identityHasher: {
    hash: {
      service: 'kms',
      operation: 'GenerateMac',
      settings: ['IDENTITY_HASH_KEY_ARN'],
      input: (values) => ({ KeyId: values.IDENTITY_HASH_KEY_ARN }),
    },
  },
  callbacks: callbackQueue,
  queue: callbackQueue,
  escalations: { start: escalationCall('StartExecution'), wake: escalationCall('SendTaskSuccess') },
  dialer: {
    place: connectCall('StartOutboundVoiceContact'),
    outcome: connectCall('DescribeContact'),
  },
  contactLine: {
    numberOn: contactCall('DescribeContact'),
    attributesOf: contactCall('GetContactAttributes'),
    note: contactCall('UpdateContactAttributes'),
  },
  chatContacts: {
    start: {
      service: 'connect',
      operation: 'StartChatContact',
      settings: ['CONNECT_INSTANCE_ID', 'CHAT_FLOW_ID'],
      input: (values) => ({
        InstanceId: values.CONNECT_INSTANCE_ID,
        ContactFlowId: values.CHAT_FLOW_ID,
      }),
    },
  },
  sms: {
    send: {
      service: 'sms-voice',
      operation: 'SendTextMessage',
      settings: ['SMS_ORIGINATION_IDENTITY'],
      input: (values) => ({ OriginationIdentity: values.SMS_ORIGINATION_IDENTITY }),
    },
  },
  agentChats: {
    start: {
      service: 'connect',
      operation: 'StartChatContact',
      settings: ['CONNECT_INSTANCE_ID', 'CONVERSATION_FLOW_ID'],
      input: (values) => ({
        InstanceId: values.CONNECT_INSTANCE_ID,
        ContactFlowId: values.CONVERSATION_FLOW_ID,
      }),
    },
    // The Participant Service calls (connect, post, leave) use the chat's own tokens, not IAM.
    stream: {
      service: 'connect',
      operation: 'StartContactStreaming',
      settings: ['CONNECT_INSTANCE_ID', 'AGENT_CHAT_STREAM_TOPIC_ARN'],
      input: (values, [contactId]) => ({
        InstanceId: values.CONNECT_INSTANCE_ID,
        ContactId: contactId,
      }),
    },
  },
  whatsapp: {
    send: {
      service: 'social-messaging',
      operation: 'SendWhatsAppMessage',
      settings: ['WHATSAPP_PHONE_NUMBER_ID'],
      input: (values) => ({ originationPhoneNumberId: values.WHATSAPP_PHONE_NUMBER_ID }),
    },
  },
  email: {
    send: {
      service: 'ses',
      operation: 'SendEmail',
      settings: ['EMAIL_FROM'],
      input: (values) => ({ FromEmailAddress: values.EMAIL_FROM }),
    },
  },
};

const check = async (call: StandInCall, args: unknown[]): Promise<void> => {
  if (currentFunction() === undefined) {
    iamChecks.unscoped++;
    return;
  }
  const values: Record<string, string> = {};
  for (const setting of call.settings) {
    values[setting] = (await deployedSetting(call.service, setting)) as string;
  }
  await checkCall({
    service: call.service,
    operation: call.operation,
    input: call.input(values, args),
  });
};

const checked = <T extends object>(standIn: T, calls: Readonly<Record<string, StandInCall>>): T =>
  new Proxy(standIn, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const call = typeof property === 'string' ? calls[property] : undefined;
      if (!call) return value.bind(target);
      return async (...args: unknown[]) => {
        await check(call, args);
        return value.apply(target, args);
      };
    },
  });

/**
 * A handler's dependencies with every stand-in checked: a notifier's notify is checked as
 * sqs:SendMessage on the notifications queue, a dialer's place as
 * connect:StartOutboundVoiceContact, and so on ({@link STAND_INS}).
 */
export const checkedDependencies = <D extends object>(dependencies: D): D =>
  Object.fromEntries(
    Object.entries(dependencies).map(([name, value]) => {
      const calls = STAND_INS[name];
      return [
        name,
        calls && typeof value === 'object' && value !== null ? checked(value, calls) : value,
      ];
    }),
  ) as D;
