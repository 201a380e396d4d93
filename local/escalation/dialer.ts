import { randomUUID } from 'node:crypto';
import type {
  CallOutcome,
  OutboundCall,
  OutboundDialer,
} from '#lambdas/callback-dialer/outbound-dialer.ts';
import { localArn } from '#local/arns.ts';
import { scriptedCaller } from '#local/callers.ts';
import { FlowEngine } from '#local/flow-engine/engine.ts';
import type { ContactResult, EngineResources } from '#local/flow-engine/types.ts';
import type { SimulatedClock } from '#local/sim-clock.ts';

/** How the simulated customer answers a call-back: keys to press, or not picking up. */
export type Answering = (
  call: OutboundCall,
) => { answer: false } | { answer: true; keys?: string[] };

export interface PlacedCall {
  readonly contactId: string;
  readonly call: OutboundCall;
  readonly at: number;
  readonly answered: boolean;
  /** The outbound flow's run, when answered. */
  readonly result?: ContactResult;
  /** Prompt ids the customer heard. */
  readonly heard: string[];
}

/**
 * StartOutboundVoiceContact on this machine: an answered call runs
 * contact-flows/outbound-callback.json in the flow engine with the dialer's attributes (the
 * customer hears the greeting and the reason from the Speech Lambda); an unanswered one rings
 * out. ClientToken is honoured: a repeated token returns the first call.
 */
export class LocalOutboundDialer implements OutboundDialer {
  readonly calls: PlacedCall[] = [];
  private readonly byToken = new Map<string, PlacedCall>();
  private readonly engine: FlowEngine;
  private readonly clock: SimulatedClock;
  /** Replace to script the customer (tests, `npm start -- --callbacks no-answer`). */
  answering: Answering;

  constructor(options: {
    readonly resources: EngineResources;
    readonly clock: SimulatedClock;
    readonly answering?: Answering;
  }) {
    this.engine = new FlowEngine(options.resources);
    this.clock = options.clock;
    this.answering = options.answering ?? (() => ({ answer: true }));
  }

  async place(call: OutboundCall): Promise<{ contactId: string }> {
    const earlier = this.byToken.get(call.clientToken);
    if (earlier) return { contactId: earlier.contactId };
    const pickup = this.answering(call);
    const contactId = randomUUID();
    let result: ContactResult | undefined;
    if (pickup.answer) {
      result = await this.engine.run({
        flowArn: localArn.flow('outbound-callback'),
        customerNumber: call.destination,
        caller: scriptedCaller(pickup.keys ?? []),
        startAt: this.clock.now(),
        initiationMethod: 'API',
        attributes: { ...call.attributes },
      });
    }
    const placed: PlacedCall = {
      contactId: result?.contactId ?? contactId,
      call,
      at: this.clock.nowMs(),
      answered: pickup.answer,
      ...(result && { result }),
      heard: (result?.transcript ?? []).flatMap((event) =>
        event.type === 'prompt' ? [event.promptId ?? event.text] : [],
      ),
    };
    this.calls.push(placed);
    this.byToken.set(call.clientToken, placed);
    return { contactId: placed.contactId };
  }

  async outcome(contactId: string): Promise<CallOutcome> {
    const call = this.calls.find((placed) => placed.contactId === contactId);
    if (!call) throw new Error(`No local call ${contactId}`);
    return call.answered ? 'ANSWERED' : 'NOT_ANSWERED';
  }
}
