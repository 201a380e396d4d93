import { readdirSync, readFileSync } from 'node:fs';
import { flowPlaceholder } from '#flows/manifest.ts';
import { runTestCase } from '#local/connect-tests/runner.ts';
import { parseTestCase } from '#local/connect-tests/testing-language.ts';
import { freshCaller, OPEN, recordCoverage, resources } from '../support/contact-centre.ts';

/** Our Amazon Connect test cases (test/connect-test-cases/), as `npm run flows:test` runs them. */
const directory = new URL('../connect-test-cases/', import.meta.url);
const files = readdirSync(directory).filter((file) => file.endsWith('.json'));

describe('Amazon Connect test cases run locally', () => {
  it('has test cases to run', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it.each(files)(
    'passes %s',
    async (file) => {
      const result = await runTestCase(
        parseTestCase(readFileSync(new URL(file, directory), 'utf8')),
        {
          name: file,
          resources,
          flowArn: `\${${flowPlaceholder('main')}}`,
          contact: { customerNumber: freshCaller(), startAt: new Date(OPEN) },
        },
      );
      recordCoverage(result.visited, 'test-cases');

      expect(result.failures).toEqual([]);
      expect(result.passed).toBe(true);
    },
    30_000,
  );
});
