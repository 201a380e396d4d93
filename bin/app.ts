#!/usr/bin/env node
import { App, Tags } from 'aws-cdk-lib';
import { environmentNames, environments } from '../lib/config/environments.ts';
import { ContactCentreStack } from '../lib/stacks/contact-centre-stack.ts';
import { DataStack } from '../lib/stacks/data-stack.ts';

const app = new App();
const envName = app.node.tryGetContext('env') ?? 'dev';
if (!environmentNames.includes(envName)) {
  throw new Error(`Unknown environment "${envName}": use -c env=${environmentNames.join('|')}`);
}
const config = environments[envName as keyof typeof environments];
const env = { account: config.account, region: config.region };
const prefix = `Huduma-${config.name}`;

const data = new DataStack(app, `${prefix}-Data`, { env, config });
new ContactCentreStack(app, `${prefix}-ContactCentre`, {
  env,
  config,
  tables: {
    serviceData: data.data.tables.ServiceData,
    tickets: data.data.tables.Tickets,
    callLogs: data.data.tables.CallLogs,
  },
  accessLogsBucket: data.accessLogsBucket,
});
Tags.of(app).add('project', 'huduma-contact-centre');
Tags.of(app).add('environment', config.name);
