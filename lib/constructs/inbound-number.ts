import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ConnectApiCall, connectResourceId, phoneNumberId } from './connect-api-call.ts';

export interface InboundNumberProps {
  readonly instanceId: string;
  /** The claimed number (`…:phone-number/<id>`). */
  readonly phoneNumberArn: string;
  /** The flow callers reach when they dial the number. */
  readonly contactFlowArn: string;
  readonly logRetention: RetentionDays;
}

/**
 * Points the contact centre's number at its main flow. CloudFormation has no property for this
 * association, so it is made with AssociatePhoneNumberContactFlow and undone on delete.
 */
export class InboundNumber extends Construct {
  constructor(scope: Construct, id: string, props: InboundNumberProps) {
    super(scope, id);
    const PhoneNumberId = phoneNumberId(props.phoneNumberArn);
    new ConnectApiCall(this, 'FlowAssociation', {
      onCreate: {
        action: 'AssociatePhoneNumberContactFlow',
        parameters: {
          PhoneNumberId,
          InstanceId: props.instanceId,
          ContactFlowId: connectResourceId(props.contactFlowArn),
        },
      },
      onDelete: {
        action: 'DisassociatePhoneNumberContactFlow',
        parameters: { PhoneNumberId, InstanceId: props.instanceId },
      },
      physicalResourceId: 'inbound-number-flow',
      permissions: {
        actions: [
          'connect:AssociatePhoneNumberContactFlow',
          'connect:DisassociatePhoneNumberContactFlow',
        ],
        resources: [props.phoneNumberArn, props.contactFlowArn],
      },
      logRetention: props.logRetention,
    });
  }
}
