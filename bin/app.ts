#!/usr/bin/env node
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { environmentNames, environments } from '#lib/config/environments.ts';
import { addContactCentre } from '#lib/contact-centre-app.ts';

const app = new App();
const envName = app.node.tryGetContext('env') ?? 'dev';
if (!environmentNames.includes(envName)) {
  throw new Error(`Unknown environment "${envName}": use -c env=${environmentNames.join('|')}`);
}
addContactCentre(app, environments[envName as keyof typeof environments]);
// The security gate runs on every synth and deploy, not only in the tests.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
