import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

/**
 * A browser page in memory, by file name: `<dir>/src/main.ts` bundled to app.js (and its source
 * map) plus the static files beside it. CDK writes it to an asset folder; the local server
 * serves it. No CDK import here, so the local server loads only esbuild.
 */
export const pageFiles = (dir: string): Map<string, Uint8Array> => {
  const { outputFiles } = buildSync({
    entryPoints: [join(dir, 'src', 'main.ts')],
    outfile: 'app.js',
    write: false,
    bundle: true,
    minify: true,
    sourcemap: true,
    format: 'iife',
    target: 'es2022',
    platform: 'browser',
    logLevel: 'warning',
    absWorkingDir: dir,
  });
  const files = new Map<string, Uint8Array>();
  for (const file of outputFiles)
    files.set(file.path.split(/[\\/]/).at(-1) ?? file.path, file.contents);
  for (const file of readdirSync(dir))
    if (/\.(html|css|svg|ico)$/.test(file)) files.set(file, readFileSync(join(dir, file)));
  return files;
};

/** Writes a page to a folder (CDK's local bundling). */
export const bundlePage = (dir: string, outputDir: string): void => {
  mkdirSync(outputDir, { recursive: true });
  for (const [name, contents] of pageFiles(dir)) writeFileSync(join(outputDir, name), contents);
};
