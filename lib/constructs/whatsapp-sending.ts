import { Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';

/** Sending WhatsApp messages from our business number (End User Messaging Social), nothing else. */
export const sendWhatsAppFrom = (scope: Construct, phoneNumberId: string): PolicyStatement =>
  new PolicyStatement({
    actions: ['social-messaging:SendWhatsAppMessage'],
    resources: [
      Stack.of(scope).formatArn({
        service: 'social-messaging',
        resource: 'phone-number-id',
        resourceName: phoneNumberId.replace(/^phone-number-id-/, ''),
      }),
    ],
  });
