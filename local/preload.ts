/**
 * What every local command preloads (`node --import`, the npm scripts): Powertools' local
 * settings, and V8's compile cache for the modules it then loads. A CLI loads every handler,
 * the SDK and zod from source on each start; with the cache, loading takes about half as long
 * from the second run on. Node checks each entry against the module's source, so an edit is
 * compiled again (and the cache lives with node_modules, which `npm ci` replaces).
 */
import { enableCompileCache } from 'node:module';
import './powertools-environment.ts';

enableCompileCache(new URL('../node_modules/.cache/huduma-node-compile', import.meta.url).pathname);
