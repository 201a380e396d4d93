import { takeDenials } from '#local/iam/guard.ts';
import { recordIamChecks } from './iam-run.ts';

// Every AWS call a handler makes in these tests is checked against its deployed role
// (local/iam). A denial the test did not take (takeDenials) fails the file, even when the
// handler swallowed the AccessDeniedException, as a stream consumer's retry would in AWS.
afterAll(() => {
  const denials = takeDenials();
  recordIamChecks(expect.getState().testPath ?? 'unknown', denials);
  if (denials.length > 0) {
    throw new Error(
      `AWS calls the deployed roles do not allow (grant them in lib/, see docs/local-runtime.md):\n${denials
        .map(({ handler, action, resource }) => `  lambdas/${handler}: ${action} on ${resource}`)
        .join('\n')}`,
    );
  }
});
