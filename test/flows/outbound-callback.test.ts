import { localArn } from '#local/arns.ts';
import { call } from '../support/contact-centre.ts';
import { heardIn, LANGUAGES, withoutQueue } from '../support/journeys.ts';

const dialled = (lang: string, attributes: Record<string, string> = {}) => ({
  flow: 'outbound-callback',
  initiationMethod: 'OUTBOUND' as const,
  attributes: {
    lang,
    callbackPrompt: 'outbound.callback_requested',
    agentQueue: localArn.queue('complaints'),
    ...attributes,
  },
});

describe.each(LANGUAGES)('outbound call-back flow in $language', ({ lang }) => {
  it('greets, gives the reason, repeats it on 9 and connects to the queue the dialer chose on 1', async () => {
    // Act
    const result = await call({ ...dialled(lang), keys: ['9', '1'] });

    // Assess
    expect(heardIn(result, lang)).toEqual([
      'outbound.greeting',
      'outbound.callback_requested',
      'outbound.options',
      'outbound.callback_requested',
      'outbound.options',
    ]);
    expect(result.callsTo('speech')[0]?.parameters).toMatchObject({
      prompt: 'outbound.callback_requested',
      lang,
    });
    expect(result.disposition).toMatchObject({ type: 'QUEUED', queue: 'Complaints' });
  });

  it('still greets and offers an agent when the reason cannot be rendered', async () => {
    const result = await call({
      ...dialled(lang, { callbackPrompt: 'no.such.prompt' }),
      keys: ['_'],
    });

    expect(result.callsTo('speech')[0]?.error).toEqual(expect.any(String));
    expect(heardIn(result, lang)).toEqual([
      'outbound.greeting',
      'outbound.callback_requested',
      'outbound.options',
      'main.goodbye',
    ]);
    expect(result.disposition).toEqual({ type: 'DISCONNECTED', by: 'FLOW' });
  });

  it('offers the options once more after a wrong key, then says goodbye', async () => {
    const result = await call({ ...dialled(lang), keys: ['5', '7'] });

    expect(heardIn(result, lang).slice(-3)).toEqual([
      'outbound.options',
      'outbound.options',
      'main.goodbye',
    ]);
    expect(result.disposition).toEqual({ type: 'DISCONNECTED', by: 'FLOW' });
  });

  it('queues for general enquiries when the queue the dialer set does not exist', async () => {
    const result = await call({
      ...dialled(lang, { agentQueue: localArn.queue('retired') }),
      keys: ['1'],
    });

    expect(result.disposition).toMatchObject({ type: 'QUEUED', queue: 'General enquiries' });
  });

  it('queues a call-back to the number dialled when no agent can take the call', async () => {
    const result = await call({ ...dialled(lang), keys: ['1'], queue: { atCapacity: true } });

    expect(heardIn(result, lang).slice(-3)).toEqual([
      'agent.queue_full',
      'agent.callback_confirmed_busy',
      'main.goodbye',
    ]);
    expect(result.disposition).toMatchObject({ type: 'CALLBACK_REQUESTED', queue: 'Call-backs' });
  });

  it('apologises and ends the call when even the call-back cannot be queued', async () => {
    const result = await call({
      ...dialled(lang),
      keys: ['1'],
      queue: { atCapacity: true },
      engineResources: withoutQueue('callbacks'),
    });

    expect(heardIn(result, lang).slice(-2)).toEqual(['agent.queue_full', 'main.error']);
    expect(result.disposition).toEqual({ type: 'DISCONNECTED', by: 'FLOW' });
  });
});
