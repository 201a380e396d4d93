import { localArn } from '#local/arns.ts';
import { CLOSED, call, freshCaller } from '../support/contact-centre.ts';
import { callLogItem } from '../support/data.ts';
import { heardIn, LANGUAGES, outcomes } from '../support/journeys.ts';

describe.each(LANGUAGES)('agent flow in $language', ({ key, lang }) => {
  it('offers a call-back when the queue is full, and queues it for the agents', async () => {
    // Prepare
    const from = freshCaller();

    // Act
    const result = await call({ from, keys: [key, '0', '1'], queue: { atCapacity: true } });

    // Assess
    expect(heardIn(result, lang).slice(-5)).toEqual([
      'agent.connecting',
      'agent.queue_full',
      'agent.offer_callback',
      'agent.callback_confirmed_busy',
      'main.goodbye',
    ]);
    expect(result.disposition).toEqual({
      type: 'CALLBACK_REQUESTED',
      queue: 'Call-backs',
      number: from,
    });
    expect(result.attributes).toMatchObject({
      selfService: 'CALLBACK_REQUESTED',
      journey: ',agent,callback:CREATED',
    });
  });

  it('after hours asks a caller whose number is withheld which number to call back', async () => {
    const result = await call({
      from: 'anonymous',
      at: CLOSED,
      keys: [key, '0', '1', '0712345678'],
    });

    expect(heardIn(result, lang)).toEqual(
      expect.arrayContaining([
        'caller.agents_back',
        'main.self_service_now',
        'agent.offer_callback',
        'agent.ask_callback_number',
        'agent.callback_confirmed',
      ]),
    );
    expect(result.disposition).toEqual({
      type: 'CALLBACK_REQUESTED',
      queue: 'Call-backs',
      number: '+254712345678',
    });
  });

  it('apologises and ends the call when the number keyed for the call-back is not a phone number', async () => {
    const result = await call({ from: 'anonymous', at: CLOSED, keys: [key, '0', '1', '12'] });

    expect(heardIn(result, lang).slice(-2)).toEqual(['agent.ask_callback_number', 'main.error']);
    expect(result.transcript.some((event) => event.type === 'callback')).toBe(false);
    expect(result.disposition).toEqual({ type: 'DISCONNECTED', by: 'FLOW' });
  });

  it('offers the call-back twice, then says goodbye when the caller neither accepts nor declines', async () => {
    const result = await call({ at: CLOSED, keys: [key, '0', '_', '5'] });

    expect(heardIn(result, lang).slice(-3)).toEqual([
      'agent.offer_callback',
      'agent.offer_callback',
      'main.goodbye',
    ]);
    expect(result.transcript.some((event) => event.type === 'callback')).toBe(false);
    expect(result.disposition).toEqual({ type: 'DISCONNECTED', by: 'FLOW' });
  });

  it('queues for general enquiries when the queue it was given does not exist', async () => {
    const result = await call({
      flow: 'agent',
      attributes: { lang, agentQueue: localArn.queue('retired') },
    });

    expect(heardIn(result, lang)[0]).toBe('agent.connecting');
    expect(result.disposition).toMatchObject({ type: 'QUEUED', queue: 'General enquiries' });
  });
});

describe.each(LANGUAGES)('customer queue in $language', ({ key, lang }) => {
  it('announces the position, offers a call-back that keeps the place, then plays hold messages', async () => {
    const result = await call({ keys: [key, '0'], queue: { maxWaitSeconds: 100 } });

    const queuePrompts = heardIn(result, lang).filter((id) => id.startsWith('queue.'));
    expect(queuePrompts.slice(0, 4)).toEqual([
      'queue.position',
      'queue.offer_callback',
      'queue.hold',
      'queue.position',
    ]);
    expect(result.callsTo('speech')[0]?.result).toMatchObject({
      outcome: 'OK',
      sayPrompt: 'queue.position',
    });
    expect(result.disposition).toMatchObject({ type: 'QUEUED', queue: 'General enquiries' });
  });

  it('keeps the caller in their place with a call-back on 1', async () => {
    const from = freshCaller();

    const result = await call({ from, keys: [key, '0', '1'] });

    expect(heardIn(result, lang).at(-1)).toBe('queue.callback_confirmed');
    expect(result.disposition).toEqual({
      type: 'CALLBACK_REQUESTED',
      queue: 'General enquiries',
      number: from,
    });
  });
});

describe.each(LANGUAGES)('post-call survey in $language', ({ key, lang }) => {
  it('asks once more after an out-of-range CSAT and NPS, then records both answers', async () => {
    const result = await call({
      keys: [key, '0', '_', '7', '5', '11', '9'],
      queue: { answerAfterSeconds: 10 },
    });

    expect(outcomes(result, 'survey')).toEqual([
      'INVALID_INPUT',
      'RECORDED',
      'INVALID_INPUT',
      'RECORDED',
    ]);
    expect(heardIn(result, lang).slice(-8)).toEqual([
      'survey.intro',
      'survey.ask_csat',
      'survey.invalid_csat',
      'survey.ask_csat',
      'survey.ask_nps',
      'survey.invalid_nps',
      'survey.ask_nps',
      'survey.thanks',
    ]);
    const Item = await callLogItem(result.contactId);
    expect(Item).toMatchObject({ csat: 5, nps: 9 });
  });

  it('thanks the caller after two out-of-range NPS answers without recording one', async () => {
    const result = await call({
      keys: [key, '0', '_', '4', '11', '12'],
      queue: { answerAfterSeconds: 10 },
    });

    expect(outcomes(result, 'survey')).toEqual(['RECORDED', 'INVALID_INPUT', 'INVALID_INPUT']);
    expect(heardIn(result, lang).at(-1)).toBe('survey.thanks');
    const Item = await callLogItem(result.contactId);
    expect(Item).toMatchObject({ csat: 4 });
    expect(Item).not.toHaveProperty('nps');
  });
});
