import type { ContactResult, Disposition, TranscriptEvent } from './flow-engine/types.ts';

/** The JSON transcript of a call (documented in docs/local-runtime.md). */
export const toTranscript = (result: ContactResult, call: { from: string; startedAt: Date }) => ({
  contactId: result.contactId,
  from: call.from,
  startedAt: call.startedAt.toISOString(),
  events: result.transcript,
  attributes: result.attributes,
  disposition: result.disposition,
  contactTraceRecord: result.contactTraceRecord ?? null,
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
    case 'queue':
      return `  ⏳   ${event.event === 'ENQUEUED' ? 'waiting in' : 'leaves'} the ${event.queue} queue`;
    case 'agent':
      return `  👤   agent ${event.agent} ${event.event === 'CONNECTED' ? 'answers' : 'hangs up'}`;
    case 'callback':
      return `  ↩    call-back requested on ${event.number} (${event.queue})`;
    default:
      return undefined;
  }
};

export const describeDisposition = (disposition: Disposition): string => {
  switch (disposition.type) {
    case 'QUEUED':
      return `still waiting for an agent in ${disposition.queue} after ${disposition.waitSeconds} s`;
    case 'ANSWERED':
      return `answered by ${disposition.agent} (${disposition.queue}) after ${disposition.waitSeconds} s`;
    case 'ABANDONED':
      return `hung up after waiting ${disposition.waitSeconds} s in ${disposition.queue}`;
    case 'CALLBACK_REQUESTED':
      return `call-back requested on ${disposition.number} (${disposition.queue})`;
    case 'DISCONNECTED':
      return disposition.by === 'FLOW' ? 'the IVR ended the call' : 'the caller hung up';
    default:
      return `ended: ${disposition.reason}`;
  }
};
