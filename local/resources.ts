import { loadFlowDocument } from '#flows/load.ts';
import { FLOW_FUNCTIONS, FLOWS, flowPlaceholder, HOURS, QUEUES } from '#flows/manifest.ts';
import {
  contactCentreHours,
  type EnvironmentConfig,
  environments,
} from '#lib/config/environments.ts';
import type { Clock } from '#shared/clock.ts';
import { kiswahiliRecordings, promptCatalogue } from '#shared/speech/catalogue.ts';
import { clipUri, type SpeechSettings } from '#shared/speech/render.ts';
import { LOCAL_INSTANCE_ARN, LOCAL_PROMPT_AUDIO_URI, localArn } from './arns.ts';
import { contactClock } from './flow-engine/contact-time.ts';
import type {
  EngineResources,
  LambdaHandler,
  LoadedFlow,
  LocalQueue,
} from './flow-engine/types.ts';
import {
  type HandlerName,
  type LocalPlatform,
  localHandler,
  preloadHandlerModules,
} from './handlers.ts';

const speech: SpeechSettings = { promptAudioUri: LOCAL_PROMPT_AUDIO_URI };

/** Resource placeholders and the local ARN each stands for. */
const localResourceArns = (): Map<string, string> =>
  new Map([
    ...Object.entries(FLOW_FUNCTIONS).map(([name, fn]): [string, string] => [
      name,
      localArn.lambda(fn.handler),
    ]),
    ...Object.entries(QUEUES).map(([name, queue]): [string, string] => [
      name,
      localArn.queue(queue.id),
    ]),
    ...Object.entries(HOURS).map(([name, hours]): [string, string] => [
      name,
      localArn.hours(hours.id),
    ]),
    ...FLOWS.map((flow): [string, string] => [flowPlaceholder(flow.id), localArn.flow(flow.id)]),
  ]);

/**
 * Everything the engine needs to run the repository's flows locally: the flow files, the
 * deployed handlers built in-process (local/handlers.ts), queues, hours (an environment's
 * config, dev by default) and prompts.
 */
export const loadLocalResources = async ({
  clock,
  platform,
  config = environments.dev,
}: {
  /**
   * The environment whose opening hours the engine's CheckHoursOfOperation and queues use, as
   * CDK derives Connect's from it. @default the dev environment
   */
  readonly config?: EnvironmentConfig;
  /** The local runtime's shared clock, for every handler that reads the time. */
  readonly clock?: Clock;
  /** The platform the handlers run on. @default the tests' (local/handlers.ts) */
  readonly platform?: LocalPlatform;
} = {}): Promise<EngineResources> => {
  const lambdas = new Map<string, { name: string; handler: LambdaHandler }>();
  preloadHandlerModules(Object.values(FLOW_FUNCTIONS).map(({ handler }) => handler as HandlerName));
  const contactCentre = contactCentreHours(config);
  // The engine's clock and hours: a handler that tells the hours (caller context) tells these.
  const overrides = { clock: clock ?? contactClock, hours: contactCentre } as Partial<never>;
  for (const { handler } of Object.values(FLOW_FUNCTIONS)) {
    const built = localHandler(handler as HandlerName, overrides, platform) as LambdaHandler;
    lambdas.set(localArn.lambda(handler), { name: `huduma-${handler}`, handler: built });
  }
  const flows = new Map<string, LoadedFlow>(
    FLOWS.map((flow) => [
      localArn.flow(flow.id),
      {
        id: flow.id,
        arn: localArn.flow(flow.id),
        type: flow.type,
        document: loadFlowDocument(flow.file),
      },
    ]),
  );
  const contactCentreHoursArn = localArn.hours(HOURS.ContactCentreHoursArn.id);
  const queues = new Map<string, LocalQueue>(
    Object.values(QUEUES).map((queue) => [
      localArn.queue(queue.id),
      { ...queue, hoursArn: contactCentreHoursArn },
    ]),
  );
  const hours = new Map([[contactCentreHoursArn, contactCentre]]);
  const arns = localResourceArns();
  // The words of every clip, the parts around slots (<id>.p1, …) included.
  const clipWords = new Map(kiswahiliRecordings().map((clip) => [clip.id, clip.text]));
  // Recorded clips live at <base>/sw/<promptId>.wav.
  const audioPrefix = clipUri('x', speech).slice(0, -'x.wav'.length);
  return {
    instanceArn: LOCAL_INSTANCE_ARN,
    flows,
    lambdas,
    queues,
    hours,
    resolveResource(name) {
      const arn = arns.get(name);
      if (!arn) throw new Error(`No local resource for placeholder \${${name}}`);
      return arn;
    },
    prompts: {
      text: (promptId, lang) =>
        promptCatalogue.get(promptId)?.[lang] ??
        (lang === 'sw' ? clipWords.get(promptId) : undefined),
      audioUri: (promptId) => clipUri(promptId, speech),
      idFromAudioUri: (uri) =>
        uri.startsWith(audioPrefix) && uri.endsWith('.wav')
          ? uri.slice(audioPrefix.length, -'.wav'.length)
          : undefined,
    },
  };
};
