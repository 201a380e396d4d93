import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type AppProps, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { type EnvironmentConfig, environments } from '#lib/config/environments.ts';
import { addContactCentre } from '#lib/contact-centre-app.ts';

const outputFolders: string[] = [];

/**
 * A CDK app whose cloud assembly goes to a folder that `removeTestApps` deletes after each infra
 * test file. An app without an `outdir` synthesizes into a new `cdk.out*` in the system's
 * temporary folder that nothing removes: up to 50 MB each with the bundled assets.
 */
export const testApp = (props: AppProps = {}): App => {
  const outdir = mkdtempSync(join(tmpdir(), 'huduma-cdk-test-'));
  outputFolders.push(outdir);
  return new App({ ...props, outdir });
};

/** Deletes the folders of the apps `testApp` made in this test file. */
export const removeTestApps = (): void => {
  for (const folder of outputFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
};

export interface BuildOptions {
  /** Bundle the Lambdas and the agent desktop; off for tests that only read templates. @default true */
  readonly bundle?: boolean;
}

/** The whole CDK app for one environment, built as bin/app.ts builds it, with optional config overrides. */
export const buildApp = (
  name: EnvironmentConfig['name'] = 'prod',
  overrides: Partial<EnvironmentConfig> = {},
  options: BuildOptions = {},
) => {
  const app = testApp({
    context: {
      '@aws-cdk/core:defaultCrossStackReferences': 'strong',
      ...(options.bundle === false && { 'aws:cdk:bundling-stacks': [] }),
    },
  });
  const { data, contactCentre, stacks } = addContactCentre(app, {
    ...environments[name],
    ...overrides,
  });
  return {
    app,
    data,
    contactCentre,
    stacks,
    template: (stack: Stack) => Template.fromStack(stack),
  };
};
