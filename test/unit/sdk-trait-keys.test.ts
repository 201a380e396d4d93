import { literalTraitKeys } from '#lib/sdk-trait-keys.ts';

/** A schemas_0.js in miniature: the const string table, then schemas with trait objects. */
const GENERATED = `const _h = "http";
const _hE = "httpError";
const _e = "error";
const _c = "client";
const n0 = "com.amazonaws.connect";
export var StartChatContact$ = [9, n0, "StartChatContact",
    { [_h]: ["PUT", "/contact/chat", 200] }, "input", "output"
];
export var AccessDeniedException$ = [-3, n0, "AccessDeniedException",
    { [_e]: _c,[_hE]: 403, [unknown]: 1 },
    [],
    []
];
export var picked = n0 ? { http: 7 }[_h]: _e;
`;

/** The module's exports, evaluated. */
const evaluate = (source: string) =>
  new Function(
    'unknown',
    `${source.replaceAll('export var', 'var')}; return { StartChatContact$, AccessDeniedException$, picked };`,
  )('u');

describe('literalTraitKeys', () => {
  const rewritten = literalTraitKeys(GENERATED);

  it('writes the trait keys the const table names as string literals', () => {
    expect(rewritten).toContain('{ "http": ["PUT", "/contact/chat", 200] }');
    expect(rewritten).toContain('{ "error": _c,"httpError": 403, [unknown]: 1 }');
  });

  it('leaves member accesses and names outside the table alone', () => {
    expect(rewritten).toContain('{ http: 7 }[_h]: _e');
    expect(rewritten).toContain('[unknown]: 1');
  });

  it('builds the same schemas at run time', () => {
    expect(evaluate(rewritten)).toEqual(evaluate(GENERATED));
  });

  it('changes nothing the second time', () => {
    expect(literalTraitKeys(rewritten)).toBe(rewritten);
  });
});
