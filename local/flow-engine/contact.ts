import { randomUUID } from 'node:crypto';
import type { Channel, FlowAction } from '#flows/language/flow.schema.ts';
import { PLACEHOLDER, parsePlaceholder } from '#flows/language/placeholders.ts';
import { lambdaContext } from '../lambda-context.ts';
import { atContactTime } from './contact-time.ts';
import { interpolate, isSinglePath, resolvePath } from './jsonpath.ts';
import type {
  CallerInput,
  ContactOptions,
  ContactPhase,
  EngineResources,
  InputRequest,
  SpokenPrompt,
  TranscriptEvent,
} from './types.ts';

/** Thrown through the flows when the caller hangs up. */
export class CallerHungUp extends Error {
  constructor() {
    super('The caller hung up');
    this.name = 'CallerHungUp';
  }
}

/** Seconds a spoken message takes: about 150 words a minute. */
const speakingSeconds = (text: string) => Math.max(1, Math.ceil(text.split(/\s+/).length / 2.5));

export interface QueueState {
  readonly arn: string;
  readonly name: string;
  readonly enqueuedAt: number;
  dequeuedAt?: number;
}

export interface AgentState {
  readonly username: string;
  readonly connectedAt: number;
  readonly talkSeconds: number;
  readonly holdSeconds: number;
  readonly afterContactWorkSeconds: number;
  disconnectedAt?: number;
}

/** Per-contact state: what Connect keeps for one contact while its flows run. */
export class ContactRun {
  readonly contactId = randomUUID();
  readonly transcript: TranscriptEvent[] = [];
  readonly visited: string[] = [];
  readonly attributes: Record<string, string>;
  readonly flowAttributes: Record<string, string> = {};
  readonly eventHooks: Record<string, string> = {};
  readonly loopCounters = new Map<string, number>();
  readonly resources: EngineResources;
  readonly options: ContactOptions;
  readonly startedAt: number;
  readonly channel: Channel;
  /** The contact's own clock (epoch ms): advanced by speech, input, queue waits and agent time. */
  clock: number;
  phase: ContactPhase = 'ivr';
  external: Record<string, unknown> = {};
  storedInput: string | undefined;
  languageCode = 'en-US';
  targetQueue: { arn: string; name: string } | undefined;
  callbackNumber: string;
  queue: QueueState | undefined;
  agent: AgentState | undefined;
  callback: { queue: string; number: string; contactId: string } | undefined;
  disconnectedAt: number | undefined;
  /** While queued: when the simulation stops the queue flow (an agent answers, or it stops watching). */
  queueDeadline: number | undefined;

  constructor(resources: EngineResources, options: ContactOptions) {
    this.resources = resources;
    this.options = options;
    this.attributes = { ...options.attributes };
    this.startedAt = (options.startAt ?? new Date()).getTime();
    this.clock = this.startedAt;
    this.callbackNumber = options.customerNumber;
    this.channel = options.channel ?? 'VOICE';
    if (options.targetQueueArn) {
      const arn = options.targetQueueArn;
      this.targetQueue = { arn, name: resources.queues.get(arn)?.name ?? arn };
    }
  }

  now(): Date {
    return new Date(this.clock);
  }

  advance(seconds: number): void {
    this.clock += Math.max(0, seconds) * 1000;
  }

  /** The data JSONPath reads: `$.Attributes`, `$.External`, system attributes, queue metrics. */
  flowData(): Record<string, unknown> {
    const simulation = this.options.queue ?? {};
    const waited = this.queue ? Math.round((this.clock - this.queue.enqueuedAt) / 1000) : 0;
    return {
      Attributes: this.attributes,
      External: this.external,
      FlowAttributes: this.flowAttributes,
      StoredCustomerInput: this.storedInput,
      ContactId: this.contactId,
      InitialContactId: this.contactId,
      Channel: this.channel,
      InstanceARN: this.resources.instanceArn,
      InitiationMethod: this.options.initiationMethod ?? 'INBOUND',
      LanguageCode: this.languageCode,
      CustomerEndpoint: { Address: this.options.customerNumber, Type: 'TELEPHONE_NUMBER' },
      SystemEndpoint: {
        Address: this.options.systemNumber ?? '+27210000000',
        Type: 'TELEPHONE_NUMBER',
      },
      Queue: this.targetQueue && { ARN: this.targetQueue.arn, Name: this.targetQueue.name },
      Metrics: {
        Queue: {
          Size: String((simulation.contactsAhead ?? 2) + (this.queue ? 1 : 0)),
          OldestContactAge: String(waited + 60 * (simulation.contactsAhead ?? 2)),
        },
        Agents: {
          Online: { Count: String(simulation.agentsStaffed ?? 3) },
          Staffed: { Count: String(simulation.agentsStaffed ?? 3) },
          Available: { Count: String(simulation.agentsAvailable ?? 0) },
        },
      },
      AwsRegion: 'af-south-1',
    };
  }

  /** Fills resource placeholders with local ARNs and prompt placeholders with catalogue content. */
  fillPlaceholders(value: string): string {
    return value.replace(PLACEHOLDER, (token) => {
      const placeholder = parsePlaceholder(token);
      if (placeholder.kind === 'resource') return this.resources.resolveResource(placeholder.name);
      return placeholder.lang === 'en'
        ? (this.resources.prompts.text(placeholder.promptId, 'en') ?? token)
        : this.resources.prompts.audioUri(placeholder.promptId);
    });
  }

  /** A parameter value as Connect evaluates it: placeholders filled, JSONPath resolved. */
  evaluate(value: unknown): string {
    if (typeof value !== 'string')
      return value === undefined || value === null ? '' : String(value);
    const filled = this.fillPlaceholders(value);
    if (isSinglePath(filled)) {
      const resolved = resolvePath(this.flowData(), filled);
      return resolved === undefined || resolved === null ? '' : String(resolved);
    }
    return interpolate(filled, this.flowData());
  }

  record(event: TranscriptEvent): void {
    this.transcript.push(event);
  }

  get lang(): 'en' | 'sw' {
    return this.attributes.lang === 'sw' ? 'sw' : 'en';
  }

  /** What a message-bearing action says: Text, SSML, a prompt or S3 audio. */
  spokenBy(
    action: FlowAction,
    parameters: Record<string, unknown> = action.Parameters,
  ): SpokenPrompt | undefined {
    const { Text, SSML, PromptId, Media } = parameters;
    if (typeof Text === 'string') {
      return {
        action: action.Identifier,
        text: this.evaluate(Text),
        source: 'tts',
        ...this.promptIdOf(Text),
      };
    }
    if (typeof SSML === 'string') {
      return {
        action: action.Identifier,
        text: this.evaluate(SSML).replace(/<[^>]+>/g, ''),
        source: 'tts',
      };
    }
    const uri =
      Media && typeof Media === 'object' ? (Media as Record<string, unknown>).Uri : undefined;
    if (typeof uri === 'string' || typeof PromptId === 'string') {
      const location = this.evaluate(uri ?? PromptId);
      const promptId = this.resources.prompts.idFromAudioUri(location);
      const text = (promptId && this.resources.prompts.text(promptId, 'sw')) || location;
      return {
        action: action.Identifier,
        text,
        source: uri ? 'audio' : 'prompt',
        ...(promptId && { promptId }),
      };
    }
    return undefined;
  }

  /** The catalogue id behind a Text parameter: a `${en:id}` placeholder or a handler's `say`. */
  private promptIdOf(text: string): { promptId?: string } {
    const placeholder = /^\$\{en:([a-z0-9_.-]+)\}$/.exec(text);
    if (placeholder) return { promptId: placeholder[1]! };
    if (isSinglePath(text) && text.endsWith('.say')) {
      const promptId = resolvePath(this.flowData(), `${text}Prompt`);
      if (typeof promptId === 'string') return { promptId };
    }
    return {};
  }

  hear(prompt: SpokenPrompt | undefined): void {
    if (!prompt) return;
    this.record({ type: 'prompt', ...prompt });
    this.options.caller.hear?.(prompt);
    this.advance(speakingSeconds(prompt.text));
  }

  async input(request: Omit<InputRequest, 'phase'>): Promise<CallerInput> {
    const input = await this.options.caller.input({ ...request, phase: this.phase });
    this.record({ type: 'input', action: request.action, input });
    if (input.kind === 'hangup') throw new CallerHungUp();
    this.advance(input.kind === 'timeout' ? request.timeoutSeconds : 1 + input.digits.length * 0.5);
    return input;
  }

  /** Invokes a Lambda as Connect does: Connect-shaped event, time limit, flat response into $.External. */
  async invokeLambda(action: FlowAction): Promise<{ ok: true } | { ok: false; message: string }> {
    const parameters = action.Parameters as Record<string, unknown>;
    const arn = this.evaluate(parameters.LambdaFunctionARN);
    const limitSeconds = Number(parameters.InvocationTimeLimitSeconds ?? 8);
    const attributes = Object.fromEntries(
      Object.entries((parameters.LambdaInvocationAttributes ?? {}) as Record<string, unknown>).map(
        ([key, value]) => [key, this.evaluate(value)],
      ),
    );
    const target =
      this.resources.lambdas.get(arn) ??
      (this.resources.stubs && { name: `stub:${arn}`, handler: this.resources.stubs.lambda });
    const started = performance.now();
    const finish = (outcome: { result?: Record<string, unknown>; error?: string }) => {
      const durationMs = Math.round(performance.now() - started);
      this.record({
        type: 'lambda',
        action: action.Identifier,
        function: target?.name ?? arn,
        parameters: attributes,
        ...outcome,
        durationMs,
      });
      this.advance(durationMs / 1000);
    };
    if (!target) {
      finish({ error: `No local Lambda for ${arn}` });
      return { ok: false, message: `No local Lambda for ${arn}` };
    }
    const data = this.flowData();
    const event = {
      Name: 'ContactFlowEvent',
      Details: {
        ContactData: {
          Attributes: { ...this.attributes },
          Channel: data.Channel,
          ContactId: this.contactId,
          CustomerEndpoint: data.CustomerEndpoint,
          SystemEndpoint: data.SystemEndpoint,
          InitialContactId: this.contactId,
          InitiationMethod: data.InitiationMethod,
          InstanceARN: this.resources.instanceArn,
          LanguageCode: this.languageCode,
          PreviousContactId: this.contactId,
          Queue: data.Queue ?? null,
        },
        Parameters: attributes,
      },
    };
    const deadline = Date.now() + limitSeconds * 1000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Timed out after ${limitSeconds} s`)),
        limitSeconds * 1000,
      );
    });
    try {
      const response = await Promise.race([
        atContactTime(this.now(), () =>
          target.handler(
            event,
            lambdaContext(target.name, () => Math.max(0, deadline - Date.now())),
          ),
        ),
        timeout,
      ]);
      const responseType = (parameters.ResponseValidation as { ResponseType?: string } | undefined)
        ?.ResponseType;
      if (!isAcceptedResponse(response, responseType)) {
        finish({ error: 'The response is not a flat map of strings' });
        return { ok: false, message: 'The response is not a flat map of strings' };
      }
      this.external = response as Record<string, unknown>;
      finish({ result: this.external });
      return { ok: true };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      finish({ error: message });
      return { ok: false, message };
    } finally {
      clearTimeout(timer);
    }
  }
}

const isAcceptedResponse = (response: unknown, responseType: string | undefined): boolean => {
  if (response === null || typeof response !== 'object' || Array.isArray(response)) return false;
  if (responseType === 'JSON') return true;
  return Object.values(response).every((value) => typeof value === 'string' || value === null);
};
