/**
 * zod for every schema of ours: zod/mini, the tree-shakable build (a handler bundle carries only
 * the schema kinds and checks it uses, a third of zod classic's share), with the English
 * messages classic sets by itself. Import it from here (`import * as z`), never from 'zod', so
 * the locale is always set.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());

// A namespace re-export, imported as `import * as z`: esbuild keeps only the members used.
export * from 'zod/mini';

/**
 * Reports a custom issue from inside `z.transform`: zod/mini hands a transform the parse
 * payload itself, without classic's `addIssue`. `fatal` stops the checks after it.
 */
export const addTransformIssue = (
  payload: z.core.ParsePayload,
  issue: { readonly message: string; readonly path?: PropertyKey[]; readonly fatal?: boolean },
): void => {
  payload.issues.push({
    code: 'custom',
    message: issue.message,
    input: payload.value,
    ...(issue.path && { path: issue.path }),
    ...(issue.fatal && { continue: false }),
  });
};
