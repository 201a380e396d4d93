/**
 * Placeholders in flow files. `${Name}` stands for a resource ARN (a Lambda, queue, hours,
 * flow or module), filled by CDK at synth and by the local engine at run time.
 * `${en:<promptId>}` is the English text of a catalogue prompt (spoken by TTS) and
 * `${sw:<promptId>}` the location of its recorded Kiswahili audio.
 */
export const PLACEHOLDER = /\$\{([A-Za-z0-9_]+|(?:en|sw):[a-z0-9_.-]+)\}/g;

export type Placeholder =
  | { readonly kind: 'resource'; readonly token: string; readonly name: string }
  | {
      readonly kind: 'prompt';
      readonly token: string;
      readonly lang: 'en' | 'sw';
      readonly promptId: string;
    };

export const parsePlaceholder = (token: string): Placeholder => {
  const name = token.slice(2, -1);
  const prompt = /^(en|sw):(.+)$/.exec(name);
  return prompt
    ? { kind: 'prompt', token, lang: prompt[1] as 'en' | 'sw', promptId: prompt[2]! }
    : { kind: 'resource', token, name };
};

/** Every placeholder in a string (an action parameter, or a whole flow's JSON). */
export const findPlaceholders = (text: string): Placeholder[] =>
  [...text.matchAll(PLACEHOLDER)].map((match) => parsePlaceholder(match[0]));

/** `${` that is not a well-formed placeholder: a typo that CloudFormation would reject. */
export const findMalformedPlaceholders = (text: string): string[] =>
  [...text.matchAll(/\$\{[^}]*\}?/g)]
    .map((m) => m[0])
    .filter((token) => !new RegExp(`^${PLACEHOLDER.source}$`).test(token));

/**
 * Replaces placeholders in every string of a parsed flow (never in raw JSON text, so values
 * need no escaping). Returns a deep copy.
 */
export const substitutePlaceholders = <T>(
  value: T,
  resolve: (placeholder: Placeholder) => string,
): T => {
  if (typeof value === 'string')
    return value.replace(PLACEHOLDER, (token) => resolve(parsePlaceholder(token))) as T;
  if (Array.isArray(value)) return value.map((item) => substitutePlaceholders(item, resolve)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, substitutePlaceholders(item, resolve)]),
    ) as T;
  }
  return value;
};
