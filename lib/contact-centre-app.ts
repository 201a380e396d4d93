import type { App, Stack } from 'aws-cdk-lib';
import { Tags } from 'aws-cdk-lib';
import type { EnvironmentConfig } from './config/environments.ts';
import { ContactCentreStack } from './stacks/contact-centre-stack.ts';
import { DataStack } from './stacks/data-stack.ts';

/** Adds one environment of the contact centre to an app: the stateful stack, then the stateless one. */
export const addContactCentre = (app: App, config: EnvironmentConfig) => {
  const env = { account: config.account, region: config.region };
  // Compact templates: indented, the ContactCentre template passed CloudFormation's 1,000,000-byte
  // limit (its flows, alarms and policies); compact, it is about 80 % of it.
  const template = { suppressTemplateIndentation: true };
  const prefix = `Huduma-${config.name}`;
  const data = new DataStack(app, `${prefix}-Data`, {
    env,
    ...template,
    config,
    description:
      'Huduma Contact Centre: stateful resources (tables, Connect instance, keys, buckets)',
  });
  const contactCentre = new ContactCentreStack(app, `${prefix}-ContactCentre`, {
    env,
    ...template,
    config,
    description: 'Huduma Contact Centre: routing, flows, Lambdas, contact records, agent desktop',
    tables: {
      serviceData: data.data.tables.ServiceData,
      tickets: data.data.tables.Tickets,
      callLogs: data.data.tables.CallLogs,
    },
    identityHashKey: data.data.identityHashKey,
    accessLogsBucket: data.accessLogsBucket,
    connect: data.connect,
    promptAudioUri: data.prompts.audioUri,
  });
  const stacks: Stack[] = [data, contactCentre];
  for (const stack of stacks) {
    contactCentre.alerts.alarmEveryFunction(stack);
    Tags.of(stack).add('project', 'huduma-contact-centre');
    Tags.of(stack).add('environment', config.name);
  }
  return { data, contactCentre, stacks };
};
