/**
 * Lets esbuild tree-shake the AWS SDK clients' schemas (run by `npm ci`, as postinstall).
 *
 * Since 3.930 each client's generated `dist-es/schemas/schemas_0.js` writes trait objects with
 * computed keys, `{ [_h]: ["PUT", "/contact/chat", 200] }`, where `_h` is a const string of the
 * same file. esbuild counts a computed key as a possible side effect, so it keeps every schema
 * of a REST client: 186 KiB of Connect's schemas in a bundle that sends one command
 * (aws/aws-sdk-js-v3#7607, evanw/esbuild#4373). This rewrites those keys to the string literals
 * they name, `{ "http": [...] }`: the same objects at run time, the change the generator's
 * pending fix makes (smithy-lang/smithy-typescript#1889). Idempotent; once the SDK ships the fix
 * there is nothing left to rewrite.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** `source` with each `[name]:` key whose `name` is a top-level const string made a literal. */
export const literalTraitKeys = (source: string): string => {
  const strings = new Map<string, string>();
  for (const [, name, value] of source.matchAll(/^const (_\w+) = ("[^"\\\n]*");$/gm))
    strings.set(name!, value!);
  // Only keys of object literals: after `{`, `,` or white space, never a member access.
  return source.replace(/(?<=[{,\s])\[(_\w+)\]:/g, (key, name: string) => {
    const value = strings.get(name);
    return value === undefined ? key : `${value}:`;
  });
};

/** The generated schema modules under `directory` (nested clients' submodules too). */
const schemaModules = function* (directory: string): Generator<string> {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const path = join(directory, entry.name);
    if (entry.name === 'schemas') yield join(path, 'schemas_0.js');
    else yield* schemaModules(path);
  }
};

/** Rewrites the installed SDK's schema modules; returns how many files changed. */
export const rewriteInstalledSdk = (nodeModules: string): number => {
  let changed = 0;
  const scope = join(nodeModules, '@aws-sdk');
  for (const client of readdirSync(scope)) {
    const dist = join(scope, client, 'dist-es');
    if (!existsSync(dist)) continue; // not a client
    for (const path of schemaModules(dist)) {
      if (!existsSync(path)) continue;
      const source = readFileSync(path, 'utf8');
      const rewritten = literalTraitKeys(source);
      if (rewritten === source) continue;
      writeFileSync(path, rewritten);
      changed++;
    }
  }
  return changed;
};

if (import.meta.main) {
  const changed = rewriteInstalledSdk(new URL('../node_modules', import.meta.url).pathname);
  console.log(`AWS SDK schemas: trait keys made literal in ${changed} files`);
}
