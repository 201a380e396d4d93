import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { type EnvironmentConfig, environments } from '#lib/config/environments.ts';
import { addContactCentre } from '#lib/contact-centre-app.ts';

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
  const app = new App({
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
