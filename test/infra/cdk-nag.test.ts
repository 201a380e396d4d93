import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { environmentNames } from '../../lib/config/environments.ts';
import { buildApp } from '../support/app.ts';

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
});
