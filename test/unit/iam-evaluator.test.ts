import { arnMatch, evaluate, type PolicyStatement, wildcardMatch } from '#local/iam/evaluator.ts';

const TABLE = 'arn:aws:dynamodb:af-south-1:000000000000:table/Tickets';

const allow = (statement: Omit<PolicyStatement, 'Effect'>): PolicyStatement => ({
  Effect: 'Allow',
  ...statement,
});

describe('IAM wildcards', () => {
  it('matches * and ? as IAM does, actions without regard to case', () => {
    expect(wildcardMatch('dynamodb:Get*', 'dynamodb:GetItem')).toBe(true);
    expect(wildcardMatch('dynamodb:Get?Item', 'dynamodb:GetItem')).toBe(false);
    expect(wildcardMatch('dynamodb:GetIte?', 'dynamodb:GetItem')).toBe(true);
    expect(wildcardMatch('DynamoDB:getitem', 'dynamodb:GetItem', true)).toBe(true);
    expect(wildcardMatch('DynamoDB:getitem', 'dynamodb:GetItem')).toBe(false);
    expect(wildcardMatch('a.b', 'aXb')).toBe(false);
  });

  it('matches ARNs part by part, so a wildcard stays inside its part', () => {
    expect(arnMatch(`${TABLE}/index/*`, `${TABLE}/index/gsi1`)).toBe(true);
    expect(arnMatch(TABLE, `${TABLE}/index/gsi1`)).toBe(false);
    expect(arnMatch('arn:aws:dynamodb:*:000000000000:table/Tickets', TABLE)).toBe(true);
    expect(arnMatch('arn:aws:dynamodb:af-*:table/Tickets', TABLE)).toBe(false);
    expect(arnMatch('*', TABLE)).toBe(true);
  });
});

describe('IAM evaluation', () => {
  const get = { action: 'dynamodb:GetItem', resource: TABLE };

  it('denies what no statement allows, and allows what one does', () => {
    expect(evaluate([], get).effect).toBe('ImplicitDeny');
    expect(evaluate([allow({ Action: ['dynamodb:Query'], Resource: TABLE })], get).effect).toBe(
      'ImplicitDeny',
    );
    expect(evaluate([allow({ Action: 'dynamodb:GetItem', Resource: TABLE })], get).effect).toBe(
      'Allow',
    );
    expect(
      evaluate([allow({ Action: 'dynamodb:GetItem', Resource: `${TABLE}/index/*` })], get).effect,
    ).toBe('ImplicitDeny');
  });

  it('lets an explicit Deny beat any Allow', () => {
    const statements: PolicyStatement[] = [
      allow({ Action: 'dynamodb:*', Resource: '*' }),
      { Effect: 'Deny', Action: 'dynamodb:GetItem', Resource: TABLE },
    ];
    expect(evaluate(statements, get).effect).toBe('ExplicitDeny');
    expect(evaluate(statements, { ...get, action: 'dynamodb:Query' }).effect).toBe('Allow');
  });

  it('reads NotAction and NotResource as everything but the listed', () => {
    const notAction = allow({ NotAction: 'dynamodb:DeleteItem', Resource: '*' });
    expect(evaluate([notAction], get).effect).toBe('Allow');
    expect(evaluate([notAction], { ...get, action: 'dynamodb:DeleteItem' }).effect).toBe(
      'ImplicitDeny',
    );
    const notResource = allow({ Action: 'dynamodb:GetItem', NotResource: `${TABLE}*` });
    expect(evaluate([notResource], get).effect).toBe('ImplicitDeny');
    expect(evaluate([notResource], { ...get, resource: `${TABLE}x` }).effect).toBe('ImplicitDeny');
    expect(
      evaluate([notResource], { ...get, resource: 'arn:aws:dynamodb:af-south-1:0:table/Other' })
        .effect,
    ).toBe('Allow');
  });

  describe('dynamodb:LeadingKeys conditions', () => {
    const outboxOnly = allow({
      Action: 'dynamodb:DeleteItem',
      Resource: TABLE,
      Condition: {
        'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['ESCALATION#PENDING'] },
      },
    });
    const remove = (...keys: string[]) => ({
      action: 'dynamodb:DeleteItem',
      resource: TABLE,
      context: { 'dynamodb:LeadingKeys': keys },
    });

    it('ForAllValues:StringEquals allows only keys inside the set', () => {
      expect(evaluate([outboxOnly], remove('ESCALATION#PENDING')).effect).toBe('Allow');
      expect(evaluate([outboxOnly], remove('TICKET#12345678')).effect).toBe('ImplicitDeny');
      expect(evaluate([outboxOnly], remove('ESCALATION#PENDING', 'TICKET#1')).effect).toBe(
        'ImplicitDeny',
      );
    });

    it('ForAllValues:StringLike takes wildcards; condition keys ignore case', () => {
      const like = allow({
        Action: 'dynamodb:DeleteItem',
        Resource: TABLE,
        Condition: { 'ForAllValues:StringLike': { 'DynamoDB:leadingkeys': ['ESCALATION#*'] } },
      });
      expect(evaluate([like], remove('ESCALATION#PENDING')).effect).toBe('Allow');
      expect(evaluate([like], remove('TICKET#1')).effect).toBe('ImplicitDeny');
    });

    it('ForAnyValue needs one key in the set; ForAllValues holds for none', () => {
      const any = allow({
        Action: 'dynamodb:DeleteItem',
        Resource: TABLE,
        Condition: { 'ForAnyValue:StringEquals': { 'dynamodb:LeadingKeys': ['A'] } },
      });
      expect(evaluate([any], remove('B', 'A')).effect).toBe('Allow');
      expect(evaluate([any], remove('B')).effect).toBe('ImplicitDeny');
      expect(
        evaluate([outboxOnly], { action: 'dynamodb:DeleteItem', resource: TABLE }).effect,
      ).toBe('Allow');
    });
  });

  it('evaluates the string and ARN operators, negations and IfExists', () => {
    const request = (value?: string) => ({
      ...get,
      ...(value !== undefined && { context: { 'aws:SourceArn': value } }),
    });
    const withCondition = (operator: string, value: string) => [
      allow({ Action: '*', Resource: '*', Condition: { [operator]: { 'aws:SourceArn': value } } }),
    ];
    expect(evaluate(withCondition('StringEquals', 'a'), request('a')).effect).toBe('Allow');
    expect(evaluate(withCondition('StringEquals', 'a'), request('b')).effect).toBe('ImplicitDeny');
    expect(evaluate(withCondition('StringEquals', 'a'), request()).effect).toBe('ImplicitDeny');
    expect(evaluate(withCondition('StringEqualsIfExists', 'a'), request()).effect).toBe('Allow');
    expect(evaluate(withCondition('StringNotEquals', 'a'), request('b')).effect).toBe('Allow');
    expect(evaluate(withCondition('StringNotEquals', 'a'), request('a')).effect).toBe(
      'ImplicitDeny',
    );
    expect(evaluate(withCondition('StringLike', 'a*'), request('abc')).effect).toBe('Allow');
    expect(evaluate(withCondition('ArnEquals', TABLE), request(TABLE)).effect).toBe('Allow');
    expect(
      evaluate(withCondition('ArnLike', 'arn:aws:dynamodb:*:*:table/*'), request(TABLE)).effect,
    ).toBe('Allow');
    expect(evaluate(withCondition('ArnNotLike', `${TABLE}*`), request(TABLE)).effect).toBe(
      'ImplicitDeny',
    );
  });

  it('fails closed, naming what it cannot judge', () => {
    const unknown = [
      allow({
        Action: '*',
        Resource: '*',
        Condition: { DateGreaterThan: { 'aws:CurrentTime': 'x' } },
      }),
    ];
    expect(() => evaluate(unknown, get)).toThrow(/Unsupported condition operator DateGreaterThan/);
    expect(() =>
      evaluate([allow({ Action: '*', Resource: 'arn:aws:s3:::${aws:username}/*' })], get),
    ).toThrow(/Policy variables are not supported/);
    expect(() => evaluate([{ Effect: 'Allow', Resource: '*' }], get)).toThrow(
      /neither Action nor NotAction/,
    );
  });
});
