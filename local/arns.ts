/** Local stand-ins for the ARNs CDK fills into flows. */
export const LOCAL_ACCOUNT = '000000000000';
export const LOCAL_REGION = 'af-south-1';

export const LOCAL_INSTANCE_ARN = `arn:aws:connect:${LOCAL_REGION}:${LOCAL_ACCOUNT}:instance/local`;

export const localArn = {
  lambda: (handler: string) =>
    `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:huduma-${handler}`,
  queue: (id: string) => `${LOCAL_INSTANCE_ARN}/queue/${id}`,
  hours: (id: string) => `${LOCAL_INSTANCE_ARN}/operating-hours/${id}`,
  flow: (id: string) => `${LOCAL_INSTANCE_ARN}/contact-flow/${id}`,
};

/** Where recorded prompts live locally; mirrors the deployed prompts bucket layout. */
export const LOCAL_PROMPT_AUDIO_URI = 's3://huduma-local-prompts/prompts';
