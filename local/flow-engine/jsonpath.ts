/**
 * The JSONPath subset contact flows use: `$.A.b`, `$['A']`, and paths embedded in text
 * ("Hello $.Attributes.name."). A path token is the longest run of `.key` or `['key']`
 * segments; a trailing full stop ends the sentence, not the path.
 */
const PATH_IN_TEXT = /\$(?:\.[A-Za-z0-9_-]+|\['[^']+'\])+/g;
const SEGMENT = /\.([A-Za-z0-9_-]+)|\['([^']+)'\]/g;

export const isSinglePath = (value: string): boolean => {
  const match = value.match(PATH_IN_TEXT);
  return match !== null && match.length === 1 && match[0] === value;
};

export const pathSegments = (path: string): string[] =>
  [...path.slice(1).matchAll(SEGMENT)].map((match) => (match[1] ?? match[2]) as string);

/** Resolves a path against the flow data; undefined when any segment is missing. */
export const resolvePath = (data: unknown, path: string): unknown => {
  let current = data;
  for (const segment of pathSegments(path)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
};

/** Replaces every path in text by its value; missing values become empty strings, as in Connect. */
export const interpolate = (text: string, data: unknown): string =>
  text.replace(PATH_IN_TEXT, (path) => {
    const value = resolvePath(data, path);
    if (value === undefined || value === null) return '';
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  });

export const findPaths = (text: string): string[] => text.match(PATH_IN_TEXT) ?? [];
