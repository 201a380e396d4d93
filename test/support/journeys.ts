import { localArn } from '#local/arns.ts';
import type { EngineResources, LambdaHandler } from '#local/flow-engine/types.ts';
import { type Call, ENGLISH, KISWAHILI, resources, withLambda } from './contact-centre.ts';

export type Lang = 'en' | 'sw';

/** The two languages of the IVR, with the key that chooses each at the language menu. */
export const LANGUAGES = [
  { language: 'English', key: ENGLISH, lang: 'en' },
  { language: 'Kiswahili', key: KISWAHILI, lang: 'sw' },
] as const satisfies readonly { language: string; key: string; lang: Lang }[];

/**
 * The messages the caller heard in one language, in order, by prompt id: English is
 * text-to-speech, Kiswahili recorded audio. A message a Lambda rendered counts once under its
 * `sayPrompt`, whether spoken as text (English) or played as recorded clips by the say-clips
 * module (Kiswahili), so one assertion holds in both languages.
 */
export const heardIn = (result: Call, lang: Lang): string[] => {
  const source = lang === 'en' ? 'tts' : 'audio';
  const heard: string[] = [];
  let rendered: Record<string, unknown> = {};
  for (const event of result.transcript) {
    if (event.type === 'lambda' && event.result) rendered = event.result;
    if (event.type !== 'prompt' || event.source !== source) continue;
    const clip = /^play-(\d+)$/.exec(event.action);
    if (clip && clip[1] !== '1') continue;
    heard.push(clip ? String(rendered.sayPrompt) : (event.promptId ?? event.text));
  }
  return heard;
};

/** One handler's invocations that look a record up: the shape check made as a number is keyed left out. */
export const lookups = (result: Call, handler: string) =>
  result.callsTo(handler).filter((event) => event.parameters.operation !== 'check-number');

/** Outcomes of one handler's invocations in a call, in order (`undefined` for a failed one). */
export const outcomes = (result: Call, handler: string): (string | undefined)[] =>
  result.callsTo(handler).map((event) => event.result?.outcome as string | undefined);

/** Outcomes of one handler's lookups in a call, in order (shape checks left out). */
export const lookupOutcomes = (result: Call, handler: string): (string | undefined)[] =>
  lookups(result, handler).map((event) => event.result?.outcome as string | undefined);

/** The deployed handler behind a flow's Lambda, as the local resources run it. */
export const realHandler = (handler: string): LambdaHandler =>
  resources.lambdas.get(localArn.lambda(handler))!.handler;

/** The local resources with a handler that always fails (DynamoDB down, a bug): the flows' error branches. */
export const failing = (handler: string): EngineResources =>
  withLambda(handler, async () => {
    throw new Error(`${handler} is unavailable`);
  });

/** The local resources without one flow: a TransferToFlow to it takes its error branch. */
export const withoutFlow = (flow: string): EngineResources => {
  const flows = new Map(resources.flows);
  flows.delete(localArn.flow(flow));
  return { ...resources, flows };
};

/** The local resources without one queue: a flow that names it takes its error branch. */
export const withoutQueue = (queue: string): EngineResources => {
  const queues = new Map(resources.queues);
  queues.delete(localArn.queue(queue));
  return { ...resources, queues };
};

/** What a Connect event carries that these tests read. */
export interface FlowEvent {
  readonly Details: {
    readonly ContactData: {
      readonly ContactId: string;
      readonly CustomerEndpoint?: { readonly Address: string };
    };
    readonly Parameters: Record<string, string>;
  };
}

/**
 * The real handler, with something happening elsewhere (another caller, an agent, time
 * passing) just before the flow's invocation of `operation` reaches it: for races a single
 * scripted call cannot produce on its own.
 */
export const meanwhile = (
  handler: string,
  operation: string,
  happen: (event: FlowEvent) => Promise<void>,
): EngineResources => {
  const real = realHandler(handler);
  return withLambda(handler, async (event, context) => {
    if ((event as FlowEvent).Details.Parameters.operation === operation)
      await happen(event as FlowEvent);
    return real(event, context);
  });
};
