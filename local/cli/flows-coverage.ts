import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFlowDocument } from '#flows/load.ts';
import { FLOWS } from '#flows/manifest.ts';

/**
 * `npm run flows:coverage`: runs the flow tests (test/flows, which also runs the Amazon Connect
 * test cases in test/connect-test-cases), then counts the actions each source visited and lists
 * every action of every flow that neither visited. `--strict` fails when any is left; other
 * arguments go to jest.
 */
const directory = mkdtempSync(join(tmpdir(), 'huduma-flow-coverage-'));
try {
  const jest = spawnSync(
    process.execPath,
    [
      'node_modules/jest/bin/jest.js',
      '--selectProjects',
      'integration',
      // Anything else is for jest, e.g. --testTimeout=60000 on a busy machine.
      ...process.argv.slice(2).filter((arg) => arg !== '--strict'),
      '--',
      'test/flows',
    ],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        FLOW_COVERAGE_DIR: directory,
        NODE_OPTIONS: '--experimental-vm-modules',
      },
    },
  );
  if (jest.status !== 0) process.exit(jest.status ?? 1);

  // flow-tests-<pid>.txt from test/flows, test-cases-<pid>.txt from test/connect-test-cases.
  const visitedBy = (source: string) =>
    new Set(
      readdirSync(directory)
        .filter((file) => file.startsWith(`${source}-`))
        .flatMap((file) => readFileSync(join(directory, file), 'utf8').split('\n').filter(Boolean)),
    );
  const byFlowTests = visitedBy('flow-tests');
  const byTestCases = visitedBy('test-cases');
  const visited = new Set([...byFlowTests, ...byTestCases]);
  let missed = 0;
  let total = 0;
  const counts = { flowTests: 0, testCases: 0 };
  console.log('\nFlow coverage (actions visited by test/flows and by test/connect-test-cases)\n');
  for (const flow of FLOWS) {
    const actions = loadFlowDocument(flow.file).Actions.map(
      (action) => `${flow.id}#${action.Identifier}`,
    );
    const unvisited = actions.filter((id) => !visited.has(id));
    const [flowTests, testCases] = [byFlowTests, byTestCases].map(
      (set) => actions.filter((id) => set.has(id)).length,
    ) as [number, number];
    counts.flowTests += flowTests;
    counts.testCases += testCases;
    total += actions.length;
    missed += unvisited.length;
    const covered = actions.length - unvisited.length;
    console.log(
      `${flow.file.padEnd(28)} ${String(covered).padStart(3)}/${actions.length} actions (flow tests ${flowTests}, test cases ${testCases})`,
    );
    for (const id of unvisited) console.log(`    not visited: ${id.split('#')[1]}`);
  }
  const percent = (n: number) => `${((100 * n) / total).toFixed(1)} %`;
  console.log(
    `\n${total - missed}/${total} actions visited (${percent(total - missed)}); ${missed} not visited.` +
      `\nflow tests: ${counts.flowTests} (${percent(counts.flowTests)}); test cases: ${counts.testCases} (${percent(counts.testCases)})`,
  );
  if (process.argv.includes('--strict') && missed > 0) process.exit(1);
} finally {
  rmSync(directory, { recursive: true, force: true });
}
