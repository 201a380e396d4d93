/**
 * Lambda event filtering as the event source mapping applies it (the subset our filters use):
 * an object pattern matches when every key matches; a list matches when the value equals one
 * of its strings or satisfies one of its `{ "anything-but": [...] }` entries.
 */
export const matchesPattern = (pattern: unknown, value: unknown): boolean => {
  if (Array.isArray(pattern)) {
    return pattern.some((entry) => {
      if (typeof entry === 'object' && entry !== null && 'anything-but' in entry) {
        const excluded = (entry as { 'anything-but': unknown[] })['anything-but'];
        return value !== undefined && !excluded.includes(value);
      }
      return entry === value;
    });
  }
  if (typeof pattern === 'object' && pattern !== null) {
    if (typeof value !== 'object' || value === null) return false;
    return Object.entries(pattern).every(([key, inner]) =>
      matchesPattern(inner, (value as Record<string, unknown>)[key]),
    );
  }
  return pattern === value;
};

/** Whether a record passes any of the filters (no filters: every record). */
export const passesFilters = (filters: readonly unknown[], record: unknown): boolean =>
  filters.length === 0 || filters.some((filter) => matchesPattern(filter, record));
