/**
 * The least similarity at which a MessageReceived observation with MatchingCriteria Similarity
 * matches. AWS matches "semantically" and publishes no figure; 0.8 accepts a changed word or
 * punctuation in a prompt, not a different prompt.
 */
export const SIMILARITY_THRESHOLD = 0.8;

/** Lower case, letters and digits only, single spaces: how two messages are compared. */
export const normalise = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const editDistance = (a: string, b: string): number => {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length]!;
};

/**
 * How alike two messages read, from 0 to 1: one minus the character edit distance (Levenshtein)
 * of their normalised texts over the longer one's length. Case, punctuation and spacing do not count.
 */
export const similarity = (a: string, b: string): number => {
  const [x, y] = [normalise(a), normalise(b)];
  const longest = Math.max(x.length, y.length);
  return longest === 0 ? 1 : 1 - editDistance(x, y) / longest;
};

/** Inclusion: the received message contains the expected text (normalised the same way). */
export const includes = (received: string, expected: string): boolean =>
  ` ${normalise(received)} `.includes(` ${normalise(expected)} `);
