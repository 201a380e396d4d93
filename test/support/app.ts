import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { type EnvironmentConfig, environments } from '../../lib/config/environments.ts';
import { ContactCentreStack } from '../../lib/stacks/contact-centre-stack.ts';
import { DataStack } from '../../lib/stacks/data-stack.ts';

/**
 * The whole CDK app for one environment, built as bin/app.ts builds it. `bundle: false` skips
 * esbuild for tests that only assert resources and grants.
 */
export const buildApp = (
  name: EnvironmentConfig['name'] = 'prod',
  { bundle = true }: { readonly bundle?: boolean } = {},
) => {
  const app = new App({
    context: {
      '@aws-cdk/core:defaultCrossStackReferences': 'strong',
      ...(!bundle && { 'aws:cdk:bundling-stacks': [] }),
    },
  });
  const config = environments[name];
  const env = { region: config.region };
  const data = new DataStack(app, `Huduma-${name}-Data`, { env, config });
  const contactCentre = new ContactCentreStack(app, `Huduma-${name}-ContactCentre`, {
    env,
    config,
    tables: {
      serviceData: data.data.tables.ServiceData,
      tickets: data.data.tables.Tickets,
      callLogs: data.data.tables.CallLogs,
    },
    accessLogsBucket: data.accessLogsBucket,
  });
  const stacks: Stack[] = [data, contactCentre];
  return {
    app,
    data,
    contactCentre,
    stacks,
    template: (stack: Stack) => Template.fromStack(stack),
  };
};
