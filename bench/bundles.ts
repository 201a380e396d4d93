import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { LAMBDA_BUNDLING, lambdaEntry } from '#lib/bundling.ts';
import { percentile } from './stats.ts';

export interface BundleFigures {
  readonly handler: string;
  readonly bytes: number;
  readonly coldLoadP50Ms: number;
}

/** Every handler folder: lambdas/<name>/handler.ts. */
export const handlerNames = (): string[] =>
  readdirSync(new URL('../lambdas/', import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'shared')
    .map((entry) => entry.name)
    .sort();

/**
 * Bundles each handler exactly as CDK does and measures the file size and the time a fresh
 * Node.js process takes to load it (the module part of a Lambda cold start).
 */
export const measureBundles = async (
  environment: Record<string, string>,
  loads = 7,
): Promise<BundleFigures[]> => {
  const directory = mkdtempSync(join(tmpdir(), 'huduma-bundles-'));
  try {
    const figures: BundleFigures[] = [];
    for (const handler of handlerNames()) {
      const outfile = join(directory, handler, 'index.mjs');
      await build({
        entryPoints: [lambdaEntry(handler)],
        bundle: true,
        outfile,
        format: LAMBDA_BUNDLING.format,
        target: LAMBDA_BUNDLING.target,
        platform: LAMBDA_BUNDLING.platform,
        minify: LAMBDA_BUNDLING.minify,
        mainFields: [...LAMBDA_BUNDLING.mainFields],
        banner: { js: LAMBDA_BUNDLING.banner },
        external: [...LAMBDA_BUNDLING.external],
        logLevel: 'error',
      });
      const script = `const t = performance.now(); await import(${JSON.stringify(outfile)}); console.log(performance.now() - t);`;
      const samples = Array.from({ length: loads }, () => {
        const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
          env: { ...process.env, ...environment },
          encoding: 'utf8',
        });
        if (child.status !== 0)
          throw new Error(`Loading the ${handler} bundle failed: ${child.stderr}`);
        return Number(child.stdout.trim());
      });
      figures.push({
        handler,
        bytes: statSync(outfile).size,
        coldLoadP50Ms: percentile(samples, 50),
      });
    }
    return figures;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
};
