import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ConnectClient, CreateTestCaseCommand } from '@aws-sdk/client-connect';
import { PLACEHOLDER } from '#flows/language/placeholders.ts';
import { parseTestCase } from './testing-language.ts';

/**
 * Creates each test case file on an Amazon Connect instance (CreateTestCase), so the files
 * `npm test` runs locally run in the cloud too. `${Name}` placeholders are filled with the
 * deployed ARNs in `arns`; the contact enters the flow `arns[flowPlaceholder]` by voice.
 * Needs AWS credentials with connect:CreateTestCase; not run in CI.
 */
export const publishTestCases = async ({
  instanceId,
  arns,
  flowPlaceholder,
  files,
  client = new ConnectClient({}),
}: {
  readonly instanceId: string;
  readonly arns: Readonly<Record<string, string>>;
  readonly flowPlaceholder: string;
  readonly files: readonly string[];
  readonly client?: Pick<ConnectClient, 'send'>;
}): Promise<void> => {
  const fill = (text: string) =>
    text.replace(PLACEHOLDER, (token) => {
      const arn = arns[token.slice(2, -1)];
      if (!arn) throw new Error(`No ARN for ${token} in --arns`);
      return arn;
    });
  const flowId = arns[flowPlaceholder];
  if (!flowId) throw new Error(`No ARN for the entry flow ${flowPlaceholder} in --arns`);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    parseTestCase(text);
    const { TestCaseArn } = await client.send(
      new CreateTestCaseCommand({
        InstanceId: instanceId,
        Name: basename(file, '.json'),
        Content: fill(text),
        EntryPoint: { Type: 'VOICE_CALL', VoiceCallEntryPointParameters: { FlowId: flowId } },
        Status: 'PUBLISHED',
      }),
    );
    console.log(`published ${file}: ${TestCaseArn}`);
  }
};
