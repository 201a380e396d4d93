import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { renderFlowFiles } from '#flows/build/render.ts';

/** `npm run flows:build`: writes contact-flows/*.json from the builders in contact-flows/build/. */
const directory = new URL('../../contact-flows/', import.meta.url);
for (const { file, content } of renderFlowFiles()) {
  const path = new URL(file, directory).pathname;
  let previous: string | undefined;
  try {
    previous = readFileSync(path, 'utf8');
  } catch {
    previous = undefined;
  }
  if (previous === content) continue;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  console.log(`wrote contact-flows/${file}`);
}
