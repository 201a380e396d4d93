import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

/** The citizens' chat page: index.html, styles.css and src/main.ts (with amazon-connect-chatjs). */
export const CHAT_PAGE_DIR = fileURLToPath(new URL('../chat-page', import.meta.url));

/**
 * The deployable chat page in memory, by file name: src/main.ts bundled to app.js (and its
 * source map) plus the static files. CDK writes it to the asset folder; the local server
 * serves it at /chat/. No CDK import here, so the local server loads only esbuild.
 */
export const chatPageFiles = (): Map<string, Uint8Array> => {
  const { outputFiles } = buildSync({
    entryPoints: [join(CHAT_PAGE_DIR, 'src', 'main.ts')],
    outfile: 'app.js',
    write: false,
    bundle: true,
    minify: true,
    sourcemap: true,
    format: 'iife',
    target: 'es2022',
    platform: 'browser',
    logLevel: 'warning',
    absWorkingDir: CHAT_PAGE_DIR,
  });
  const files = new Map<string, Uint8Array>();
  for (const file of outputFiles)
    files.set(file.path.split(/[\\/]/).at(-1) ?? file.path, file.contents);
  for (const file of readdirSync(CHAT_PAGE_DIR))
    if (/\.(html|css|svg|ico)$/.test(file))
      files.set(file, readFileSync(join(CHAT_PAGE_DIR, file)));
  return files;
};

/** Writes the deployable page to a folder (CDK's local bundling). */
export const bundleChatPage = (outputDir: string): void => {
  mkdirSync(outputDir, { recursive: true });
  for (const [name, contents] of chatPageFiles()) writeFileSync(join(outputDir, name), contents);
};
