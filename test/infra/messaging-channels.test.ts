import { Match } from 'aws-cdk-lib/assertions';
import { contactCentreHours, environments } from '#lib/config/environments.ts';
import { contactCentreHoursVariable } from '#shared/hours.ts';
import { buildApp } from '../support/app.ts';
import {
  actionsOn,
  functionNamed,
  liveAliasOf,
  serviceActions,
  statementsOf,
} from '../support/grants.ts';

const { contactCentre, template } = buildApp('prod', {}, { bundle: false });
const centre = template(contactCentre);

describe('messaging channels', () => {
  it("routes Africa's Talking's inbound SMS callback to the SMS channel's live alias, without a JWT", () => {
    const sms = functionNamed(centre, 'MessagingSms');
    centre.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'POST /channels/sms',
      AuthorizationType: 'NONE',
      Target: Match.anyValue(),
    });
    centre.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: { Ref: liveAliasOf(centre, sms.logicalId) },
    });
    expect(sms.properties.Environment.Variables).toMatchObject({
      SMS_GATEWAY: 'africas-talking',
      AFRICAS_TALKING_SHORT_CODE: expect.any(String),
      CONVERSATION_FLOW_ID: expect.anything(),
      CONNECT_INSTANCE_ID: expect.anything(),
      IDENTITY_HASHER: 'kms',
      NOTIFIER: 'sqs',
    });
  });

  it.each([
    'MessagingSms',
    'MessagingWhatsApp',
    'WebChatHandler',
    'UssdFunction',
    'SelfServiceCallerContext',
  ])(
    'gives %s the hours Connect checks, so after hours it hands no one over and says when agents are back',
    (name) => {
      const env = functionNamed(centre, name).properties.Environment.Variables;
      const hours = contactCentreHoursVariable.parse(env.CONTACT_CENTRE_HOURS);
      expect(hours).toEqual(contactCentreHours(environments.prod));
      expect(env.TIME_ZONE).toBe(hours.timeZone);
    },
  );

  it("subscribes the WhatsApp channel's live alias to the encrypted event destination topic End User Messaging Social publishes to", () => {
    const whatsapp = functionNamed(centre, 'MessagingWhatsApp');
    const [topic] = Object.entries(centre.findResources('AWS::SNS::Topic')).find(([id]) =>
      id.startsWith('MessagingWhatsAppEvents'),
    )!;
    centre.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    centre.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      TopicArn: { Ref: topic },
      Endpoint: { Ref: liveAliasOf(centre, whatsapp.logicalId) },
    });
    centre.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 'sns:Publish',
            Principal: { Service: 'social-messaging.amazonaws.com' },
          }),
        ]),
      },
    });
  });

  it.each(['MessagingSms', 'MessagingWhatsApp'])(
    '%s holds its capabilities’ table access and no more: no deletes, no scans',
    (name) => {
      const statements = statementsOf(centre, name);
      const dynamodb = serviceActions(statements, 'dynamodb:');
      expect(dynamodb).not.toContain('dynamodb:Scan');
      expect(actionsOn(statements, /DataCallLogs/)).toEqual(['dynamodb:UpdateItem']);
      expect(actionsOn(statements, /DataTickets/)).not.toContain('dynamodb:DeleteItem');
      expect(serviceActions(statements, 'kms:')).toEqual(
        expect.arrayContaining(['kms:GenerateMac']),
      );
      expect([...serviceActions(statements, 'connect:')].sort()).toEqual([
        'connect:StartChatContact',
        'connect:StartContactStreaming',
      ]);
    },
  );

  it('lets only the WhatsApp channel, the agent-chat relay and notification delivery send WhatsApp messages, from our number', () => {
    for (const name of [
      'MessagingWhatsApp',
      'MessagingAgentChatRelay',
      'NotificationDeliveryDeliver',
    ]) {
      const statements = statementsOf(centre, name);
      expect(serviceActions(statements, 'social-messaging:')).toEqual([
        'social-messaging:SendWhatsAppMessage',
      ]);
      expect(
        JSON.stringify(
          statements.find((s) => [s.Action].flat().includes('social-messaging:SendWhatsAppMessage'))
            ?.Resource,
        ),
      ).toContain('phone-number-id/');
    }
    expect(serviceActions(statementsOf(centre, 'MessagingSms'), 'social-messaging:')).toEqual([]);
  });

  it('hands WhatsApp and SMS over on the chat hand-over flow and streams the chat to the relay topic', () => {
    const [topic] = Object.keys(centre.findResources('AWS::SNS::Topic')).filter((id) =>
      id.startsWith('MessagingAgentChatStream'),
    );
    for (const name of ['MessagingSms', 'MessagingWhatsApp']) {
      const fn = functionNamed(centre, name);
      expect(JSON.stringify(fn.properties.Environment.Variables.CONVERSATION_FLOW_ID)).toMatch(
        /Flowschathandover[0-9A-F]{8}","ContactFlowArn/,
      );
      const start = statementsOf(centre, name).find((s) =>
        [s.Action].flat().includes('connect:StartChatContact'),
      );
      expect(JSON.stringify(start?.Resource)).toMatch(
        /Flowschathandover[0-9A-F]{8}","ContactFlowArn/,
      );
      expect(fn.properties.Environment.Variables.AGENT_CHAT_STREAM_TOPIC_ARN).toEqual({
        Ref: topic,
      });
      const streaming = statementsOf(centre, name).find((s) =>
        [s.Action].flat().includes('connect:StartContactStreaming'),
      );
      expect(JSON.stringify(streaming?.Resource)).toMatch(/\/contact\/\*/);
    }
  });

  it('lets only our Connect instance publish to the encrypted streaming topic, which feeds the relay', () => {
    const relay = functionNamed(centre, 'MessagingAgentChatRelay');
    const [topic] = Object.keys(centre.findResources('AWS::SNS::Topic')).filter((id) =>
      id.startsWith('MessagingAgentChatStream'),
    );
    centre.hasResourceProperties('AWS::SNS::Topic', {
      DisplayName: 'Huduma hand-over chats streamed by Amazon Connect',
      KmsMasterKeyId: Match.anyValue(),
    });
    centre.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topic }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 'sns:Publish',
            Principal: { Service: 'connect.amazonaws.com' },
            Condition: {
              StringEquals: { 'aws:SourceAccount': Match.anyValue() },
              ArnEquals: { 'aws:SourceArn': Match.anyValue() },
            },
          }),
        ]),
      },
    });
    centre.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      TopicArn: { Ref: topic },
      Endpoint: { 'Fn::GetAtt': [relay.logicalId, 'Arn'] },
    });
  });

  it('gives the relay its sessions, the SMS gateway and our WhatsApp number, and no Connect or other table', () => {
    const relay = functionNamed(centre, 'MessagingAgentChatRelay');
    const statements = statementsOf(centre, 'MessagingAgentChatRelay');
    expect(serviceActions(statements, 'connect:')).toEqual([]);
    expect(actionsOn(statements, /DataTickets|DataCallLogs/)).toEqual([]);
    expect(serviceActions(statements, 'dynamodb:')).not.toContain('dynamodb:DeleteItem');
    expect(relay.properties.Environment.Variables).toMatchObject({
      SMS_GATEWAY: 'africas-talking',
      WHATSAPP_PHONE_NUMBER_ID: expect.any(String),
      SERVICE_DATA_TABLE_NAME: expect.anything(),
    });
  });
});
