import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Denial, iamChecks } from '#local/iam/guard.ts';
import { loadPolicyModel, POLICY_CACHE_DIR } from '#local/iam/policies.ts';

/** Where each test file of this run appends what its handlers' AWS calls were checked for. */
const STATS_FILE_VARIABLE = 'HUDUMA_IAM_RUN_STATS';

interface FileChecks {
  readonly file: string;
  readonly calls: number;
  readonly requests: number;
  readonly denials: readonly Denial[];
}

/** Global setup: synthesizes (or reads) the policies once, before the workers start. */
export const startIamRun = (): void => {
  const started = Date.now();
  loadPolicyModel();
  const file = join(POLICY_CACHE_DIR, `run-${process.pid}.jsonl`);
  rmSync(file, { force: true });
  // Workers inherit the environment the global setup leaves.
  process.env[STATS_FILE_VARIABLE] = file;
  if (Date.now() - started > 2000) {
    console.log(`IAM parity: policies synthesized in ${Date.now() - started} ms (now cached)`);
  }
};

/** After each test file: its counts, for the run's summary. */
export const recordIamChecks = (file: string, denials: readonly Denial[]): void => {
  const target = process.env[STATS_FILE_VARIABLE];
  if (!target) return;
  const line: FileChecks = { file, calls: iamChecks.calls, requests: iamChecks.requests, denials };
  appendFileSync(target, `${JSON.stringify(line)}\n`);
};

/** Global teardown: one line with the whole run's figures, and every denial. */
export const reportIamRun = (): void => {
  const file = process.env[STATS_FILE_VARIABLE];
  if (!file || !existsSync(file)) return;
  const files = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as FileChecks);
  rmSync(file, { force: true });
  const calls = files.reduce((sum, { calls }) => sum + calls, 0);
  const requests = files.reduce((sum, { requests }) => sum + requests, 0);
  const denials = files.flatMap(({ denials }) => denials);
  console.log(
    `\nIAM parity: ${calls} AWS calls (${requests} IAM requests) in ${files.length} test files checked against the synthesized policies; ${denials.length} not allowed`,
  );
  for (const { handler, action, resource } of denials) {
    console.log(`  lambdas/${handler}: ${action} on ${resource}`);
  }
};
