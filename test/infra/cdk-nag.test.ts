import { CfnResource, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { environmentNames } from '#lib/config/environments.ts';
import { buildApp } from '../support/app.ts';

/** Every acknowledgement in the app: where, which rule, and the reason written for it. */
const acknowledgements = (root: IConstruct) =>
  root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          construct,
          id: id.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );

describe.each(environmentNames)('cdk-nag on the %s app', (name) => {
  const { app } = buildApp(name);

  it.each([
    ['AwsSolutions', () => new AwsSolutionsChecks(app)],
    ['Serverless', () => new ServerlessChecks(app)],
  ])('reports no unacknowledged %s finding', (_, pack) => {
    // Act
    const report = pack().validateScope(app);

    // Assess
    const findings = report.violations.flatMap((violation) =>
      violation.violatingResources.map(
        (resource) =>
          `${violation.ruleName} at ${resource.constructPath ?? resource.resourceLogicalId}`,
      ),
    );
    expect(findings).toEqual([]);
  });

  it('gives every acknowledgement a written reason, at a construct narrower than a stack', () => {
    const all = acknowledgements(app);
    expect(all.length).toBeGreaterThan(0);
    for (const { construct, id, reason } of all) {
      expect({ id, reason: reason.length >= 60 }).toEqual({ id, reason: true });
      expect(Stack.isStack(construct)).toBe(false);
      expect(CfnResource.isCfnResource(construct) || construct.node.children.length > 0).toBe(true);
    }
  });
});
