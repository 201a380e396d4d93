import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

/** The agent desktop's sources: index.html, styles.css and src/main.ts. */
export const AGENT_DESKTOP_DIR = fileURLToPath(new URL('../agent-desktop', import.meta.url));

/**
 * The deployable desktop in memory, by file name: src/main.ts bundled to app.js (and its source
 * map) plus the static files. CDK writes it to the asset folder; the local server serves it.
 * No CDK import here, so the local server loads only esbuild.
 */
export const agentDesktopFiles = (): Map<string, Uint8Array> => {
  const { outputFiles } = buildSync({
    entryPoints: [join(AGENT_DESKTOP_DIR, 'src', 'main.ts')],
    outfile: 'app.js',
    write: false,
    bundle: true,
    minify: true,
    sourcemap: true,
    format: 'iife',
    target: 'es2022',
    platform: 'browser',
    logLevel: 'warning',
    absWorkingDir: AGENT_DESKTOP_DIR,
  });
  const files = new Map<string, Uint8Array>();
  for (const file of outputFiles)
    files.set(file.path.split(/[\\/]/).at(-1) ?? file.path, file.contents);
  for (const file of readdirSync(AGENT_DESKTOP_DIR))
    if (/\.(html|css|svg|ico)$/.test(file))
      files.set(file, readFileSync(join(AGENT_DESKTOP_DIR, file)));
  return files;
};

/** Writes the deployable desktop to a folder (CDK's local bundling). */
export const bundleAgentDesktop = (outputDir: string): void => {
  mkdirSync(outputDir, { recursive: true });
  for (const [name, contents] of agentDesktopFiles())
    writeFileSync(join(outputDir, name), contents);
};
