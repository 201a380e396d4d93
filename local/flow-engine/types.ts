import type { Context } from 'aws-lambda';

/** What the caller hears (or reads, on chat): a prompt with its catalogue id when known. */
export interface SpokenPrompt {
  readonly action: string;
  readonly promptId?: string;
  readonly text: string;
  /** How Connect would play it: TTS text, a recorded prompt, or audio from S3. */
  readonly source: 'tts' | 'prompt' | 'audio';
}

export interface InputRequest {
  readonly action: string;
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
    };

/** How the contact left the flows. */
export type Disposition =
  | { readonly type: 'DISCONNECTED'; readonly by: 'FLOW' | 'CUSTOMER' }
  | { readonly type: 'QUEUED'; readonly queue: string; readonly queueArn: string }
  | { readonly type: 'ENDED'; readonly reason: string };
