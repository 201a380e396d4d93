import { randomInt } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { flowPlaceholder } from '#flows/manifest.ts';
import { runTestCase, type TestCaseResult } from '#local/connect-tests/runner.ts';
import { InvalidTestCaseError, parseTestCase } from '#local/connect-tests/testing-language.ts';
import { commandLine } from './arguments.ts';

const USAGE = `Runs Amazon Connect test cases (Testing language 2025-06-21) against our flows, locally.

  npm run -s flows:test -- [--flow <flow id>] [--at <ISO time>] <file…>
  npm run -s flows:test -- --publish --instance <instance id> --arns <placeholder→ARN JSON> [--flow <flow id>] <file…>

  --flow      the flow each contact enters (default: main)
  --at        when the contacts start (default: a weekday at 10:00 in Nairobi)
  --publish   create each file as a test case on an Amazon Connect instance (CreateTestCase),
              its \${Placeholder} ARNs filled from --arns (e.g. the stacks' outputs)
  FLOW_COVERAGE_DIR=<dir> also writes the actions visited there (npm run flows:coverage)`;

const { values, positionals: files } = commandLine(USAGE, {
  allowPositionals: true,
  options: {
    flow: { type: 'string', default: 'main' },
    at: { type: 'string', default: '2026-12-01T10:00:00+03:00' },
    publish: { type: 'boolean', default: false },
    instance: { type: 'string' },
    arns: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help || files.length === 0) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}

if (values.publish) {
  if (!values.instance || !values.arns) {
    console.error('--publish needs --instance and --arns');
    process.exit(2);
  }
  const { publishTestCases } = await import('#local/connect-tests/publish.ts');
  await publishTestCases({
    instanceId: values.instance,
    arns: JSON.parse(readFileSync(values.arns, 'utf8')) as Record<string, string>,
    flowPlaceholder: flowPlaceholder(values.flow),
    files,
  });
  process.exit(0);
}

const { startLocalRuntime } = await import('#local/runtime.ts');
// The handlers' own logs would bury the results.
const runtime = await startLocalRuntime({ logLevel: 'SILENT' });
const results: TestCaseResult[] = [];
try {
  for (const file of files) {
    const name = basename(file, '.json');
    let result: TestCaseResult;
    try {
      result = await runTestCase(parseTestCase(readFileSync(file, 'utf8')), {
        name,
        resources: runtime.engine.resources,
        flowArn: `\${${flowPlaceholder(values.flow)}}`,
        // A number of its own: bookings, complaints and failed proofs are kept per caller.
        contact: {
          customerNumber: `+2547${String(randomInt(10_000_000, 99_999_999))}`,
          startAt: new Date(values.at),
        },
      });
    } catch (error) {
      if (!(error instanceof InvalidTestCaseError) && !(error as NodeJS.ErrnoException).code)
        throw error;
      result = {
        name,
        passed: false,
        failures: [(error as Error).message],
        logs: [],
        observed: [],
        visited: [],
      };
    }
    results.push(result);
    console.log(`${result.passed ? 'PASS' : 'FAIL'}  ${name}`);
    for (const line of result.logs) console.log(`      log  ${line}`);
    for (const failure of result.failures) console.log(`      ✕  ${failure}`);
    const coverage = process.env.FLOW_COVERAGE_DIR;
    if (coverage && result.visited.length > 0) {
      mkdirSync(coverage, { recursive: true });
      appendFileSync(`${coverage}/test-cases-${process.pid}.txt`, `${result.visited.join('\n')}\n`);
    }
  }
} finally {
  await runtime.stop();
}
const failed = results.filter((result) => !result.passed).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
