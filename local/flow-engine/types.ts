import type { Context } from 'aws-lambda';
import type { Channel, FlowAction, FlowDocument, FlowType } from '#flows/language/flow.schema.ts';
import type { OpeningHours } from '#shared/hours.ts';

/** What the caller hears (or reads, on chat): a prompt with its catalogue id when known. */
export interface SpokenPrompt {
  readonly action: string;
  readonly promptId?: string;
  readonly text: string;
  /** How Connect would play it: TTS text, a recorded prompt, or audio from S3. */
  readonly source: 'tts' | 'prompt' | 'audio';
}

/** Where in the contact the caller is when asked for input. */
export type ContactPhase = 'ivr' | 'queue' | 'after-agent';

export interface InputRequest {
  readonly action: string;
  readonly phase: ContactPhase;
  readonly timeoutSeconds: number;
  /** Stored input (a number) rather than a single menu key. */
  readonly stored: boolean;
  readonly maxDigits?: number;
  readonly terminator?: string;
}

export type CallerInput =
  | { readonly kind: 'digits'; readonly digits: string }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'hangup' };

/** The person (or script) on the other end of the line. */
export interface Caller {
  hear?(prompt: SpokenPrompt): void;
  input(request: InputRequest): Promise<CallerInput>;
}

export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

export interface LoadedFlow {
  readonly id: string;
  readonly arn: string;
  /** Flow type; modules are entered with InvokeFlowModule and return with EndFlowModuleExecution. */
  readonly type: FlowType | 'MODULE';
  readonly document: FlowDocument;
}

export interface LocalQueue {
  readonly id: string;
  readonly name: string;
  /** ARN of the hours CheckHoursOfOperation uses when the flow names none. */
  readonly hoursArn?: string;
}

/** Everything the engine needs to run flows: flows, handlers, queues, hours and prompts, by ARN. */
export interface EngineResources {
  readonly instanceArn: string;
  readonly flows: ReadonlyMap<string, LoadedFlow>;
  /** In-process Lambda handlers by function ARN. */
  readonly lambdas: ReadonlyMap<string, { readonly name: string; readonly handler: LambdaHandler }>;
  readonly queues: ReadonlyMap<string, LocalQueue>;
  readonly hours: ReadonlyMap<string, OpeningHours>;
  /** The local stand-in for a resource placeholder (a Lambda, queue, hours or flow ARN). */
  resolveResource(name: string): string;
  /** Catalogue text of a prompt, and the prompt id behind a recorded-audio location. */
  readonly prompts: {
    text(promptId: string, lang: 'en' | 'sw'): string | undefined;
    audioUri(promptId: string): string;
    idFromAudioUri(uri: string): string | undefined;
  };
  /**
   * For flows from other projects: stand-ins for resources this repository does not have.
   * Their Lambdas answer with `lambda`, their queues exist, their hours are always open.
   */
  readonly stubs?: { readonly lambda: LambdaHandler };
}

/** How the simulated contact centre behaves while a contact waits in a queue. */
export interface QueueSimulation {
  /** Contacts already waiting when this one joins. @default 2 */
  readonly contactsAhead?: number;
  /** Agents staffed (logged in) and available. @default 3 staffed, 0 available */
  readonly agentsStaffed?: number;
  readonly agentsAvailable?: number;
  /** Seconds in queue before an agent answers; nobody answers when omitted. */
  readonly answerAfterSeconds?: number;
  /** The queue is full: TransferContactToQueue takes its QueueAtCapacity branch. */
  readonly atCapacity?: boolean;
  /** Seconds the simulation watches a waiting contact before it stops. @default 1800 */
  readonly maxWaitSeconds?: number;
  /** The agent who answers. */
  readonly agent?: {
    readonly username?: string;
    readonly talkSeconds?: number;
    readonly holdSeconds?: number;
    readonly afterContactWorkSeconds?: number;
  };
}

export interface ActionStarted {
  /** The flow's id (its ARN for a flow the resources name so). */
  readonly flow: string;
  readonly flowArn: string;
  readonly action: { readonly Identifier: string; readonly Type: string };
  /** The flow data JSONPath reads now: `$.Attributes`, `$.External`, system attributes. */
  readonly data: () => Record<string, unknown>;
}

export interface ContactOptions {
  readonly flowArn: string;
  readonly caller: Caller;
  readonly customerNumber: string;
  readonly systemNumber?: string;
  /** When the contact starts; the engine then advances its own clock. @default now */
  readonly startAt?: Date;
  readonly initiationMethod?: 'INBOUND' | 'OUTBOUND' | 'CALLBACK' | 'API';
  /** The contact's channel (`$.Channel`): blocks that do not run on it take their error branch. @default 'VOICE' */
  readonly channel?: Channel;
  /**
   * The working queue the contact arrives with (a queue-transfer flow's quick connect, or the
   * queue a customer queue flow runs for). A flow of type CUSTOMER_QUEUE starts with the contact in it.
   */
  readonly targetQueueArn?: string;
  readonly attributes?: Record<string, string>;
  readonly queue?: QueueSimulation;
  /**
   * Called as each action starts, with the flow data it reads (live): what the Testing-language
   * runner observes as FlowActionStarted and asserts on.
   */
  readonly onActionStarted?: (started: ActionStarted) => void;
  /**
   * An error this action raises instead of running (its error branch), if any: a test case's
   * OverrideSystemBehavior MockResponse of type Error (e.g. QueueAtCapacity on a transfer).
   */
  readonly injectError?: (action: FlowAction, data: Record<string, unknown>) => string | undefined;
  /** Random number source for DistributeByPercentage. @default Math.random */
  readonly random?: () => number;
}

export type TranscriptEvent =
  | ({ readonly type: 'prompt' } & SpokenPrompt)
  | { readonly type: 'input'; readonly action: string; readonly input: CallerInput }
  | {
      readonly type: 'lambda';
      readonly action: string;
      readonly function: string;
      readonly parameters: Record<string, string>;
      readonly result?: Record<string, unknown>;
      readonly error?: string;
      readonly durationMs: number;
    }
  | {
      readonly type: 'attributes';
      readonly action: string;
      readonly changes: Record<string, string>;
    }
  | { readonly type: 'flow'; readonly action: string; readonly flow: string }
  | {
      readonly type: 'error';
      readonly action: string;
      readonly errorType: string;
      readonly message?: string;
    }
  | {
      readonly type: 'queue';
      readonly event: 'ENQUEUED' | 'DEQUEUED';
      readonly queue: string;
      readonly at: string;
    }
  | {
      readonly type: 'agent';
      readonly event: 'CONNECTED' | 'DISCONNECTED';
      readonly agent: string;
      readonly at: string;
    }
  | { readonly type: 'callback'; readonly queue: string; readonly number: string };

/** How the contact ended. */
export type Disposition =
  | { readonly type: 'DISCONNECTED'; readonly by: 'FLOW' | 'CUSTOMER' }
  /** Still waiting for an agent when the simulation stopped watching. */
  | {
      readonly type: 'QUEUED';
      readonly queue: string;
      readonly queueArn: string;
      readonly waitSeconds: number;
    }
  | {
      readonly type: 'ANSWERED';
      readonly queue: string;
      readonly agent: string;
      readonly waitSeconds: number;
    }
  | { readonly type: 'ABANDONED'; readonly queue: string; readonly waitSeconds: number }
  | { readonly type: 'CALLBACK_REQUESTED'; readonly queue: string; readonly number: string }
  | { readonly type: 'ENDED'; readonly reason: string };

/** A contact trace record in Amazon Connect's shape (the fields the platform reads). */
export interface ContactTraceRecord {
  readonly AWSAccountId: string;
  readonly AWSContactTraceRecordFormatVersion: '2017-03-10';
  readonly Agent: {
    readonly ARN: string;
    readonly Username: string;
    readonly ConnectedToAgentTimestamp: string;
    readonly AgentInteractionDuration: number;
    readonly CustomerHoldDuration: number;
    readonly NumberOfHolds: number;
    readonly LongestHoldDuration: number;
    readonly AfterContactWorkStartTimestamp: string;
    readonly AfterContactWorkEndTimestamp: string;
    readonly AfterContactWorkDuration: number;
    readonly RoutingProfile: { readonly ARN: string; readonly Name: string };
    readonly HierarchyGroups: null;
  } | null;
  readonly AgentConnectionAttempts: number;
  readonly Attributes: Record<string, string>;
  readonly Channel: Channel;
  readonly ConnectedToSystemTimestamp: string;
  readonly ContactId: string;
  readonly CustomerEndpoint: { readonly Address: string; readonly Type: 'TELEPHONE_NUMBER' };
  readonly DisconnectReason: string;
  readonly DisconnectTimestamp: string;
  readonly InitialContactId: string | null;
  readonly InitiationMethod: string;
  readonly InitiationTimestamp: string;
  readonly InstanceARN: string;
  readonly LastUpdateTimestamp: string;
  readonly NextContactId: string | null;
  readonly PreviousContactId: string | null;
  readonly Queue: {
    readonly ARN: string;
    readonly Name: string;
    readonly EnqueueTimestamp: string;
    readonly DequeueTimestamp: string | null;
    readonly Duration: number;
  } | null;
  readonly Recording: null;
  readonly SystemEndpoint: { readonly Address: string; readonly Type: 'TELEPHONE_NUMBER' };
  readonly TransferCompletedTimestamp: null;
  readonly TransferredToEndpoint: null;
}

export interface ContactResult {
  readonly contactId: string;
  readonly attributes: Record<string, string>;
  readonly transcript: TranscriptEvent[];
  readonly disposition: Disposition;
  readonly contactTraceRecord: ContactTraceRecord;
  /** Every action that ran, as `<flow id>#<action id>`: the raw material of flow coverage. */
  readonly visited: readonly string[];
}
