/**
 * A small IAM policy evaluator for identity-based policies, enough for the statements CDK
 * synthesizes for our roles: explicit Deny beats Allow, Allow beats the implicit deny;
 * Action/NotAction and Resource/NotResource with `*` and `?` wildcards; the condition operators
 * below with the ForAllValues/ForAnyValue set qualifiers and the IfExists suffix. Anything else
 * (an unknown operator, a policy variable) fails closed with a message naming it.
 */

/** One statement with every intrinsic already resolved to strings. */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action?: string | readonly string[];
  readonly NotAction?: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly NotResource?: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** One authorization question: may the principal perform `action` on `resource`? */
export interface IamRequest {
  /** `service:Action`, e.g. `dynamodb:DeleteItem`. */
  readonly action: string;
  /** The resource's ARN. */
  readonly resource: string;
  /** Condition keys the request carries, e.g. `dynamodb:LeadingKeys`. */
  readonly context?: Readonly<Record<string, string | readonly string[]>>;
}

export type Decision =
  | { readonly effect: 'Allow'; readonly statement: PolicyStatement }
  | { readonly effect: 'ExplicitDeny'; readonly statement: PolicyStatement }
  | { readonly effect: 'ImplicitDeny' };

/** A statement this evaluator cannot judge: evaluation stops rather than guess. */
export class PolicyEvaluationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyEvaluationError';
  }
}

const list = (value: string | readonly string[] | undefined): readonly string[] =>
  value === undefined ? [] : typeof value === 'string' ? [value] : value;

const globCache = new Map<string, RegExp>();

/** IAM's wildcard match: `*` any run of characters, `?` any one; case-insensitive for actions. */
export const wildcardMatch = (pattern: string, value: string, ignoreCase = false): boolean => {
  if (pattern.includes('${')) {
    throw new PolicyEvaluationError(`Policy variables are not supported: ${pattern}`);
  }
  const key = `${ignoreCase ? 'i' : 's'}${pattern}`;
  let regex = globCache.get(key);
  if (!regex) {
    const source = pattern
      .split('')
      .map((char) =>
        char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\/]/g, '\\$&'),
      )
      .join('');
    regex = new RegExp(`^${source}$`, ignoreCase ? 'is' : 's');
    globCache.set(key, regex);
  }
  return regex.test(value);
};

/**
 * ARNs match part by part (partition, service, region, account, resource), so a wildcard in
 * the region cannot run into the account; a pattern of another shape is matched whole.
 */
export const arnMatch = (pattern: string, arn: string): boolean => {
  if (pattern.includes('${')) {
    throw new PolicyEvaluationError(`Policy variables are not supported: ${pattern}`);
  }
  if (pattern === '*') return true;
  const patternParts = pattern.split(':');
  const arnParts = arn.split(':');
  if (patternParts[0] !== 'arn' || arnParts[0] !== 'arn') return wildcardMatch(pattern, arn);
  if (patternParts.length < 6 || arnParts.length < 6) return false;
  const head = (parts: string[]) => [...parts.slice(0, 5), parts.slice(5).join(':')];
  const arnHead = head(arnParts);
  return head(patternParts).every((part, index) => wildcardMatch(part, arnHead[index] ?? ''));
};

type Matcher = (pattern: string, value: string) => boolean;

const stringMatchers: Record<string, Matcher> = {
  StringEquals: (pattern, value) => pattern === value,
  StringEqualsIgnoreCase: (pattern, value) => pattern.toLowerCase() === value.toLowerCase(),
  StringLike: (pattern, value) => wildcardMatch(pattern, value),
  ArnEquals: (pattern, value) => pattern === value,
  ArnLike: arnMatch,
  Bool: (pattern, value) => pattern.toLowerCase() === value.toLowerCase(),
  NumericEquals: (pattern, value) => Number(pattern) === Number(value),
  NumericLessThan: (pattern, value) => Number(value) < Number(pattern),
  NumericLessThanEquals: (pattern, value) => Number(value) <= Number(pattern),
  NumericGreaterThan: (pattern, value) => Number(value) > Number(pattern),
  NumericGreaterThanEquals: (pattern, value) => Number(value) >= Number(pattern),
};

/** Negated operators: true when no policy value matches (and, for a missing key, true). */
const negated: Record<string, string> = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike',
  ArnNotEquals: 'ArnEquals',
  ArnNotLike: 'ArnLike',
  NumericNotEquals: 'NumericEquals',
};

const conditionValues = (operator: string, key: string, values: unknown): string[] =>
  [values].flat().map((value) => {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      return String(value);
    }
    throw new PolicyEvaluationError(`${operator} on ${key} has a value that is not a string`);
  });

/** Whether one `operator: { key: values }` entry holds for the request's context. */
const conditionHolds = (
  fullOperator: string,
  key: string,
  policyValues: readonly string[],
  context: Readonly<Record<string, string | readonly string[]>>,
): boolean => {
  const [qualifier, rest] = fullOperator.includes(':')
    ? (fullOperator.split(':', 2) as [string, string])
    : [undefined, fullOperator];
  if (qualifier !== undefined && qualifier !== 'ForAllValues' && qualifier !== 'ForAnyValue') {
    throw new PolicyEvaluationError(`Unsupported condition set operator: ${qualifier}`);
  }
  const ifExists = rest.endsWith('IfExists');
  const operator = ifExists ? rest.slice(0, -'IfExists'.length) : rest;
  if (operator === 'Null') {
    const absent = context[key] === undefined || list(context[key]).length === 0;
    return policyValues.some((value) => (value.toLowerCase() === 'true') === absent);
  }
  const base = negated[operator] ?? operator;
  const matcher = stringMatchers[base];
  if (!matcher) {
    throw new PolicyEvaluationError(
      `Unsupported condition operator ${fullOperator} (on ${key}): teach local/iam/evaluator.ts`,
    );
  }
  const isNegated = base !== operator;
  const requestValues = context[key] === undefined ? undefined : list(context[key]);
  if (requestValues === undefined) {
    if (qualifier === 'ForAllValues') return true;
    if (qualifier === 'ForAnyValue') return false;
    return ifExists || isNegated;
  }
  const matchesAny = (value: string) => policyValues.some((pattern) => matcher(pattern, value));
  const holdsFor = (value: string) => (isNegated ? !matchesAny(value) : matchesAny(value));
  if (qualifier === 'ForAllValues') return requestValues.every(holdsFor);
  // Unqualified on a multi-valued key behaves as ForAnyValue, as IAM does.
  return isNegated ? requestValues.every(holdsFor) : requestValues.some(holdsFor);
};

const conditionsHold = (statement: PolicyStatement, request: IamRequest): boolean => {
  if (!statement.Condition) return true;
  // Condition key names are case-insensitive.
  const context = Object.fromEntries(
    Object.entries(request.context ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
  );
  return Object.entries(statement.Condition).every(([operator, keys]) =>
    Object.entries(keys).every(([key, values]) =>
      conditionHolds(operator, key.toLowerCase(), conditionValues(operator, key, values), context),
    ),
  );
};

const actionMatches = (statement: PolicyStatement, action: string): boolean => {
  if (statement.Action !== undefined) {
    return list(statement.Action).some((pattern) => wildcardMatch(pattern, action, true));
  }
  if (statement.NotAction !== undefined) {
    return !list(statement.NotAction).some((pattern) => wildcardMatch(pattern, action, true));
  }
  throw new PolicyEvaluationError('A statement has neither Action nor NotAction');
};

const resourceMatches = (statement: PolicyStatement, resource: string): boolean => {
  if (statement.Resource !== undefined) {
    return list(statement.Resource).some((pattern) => arnMatch(pattern, resource));
  }
  if (statement.NotResource !== undefined) {
    return !list(statement.NotResource).some((pattern) => arnMatch(pattern, resource));
  }
  throw new PolicyEvaluationError('A statement has neither Resource nor NotResource');
};

/** The statements whose Action and Resource match, before their conditions are looked at. */
export const statementsFor = (
  statements: readonly PolicyStatement[],
  action: string,
  resource: string,
): readonly PolicyStatement[] =>
  statements.filter(
    (statement) => actionMatches(statement, action) && resourceMatches(statement, resource),
  );

/** Decides a request among the statements matching its action and resource (`statementsFor`). */
export const decideAmong = (
  candidates: readonly PolicyStatement[],
  request: IamRequest,
): Decision => {
  const matching = candidates.filter((statement) => conditionsHold(statement, request));
  const deny = matching.find((statement) => statement.Effect === 'Deny');
  if (deny) return { effect: 'ExplicitDeny', statement: deny };
  const allow = matching.find((statement) => statement.Effect === 'Allow');
  return allow ? { effect: 'Allow', statement: allow } : { effect: 'ImplicitDeny' };
};

/** Evaluates one request against a principal's identity-based statements. */
export const evaluate = (statements: readonly PolicyStatement[], request: IamRequest): Decision =>
  decideAmong(statementsFor(statements, request.action, request.resource), request);
