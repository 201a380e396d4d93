import type { ContactResult, TranscriptEvent } from './flow-engine/types.ts';

/** The JSON transcript of a call (documented in docs/local-runtime.md). */
export const toTranscript = (result: ContactResult, call: { from: string; startedAt: Date }) => ({
  contactId: result.contactId,
  from: call.from,
  startedAt: call.startedAt.toISOString(),
  events: result.transcript,
  attributes: result.attributes,
  disposition: result.disposition,
});

/** One line per event, for people reading a call in the terminal. */
export const describeEvent = (event: TranscriptEvent): string | undefined => {
  switch (event.type) {
    case 'prompt':
      return `  IVR  ${event.text}`;
    case 'input':
      return event.input.kind === 'digits'
        ? `  YOU  ${event.input.digits}`
        : `  YOU  (${event.input.kind === 'timeout' ? 'silence' : 'hung up'})`;
    case 'lambda':
      return `  λ    ${event.function} ${JSON.stringify(event.parameters)} → ${event.error ? `error: ${event.error}` : `outcome ${String(event.result?.outcome ?? '')}`} (${event.durationMs} ms)`;
    case 'flow':
      return `  →    flow ${event.flow}`;
    default:
      return undefined;
  }
};
