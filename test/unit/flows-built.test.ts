import { readFileSync } from 'node:fs';
import { renderFlowFiles } from '#flows/build/render.ts';

describe('contact flow files', () => {
  it.each(renderFlowFiles().map(({ file, content }) => [file, content]))(
    'contact-flows/%s is what `npm run flows:build` writes',
    (file, content) => {
      expect(readFileSync(new URL(`../../contact-flows/${file}`, import.meta.url), 'utf8')).toBe(
        content,
      );
    },
  );
});
