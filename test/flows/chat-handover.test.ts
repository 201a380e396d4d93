import { localArn } from '#local/arns.ts';
import { scriptedCaller } from '#local/callers.ts';
import { FlowEngine } from '#local/flow-engine/engine.ts';
import type { EngineResources, QueueSimulation } from '#local/flow-engine/types.ts';
import { CLOSED, freshCaller, OPEN, recordCoverage, resources } from '../support/contact-centre.ts';

/** The chat hand-over flow, as StartChatContact runs it: a CHAT contact with its messages as attributes. */
const chat = async (
  at: string,
  {
    queue,
    engineResources = resources,
    attributes = {},
  }: {
    queue?: QueueSimulation;
    engineResources?: EngineResources;
    attributes?: Record<string, string>;
  } = {},
) => {
  const result = await new FlowEngine(engineResources).run({
    flowArn: localArn.flow('chat-handover'),
    channel: 'CHAT',
    customerNumber: freshCaller(),
    caller: scriptedCaller([]),
    startAt: new Date(at),
    attributes: {
      waitingMessage: 'An agent will be with you shortly.',
      closedMessage: 'Our agents are away; we open at 7.',
      busyMessage: 'All our agents are busy; please try again later.',
      ...attributes,
    },
    ...(queue && { queue }),
  });
  recordCoverage(result.visited);
  const said = result.transcript.flatMap((event) => (event.type === 'prompt' ? [event.text] : []));
  return { ...result, said };
};

describe('chat hand-over flow', () => {
  it('queues a chat within hours on the general queue when self-service chose none', async () => {
    const result = await chat(OPEN, { queue: { answerAfterSeconds: 30 } });
    expect(result.said).toContain('An agent will be with you shortly.');
    expect(result.visited).toEqual(
      expect.arrayContaining(['chat-handover#set-general-queue', 'chat-handover#transfer']),
    );
  });

  it('tells a chat after hours that the agents are away, and ends it', async () => {
    const result = await chat(CLOSED);
    expect(result.said).toEqual(['Our agents are away; we open at 7.']);
  });

  it('queues a request the customer left after hours, for the first agent in, without a message', async () => {
    const result = await chat(CLOSED, { attributes: { handoverReason: 'AFTER_HOURS' } });
    expect(result.disposition.type).toBe('QUEUED');
    expect(result.said).toEqual([]);
    expect(result.visited).toContain('chat-handover#transfer');
  });

  it('ends any other chat after hours, whatever else it asked for', async () => {
    const result = await chat(CLOSED, { attributes: { handoverReason: 'REQUESTED' } });
    expect(result.disposition.type).not.toBe('QUEUED');
    expect(result.said).toEqual(['Our agents are away; we open at 7.']);
  });

  it('tells a chat the agents are busy when the queue is full', async () => {
    const result = await chat(OPEN, { queue: { atCapacity: true } });
    expect(result.said).toEqual([
      'An agent will be with you shortly.',
      'All our agents are busy; please try again later.',
    ]);
  });

  it('answers with the busy message when no queue can be set', async () => {
    const result = await chat(OPEN, { engineResources: { ...resources, queues: new Map() } });
    expect(result.said).toEqual(['All our agents are busy; please try again later.']);
    expect(result.visited).toContain('chat-handover#error');
  });
});
