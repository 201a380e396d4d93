import { defineCapability, outcomes, TICKETING } from '#shared/capability.ts';
import { PensionsEnvironmentSchema } from './config.ts';
import { PensionInfoParametersSchema } from './pension-info.ts';
import {
  ClaimStatusParametersSchema,
  LastPaymentParametersSchema,
  LifeCertificateParametersSchema,
} from './pensioner-status.ts';
import { RequestPensionServiceParametersSchema } from './request-pension-service.ts';
import { VerifyPensionerParametersSchema } from './verify-pensioner.ts';

export const pensionsCapability = defineCapability({
  name: 'pensions',
  handler: 'pensions',
  constructId: 'Pensions',
  description: 'Pension information, and status and service requests for verified pensioners',
  placeholder: 'PensionsFunctionArn',
  operations: {
    info: {
      input: PensionInfoParametersSchema,
      output: outcomes('INFO', 'INVALID_INPUT'),
      sample: { operation: 'info', typeKey: '1', topicKey: '3' },
    },
    verify: {
      input: VerifyPensionerParametersSchema,
      output: outcomes('VERIFIED', 'VERIFICATION_FAILED', 'LOCKED_OUT', 'INVALID_INPUT'),
      sample: { operation: 'verify', pensionNumber: '0000368915', idNumber: '22334455' },
    },
    'claim-status': {
      input: ClaimStatusParametersSchema,
      output: outcomes('FOUND', 'NOT_VERIFIED'),
    },
    'last-payment': {
      input: LastPaymentParametersSchema,
      output: outcomes('FOUND', 'NOT_VERIFIED'),
    },
    'life-certificate': {
      input: LifeCertificateParametersSchema,
      output: outcomes('FOUND', 'NOT_VERIFIED'),
    },
    request: {
      input: RequestPensionServiceParametersSchema,
      output: outcomes('CREATED', 'NOT_VERIFIED'),
    },
  },
  ...TICKETING,
  screenPop: {
    label: 'Pensions',
    details: { requestType: 'Pension request', requestReference: 'Pension request reference' },
  },
  environment: PensionsEnvironmentSchema,
  menuKey: '3',
  proofScopes: ['pension'],
});
