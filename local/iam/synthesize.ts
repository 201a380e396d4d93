/**
 * Synthesizes the CDK app (the dev environment, with cdk.json's context, without bundling) and
 * writes the policy model to the file named on the command line. Run as a child process by
 * local/iam/policies.ts when the cached model is missing or stale.
 */
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { environments } from '#lib/config/environments.ts';
import { addContactCentre } from '#lib/contact-centre-app.ts';
import { LOCAL_ACCOUNT, LOCAL_REGION } from '#local/arns.ts';
import { buildPolicyModel } from './template-model.ts';

/** The environment the local runtime mirrors (its hours, contacts and messaging). */
export const POLICY_ENVIRONMENT = 'dev';

const root = new URL('../../', import.meta.url);

export const synthesizePolicyModel = (sourceHash: string) => {
  const cdkJson = JSON.parse(readFileSync(new URL('cdk.json', root), 'utf8'));
  const outdir = mkdtempSync(join(tmpdir(), 'huduma-iam-'));
  try {
    const app = new App({
      outdir,
      context: {
        ...cdkJson.context,
        // No asset bundling (as the infra tests do), and construct paths to find tables by.
        'aws:cdk:bundling-stacks': [],
        'aws:cdk:enable-path-metadata': true,
      },
    });
    const { stacks } = addContactCentre(app, environments[POLICY_ENVIRONMENT]);
    const assembly = app.synth();
    const model = buildPolicyModel(
      stacks.map((stack) => ({
        stackName: stack.stackName,
        template: assembly.getStackByName(stack.stackName).template,
      })),
      { account: LOCAL_ACCOUNT, region: LOCAL_REGION },
    );
    return { sourceHash, environment: POLICY_ENVIRONMENT, ...model };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
};

if (import.meta.main) {
  const [target, sourceHash] = process.argv.slice(2);
  if (!target || !sourceHash) throw new Error('usage: synthesize.ts <cache file> <source hash>');
  const model = synthesizePolicyModel(sourceHash);
  // Written whole and renamed, so a parallel reader never sees half a file.
  const partial = join(dirname(target), `.${process.pid}.partial.json`);
  writeFileSync(partial, JSON.stringify(model));
  renameSync(partial, target);
}
