/**
 * Stands in for `@smithy/core/event-streams` in every bundle (lib/bundling.ts aliases it here).
 * The SDK's protocols load it only for operations that stream events (Lambda's
 * InvokeWithResponseStream, Bedrock, Transcribe), which none of our clients has; it was 15 KiB
 * of each bundle. If a client that streams events is ever bundled, its call fails here, by name,
 * and test/integration/bundled-handler.test.ts shows a bundled client still works.
 */
const unavailable = (): never => {
  throw new Error(
    'Event streams are not bundled (lib/bundling.ts aliases @smithy/core/event-streams): remove the alias for a client that streams events',
  );
};

export const EventStreamSerde = unavailable;
export const eventStreamSerdeProvider = unavailable;
export const resolveEventStreamSerdeConfig = unavailable;
