import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFlowDocument } from '../../contact-flows/load.ts';
import { FLOWS } from '../../contact-flows/manifest.ts';

/**
 * `npm run flows:coverage`: runs the flow tests, then lists every action of every flow that
 * no test visited. `--strict` fails when any is left.
 */
const directory = mkdtempSync(join(tmpdir(), 'huduma-flow-coverage-'));
try {
  const jest = spawnSync(
    process.execPath,
    ['node_modules/jest/bin/jest.js', '--selectProjects', 'integration', '--', 'test/flows'],
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

  const visited = new Set(
    readdirSync(directory).flatMap((file) =>
      readFileSync(join(directory, file), 'utf8').split('\n').filter(Boolean),
    ),
  );
  let missed = 0;
  let total = 0;
  console.log('\nFlow coverage (actions visited by test/flows)\n');
  for (const flow of FLOWS) {
    const actions = loadFlowDocument(flow.file).Actions.map((action) => action.Identifier);
    const unvisited = actions.filter((id) => !visited.has(`${flow.id}#${id}`));
    total += actions.length;
    missed += unvisited.length;
    const covered = actions.length - unvisited.length;
    console.log(`${flow.file.padEnd(28)} ${String(covered).padStart(3)}/${actions.length} actions`);
    for (const id of unvisited) console.log(`    not visited: ${id}`);
  }
  console.log(`\n${total - missed}/${total} actions visited; ${missed} not visited.`);
  if (process.argv.includes('--strict') && missed > 0) process.exit(1);
} finally {
  rmSync(directory, { recursive: true, force: true });
}
