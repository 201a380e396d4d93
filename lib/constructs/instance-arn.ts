import { Stack } from 'aws-cdk-lib';
import type { CfnInstance } from 'aws-cdk-lib/aws-connect';
import type { Construct } from 'constructs';

/**
 * The Connect instance's ARN as `scope`'s stack names it, and as cdk-nag's findings spell it.
 * The instance lives in the stateful stack: its ARN is imported through the export CDK would
 * create anyway, so an acknowledgement of a `<instance>/contact/*` grant names it exactly.
 */
export const instanceArnIn = (scope: Construct, instance: CfnInstance) => {
  const owner = Stack.of(instance);
  const instanceArn =
    owner === Stack.of(scope) ? instance.attrArn : owner.exportValue(instance.attrArn);
  const resolved = Stack.of(scope).resolve(instanceArn) as {
    'Fn::ImportValue'?: string;
    'Fn::GetAtt'?: [string, string];
  };
  return {
    instanceArn,
    inFindings: resolved['Fn::ImportValue'] ?? `<${resolved['Fn::GetAtt']?.[0]}.Arn>`,
  };
};
