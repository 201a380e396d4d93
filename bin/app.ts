#!/usr/bin/env node
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { environmentFromContext } from '#lib/config/context.ts';
import { addContactCentre } from '#lib/contact-centre-app.ts';

const app = new App();
// -c env=dev|prod, -c hours=12h|24h, -c quickSightPrincipalArn=<arn> (lib/config/context.ts).
addContactCentre(app, environmentFromContext(app.node));
// The security gate runs on every synth and deploy, not only in the tests.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
