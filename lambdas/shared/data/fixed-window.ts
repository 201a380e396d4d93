/**
 * A fixed-window counter item, as the proof-attempt and SMS limits keep it: the window opens at
 * the first counted event (`windowStartedAt`) and the item expires (TTL `expiresAt`) when it
 * closes. Counting is one conditional update that opens the window of a new item; once the
 * window has closed, a put conditional on `windowStartedAt <= :floor` opens the next.
 */
export const fixedWindow = (now: number, windowSeconds: number) => {
  const floor = now - windowSeconds;
  const end = now + windowSeconds;
  return {
    /** The update's SET clause: the window of a new item opens now. */
    openIfNew:
      'windowStartedAt = if_not_exists(windowStartedAt, :now), expiresAt = if_not_exists(expiresAt, :windowEnd)',
    /** Windows that started at or before this have closed. */
    floor,
    /** The values `openIfNew` and the `:floor` condition refer to. */
    values: { ':now': now, ':windowEnd': end, ':floor': floor },
    /** The attributes of a window opened now. */
    opened: { windowStartedAt: now, expiresAt: end },
  };
};
