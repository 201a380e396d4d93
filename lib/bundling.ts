/**
 * How every Lambda is bundled: one minified, tree-shaken ESM file per handler, AWS SDK included
 * so the version is the one in package-lock.json (docs/deploy.md, "Handler bundles": why not the
 * runtime's SDK). CDK's NodejsFunction and the benchmark's bundle measurement both use these
 * settings.
 */
export const LAMBDA_BUNDLING = {
  format: 'esm',
  target: 'node24',
  platform: 'node',
  minify: true,
  /**
   * Stack traces name our files and lines: every function runs with `nodeOptions`. The map
   * leaves the sources out (a trace needs only the mappings): a third of the size, and about
   * half of what the map adds to a cold start (docs/deploy.md, "Handler bundles").
   */
  sourcemap: true,
  sourcesContent: false,
  nodeOptions: '--enable-source-maps',
  mainFields: ['module', 'main'],
  // Some dependencies still call require(); give ESM bundles a require that works.
  banner:
    "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  external: [] as string[],
  /**
   * Modules replaced in every bundle. The SDK clients' default credential chain becomes the
   * environment provider Lambda needs (lambdas/shared/aws/lambda-credentials.ts); the event-stream
   * serde, which none of our clients' operations uses, a module that says so if it is ever called
   * (lambdas/shared/aws/no-event-streams.ts). test/integration/bundled-handler.test.ts runs a
   * bundle built with these against DynamoDB Local.
   */
  alias: {
    '@aws-sdk/credential-provider-node': new URL(
      '../lambdas/shared/aws/lambda-credentials.ts',
      import.meta.url,
    ).pathname,
    '@smithy/core/event-streams': new URL(
      '../lambdas/shared/aws/no-event-streams.ts',
      import.meta.url,
    ).pathname,
  } as Record<string, string>,
} as const;

/** LAMBDA_BUNDLING.alias as CDK's `esbuildArgs` (each becomes `--alias:<module>=<path>`). */
export const aliasArguments = (): Record<string, string[]> => ({
  '--alias': Object.entries(LAMBDA_BUNDLING.alias).map(([module, path]) => `${module}=${path}`),
});

/** Entry file of a Lambda: lambdas/<name>/handler.ts. */
export const lambdaEntry = (name: string): string =>
  new URL(`../lambdas/${name}/handler.ts`, import.meta.url).pathname;
