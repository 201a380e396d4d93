import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { LAMBDA_BUNDLING, lambdaEntry } from '#lib/bundling.ts';
import { percentile } from './stats.ts';

/** The goals for a handler bundle (docs/deploy.md, "Handler bundles"). */
export const BUNDLE_GOALS = { bytes: 300 * 1024, coldLoadMs: 50 } as const;

export interface BundleFigures {
  readonly handler: string;
  readonly bytes: number;
  /** The bundle gzipped: about what the deployment package's zip holds. */
  readonly gzipBytes: number;
  /** Its source map (no sources), which Node.js reads as it loads the bundle. */
  readonly mapBytes: number;
  readonly coldLoadP50Ms: number;
  /** What each package (or our own folder) adds to the bundle, largest first. */
  readonly contributions: readonly { readonly source: string; readonly bytes: number }[];
}

/** Every handler folder: lambdas/<name>/handler.ts (a capability without a handler yet is skipped). */
export const handlerNames = (): string[] =>
  readdirSync(new URL('../lambdas/', import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(lambdaEntry(entry.name)))
    .map((entry) => entry.name)
    .sort();

/** node_modules/<package> (scoped or not), or our own top folder (lambdas/shared, prompts, data). */
const sourceOf = (input: string): string => {
  const dependency = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (dependency) return dependency[1]!;
  const [top, second] = input.split('/');
  return top === 'lambdas' ? `lambdas/${second}` : top!;
};

/** Bytes each source contributes to the one output of a metafile. */
export const contributionsOf = (metafile: Metafile): BundleFigures['contributions'] => {
  const bySource = new Map<string, number>();
  for (const output of Object.values(metafile.outputs))
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs))
      bySource.set(sourceOf(input), (bySource.get(sourceOf(input)) ?? 0) + bytesInOutput);
  return [...bySource]
    .map(([source, bytes]) => ({ source, bytes }))
    .sort((a, b) => b.bytes - a.bytes);
};

/** Bundles one handler exactly as CDK does (lib/bundling.ts), into `outfile`. */
export const bundleHandler = async (handler: string, outfile: string) => {
  const result = await build({
    entryPoints: [lambdaEntry(handler)],
    bundle: true,
    outfile,
    format: LAMBDA_BUNDLING.format,
    target: LAMBDA_BUNDLING.target,
    platform: LAMBDA_BUNDLING.platform,
    minify: LAMBDA_BUNDLING.minify,
    sourcemap: LAMBDA_BUNDLING.sourcemap,
    sourcesContent: LAMBDA_BUNDLING.sourcesContent,
    mainFields: [...LAMBDA_BUNDLING.mainFields],
    banner: { js: LAMBDA_BUNDLING.banner },
    external: [...LAMBDA_BUNDLING.external],
    alias: LAMBDA_BUNDLING.alias,
    metafile: true,
    logLevel: 'error',
  });
  return { bytes: statSync(outfile).size, metafile: result.metafile };
};

/**
 * Bundles each handler exactly as CDK does and measures the file size, what each dependency
 * adds (esbuild's metafile), and the time a fresh Node.js process takes to load it (the module
 * part of a Lambda cold start, its source map read as the deployed options make Node.js read
 * it), as the median of `loads` fresh processes.
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
      const { bytes, metafile } = await bundleHandler(handler, outfile);
      const script = `const t = performance.now(); await import(${JSON.stringify(outfile)}); console.log(performance.now() - t);`;
      const samples = Array.from({ length: loads }, () => {
        const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
          // As Lambda starts it: the functions' Node.js options (source maps) included.
          env: { ...process.env, ...environment, NODE_OPTIONS: LAMBDA_BUNDLING.nodeOptions },
          encoding: 'utf8',
        });
        if (child.status !== 0)
          throw new Error(`Loading the ${handler} bundle failed: ${child.stderr}`);
        return Number(child.stdout.trim());
      });
      figures.push({
        handler,
        bytes,
        gzipBytes: gzipSync(readFileSync(outfile)).length,
        mapBytes: statSync(`${outfile}.map`).size,
        coldLoadP50Ms: percentile(samples, 50),
        contributions: contributionsOf(metafile),
      });
    }
    return figures;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
};
