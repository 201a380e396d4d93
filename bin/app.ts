#!/usr/bin/env node
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import {
  environmentNames,
  environments,
  OPERATING_HOURS,
  type OperatingHours,
  parseEnvironmentConfig,
  withOperatingHours,
} from '#lib/config/environments.ts';
import { addContactCentre } from '#lib/contact-centre-app.ts';

const app = new App();
const envName = app.node.tryGetContext('env') ?? 'dev';
if (!environmentNames.includes(envName)) {
  throw new Error(`Unknown environment "${envName}": use -c env=${environmentNames.join('|')}`);
}
let config = environments[envName as keyof typeof environments];
// `-c hours=24h` (or 12h) runs the environment for that many hours with the roster that covers them.
const hours = app.node.tryGetContext('hours');
if (hours !== undefined) {
  const mode = `${String(hours).replace(/\s*h$/, '')} h` as OperatingHours;
  if (!(mode in OPERATING_HOURS)) throw new Error(`Unknown hours "${hours}": use -c hours=12h|24h`);
  config = withOperatingHours(config, mode);
}
// `-c quickSightPrincipalArn=<arn>` shares the analytics dashboard with that QuickSight user or group.
const quickSightPrincipalArn = app.node.tryGetContext('quickSightPrincipalArn');
if (quickSightPrincipalArn !== undefined) {
  config = parseEnvironmentConfig({ ...config, quickSightPrincipalArn });
}
addContactCentre(app, config);
// The security gate runs on every synth and deploy, not only in the tests.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
