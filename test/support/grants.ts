import type { Template } from 'aws-cdk-lib/assertions';

interface Statement {
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Effect: string;
}

/** The Lambda function whose logical id starts with the prefix (e.g. `SelfServicePensions`). */
export const functionNamed = (template: Template, prefix: string) => {
  const matches = Object.entries(template.findResources('AWS::Lambda::Function')).filter(([id]) =>
    new RegExp(`^${prefix}[0-9A-F]{8}$`).test(id),
  );
  if (matches.length !== 1)
    throw new Error(`Expected one function ${prefix}, found ${matches.length}`);
  const [logicalId, resource] = matches[0]!;
  return { logicalId, properties: resource.Properties };
};

/** The logical id of a function's `live` alias (what its callers invoke: warm-functions.ts). */
export const liveAliasOf = (template: Template, functionLogicalId: string): string => {
  const [id] =
    Object.entries(template.findResources('AWS::Lambda::Alias')).find(
      ([, alias]) =>
        alias.Properties.Name === 'live' &&
        alias.Properties.FunctionName?.Ref === functionLogicalId,
    ) ?? [];
  if (!id) throw new Error(`No live alias of ${functionLogicalId}`);
  return id;
};

/** Every IAM statement attached to a function's role. */
export const statementsOf = (template: Template, prefix: string): Statement[] => {
  const { properties } = functionNamed(template, prefix);
  const role = properties.Role['Fn::GetAtt'][0] as string;
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => policy.Properties.Roles.some((ref: { Ref?: string }) => ref.Ref === role))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
};

/** The actions a function may perform on resources whose reference mentions `resource`, sorted. */
export const actionsOn = (statements: Statement[], resource: RegExp): string[] =>
  statements
    .filter((statement) => resource.test(JSON.stringify(statement.Resource)))
    .flatMap((statement) => [statement.Action].flat())
    .sort();

/** All actions of one service (e.g. `dynamodb:`), sorted and unique. */
export const serviceActions = (statements: Statement[], service: string): string[] =>
  [
    ...new Set(
      statements.flatMap((statement) =>
        [statement.Action].flat().filter((action) => action.startsWith(service)),
      ),
    ),
  ].sort();

/** Item reads and writes on a table, sorted: no scans, no table settings. */
export const ITEM_ACTIONS = [
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DeleteItem',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:UpdateItem',
];

/** The item actions without deletes (single or batched), sorted: reads, puts and updates. */
export const ITEM_ACTIONS_WITHOUT_DELETE = ITEM_ACTIONS.filter(
  (action) => !/Delete|BatchWrite/.test(action),
);
