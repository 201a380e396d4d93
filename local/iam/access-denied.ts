/** The SDK package and exception base of each service we call, loaded only for a denial. */
const SERVICE_EXCEPTIONS: Readonly<
  Record<string, () => Promise<new (options: ExceptionOptions) => Error>>
> = {
  dynamodb: async () => (await import('@aws-sdk/client-dynamodb')).DynamoDBServiceException,
  sqs: async () => (await import('@aws-sdk/client-sqs')).SQSServiceException,
  states: async () => (await import('@aws-sdk/client-sfn')).SFNServiceException,
  kms: async () => (await import('@aws-sdk/client-kms')).KMSServiceException,
  connect: async () => (await import('@aws-sdk/client-connect')).ConnectServiceException,
  'sms-voice': async () =>
    (await import('@aws-sdk/client-pinpoint-sms-voice-v2')).PinpointSMSVoiceV2ServiceException,
  ses: async () => (await import('@aws-sdk/client-sesv2')).SESv2ServiceException,
};

interface ExceptionOptions {
  readonly name: string;
  readonly $fault: 'client';
  readonly $metadata: { readonly httpStatusCode: number };
  readonly message: string;
}

/**
 * The error AWS answers a call its caller's policy does not allow with, as the service's SDK
 * raises it: `name` AccessDeniedException, a client fault, HTTP 400, and AWS's message.
 */
export const accessDeniedException = async (service: string, message: string): Promise<Error> => {
  const options: ExceptionOptions = {
    name: 'AccessDeniedException',
    $fault: 'client',
    $metadata: { httpStatusCode: 400 },
    message,
  };
  const base = await SERVICE_EXCEPTIONS[service]?.();
  if (base) return Object.assign(new base(options), { Message: message });
  return Object.assign(new Error(message), options);
};
