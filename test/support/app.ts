import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { type EnvironmentConfig, environments } from '../../lib/config/environments.ts';
import { addContactCentre } from '../../lib/contact-centre-app.ts';

/** The whole CDK app for one environment, built as bin/app.ts builds it. */
export const buildApp = (
  name: EnvironmentConfig['name'] = 'prod',
  overrides: Partial<EnvironmentConfig> = {},
) => {
  const app = new App({ context: { '@aws-cdk/core:defaultCrossStackReferences': 'strong' } });
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
