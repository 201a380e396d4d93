/**
 * How every Lambda is bundled: one minified ESM file per handler, AWS SDK included so the
 * version is the one in package-lock.json. CDK's NodejsFunction and the benchmark's bundle
 * measurement both use these settings.
 */
export const LAMBDA_BUNDLING = {
  format: 'esm',
  target: 'node24',
  platform: 'node',
  minify: true,
  sourcemap: true,
  mainFields: ['module', 'main'],
  // Some dependencies still call require(); give ESM bundles a require that works.
  banner:
    "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  external: [] as string[],
} as const;

/** Entry file of a Lambda: lambdas/<name>/handler.ts. */
export const lambdaEntry = (name: string): string =>
  new URL(`../lambdas/${name}/handler.ts`, import.meta.url).pathname;
