import { Match } from 'aws-cdk-lib/assertions';
import { buildApp } from '../support/app.ts';
import { actionsOn, functionNamed, serviceActions, statementsOf } from '../support/grants.ts';

const { contactCentre, template } = buildApp('prod', {}, { bundle: false });
const centre = template(contactCentre);

describe('messaging channels', () => {
  it("routes Africa's Talking's inbound SMS callback to the SMS channel, without a JWT", () => {
    const sms = functionNamed(centre, 'MessagingSms');
    centre.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'POST /channels/sms',
      AuthorizationType: 'NONE',
      Target: Match.anyValue(),
    });
    centre.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: { 'Fn::GetAtt': [sms.logicalId, 'Arn'] },
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

  it('subscribes the WhatsApp channel to the encrypted event destination topic End User Messaging Social publishes to', () => {
    const whatsapp = functionNamed(centre, 'MessagingWhatsApp');
    const [topic] = Object.entries(centre.findResources('AWS::SNS::Topic')).find(([id]) =>
      id.startsWith('MessagingWhatsAppEvents'),
    )!;
    centre.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    centre.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      TopicArn: { Ref: topic },
      Endpoint: { 'Fn::GetAtt': [whatsapp.logicalId, 'Arn'] },
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
      expect(serviceActions(statements, 'connect:')).toEqual(['connect:StartChatContact']);
    },
  );

  it('lets only the WhatsApp channel and notification delivery send WhatsApp messages, from our number', () => {
    for (const name of ['MessagingWhatsApp', 'NotificationDeliveryDeliver']) {
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
});
