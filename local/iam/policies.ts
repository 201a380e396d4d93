import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PolicyModel } from './template-model.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where the synthesized policy model is cached (git-ignored with node_modules). */
export const POLICY_CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'huduma-iam');

/** The files that turn templates into the model: a change to them changes the cached shape. */
const MODEL_BUILDERS = ['local/iam/synthesize.ts', 'local/iam/template-model.ts'];

/**
 * What the policies are synthesized from: the folders `cdk watch` watches (cdk.json), so a
 * change that would redeploy a grant is a change here too, plus cdk.json itself (context),
 * package-lock.json (the CDK version) and the model's builders.
 */
export const policySources = (root = ROOT): string[] => {
  const cdkJson = JSON.parse(readFileSync(join(root, 'cdk.json'), 'utf8'));
  const watched: string[] = (cdkJson.watch?.include ?? []).map((glob: string) =>
    glob.replace(/\/\*\*.*$/, ''),
  );
  return [...watched, 'cdk.json', 'package-lock.json', ...MODEL_BUILDERS];
};

const filesUnder = (root: string, entry: string): string[] => {
  const path = join(root, entry);
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((dirent) => dirent.isFile() && !dirent.parentPath.includes('node_modules'))
    .map((dirent) => join(dirent.parentPath, dirent.name));
};

/** A hash of every source file's path and content: unchanged sources, unchanged hash. */
export const policySourceHash = (root = ROOT): string => {
  const hash = createHash('sha256');
  const files = policySources(root)
    .flatMap((entry) => filesUnder(root, entry))
    .sort();
  for (const file of files) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 32);
};

export type CachedPolicyModel = PolicyModel & {
  readonly sourceHash: string;
  readonly environment: string;
};

let loaded: CachedPolicyModel | undefined;

/**
 * The policy model for the sources as they are when a process first asks (a test file, a
 * local run): read from the cache when its hash matches, otherwise synthesized (a child
 * process, 10-20 s) and cached. Hashed and read once per process.
 */
export const loadPolicyModel = (): CachedPolicyModel => {
  if (loaded) return loaded;
  const sourceHash = policySourceHash();
  const file = join(POLICY_CACHE_DIR, `policies-${sourceHash}.json`);
  if (!existsSync(file)) {
    mkdirSync(POLICY_CACHE_DIR, { recursive: true });
    execFileSync(
      process.execPath,
      [fileURLToPath(new URL('./synthesize.ts', import.meta.url)), file, sourceHash],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    // Models of older sources are never read again.
    for (const stale of readdirSync(POLICY_CACHE_DIR)) {
      if (/^policies-\w+\.json$/.test(stale) && join(POLICY_CACHE_DIR, stale) !== file) {
        rmSync(join(POLICY_CACHE_DIR, stale), { force: true });
      }
    }
  }
  loaded = JSON.parse(readFileSync(file, 'utf8')) as CachedPolicyModel;
  return loaded;
};
