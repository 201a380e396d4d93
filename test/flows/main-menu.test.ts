import { CLOSED, call, freshCaller } from '../support/contact-centre.ts';
import { heardIn, LANGUAGES, outcomes, withoutFlow } from '../support/journeys.ts';

describe.each(LANGUAGES)('main flow and menu in $language', ({ key, lang }) => {
  it('after hours says when agents are back, from the configured hours, then still offers self-service', async () => {
    // Act
    const result = await call({ at: CLOSED, keys: [key, '2'] });

    // Assess
    const heard = heardIn(result, lang);
    expect(heard).toEqual(
      expect.arrayContaining([
        'caller.agents_back',
        'main.self_service_now',
        'main.menu',
        'tracking.ask_number',
      ]),
    );
    expect(heard.indexOf('caller.agents_back')).toBeLessThan(heard.indexOf('main.menu'));
    // 22:00 on Tuesday 1 December: back at the next opening, 07:00 the next morning.
    const [, told] = result.callsTo('caller-context');
    expect(told?.result?.say).toBe(
      lang === 'en'
        ? 'Our agents are not available right now. They will be back on Wednesday 2 December at 07:00.'
        : 'Mawakala wetu hawapatikani kwa sasa. Watapatikana tena Jumatano tarehe mbili Desemba saa moja asubuhi.',
    );
  });

  it('re-prompts after a silence and a wrong key, and still takes a choice on the third try', async () => {
    const result = await call({ keys: [key, '_', '6', '2'] });

    expect(heardIn(result, lang).slice(-6)).toEqual([
      'main.menu',
      'main.no_choice',
      'main.menu',
      'main.invalid_choice',
      'main.menu',
      'tracking.ask_number',
    ]);
  });

  it('offers a caller with an open complaint to hear its status at once', async () => {
    // Prepare
    const from = freshCaller();
    const lodged = await call({ from, keys: [key, '4', '1', '2', '1', '#', '1'] });

    // Act
    const result = await call({ from, keys: [key, '1', 'sms'] });

    // Assess: the reference is never in the flow before the code sent by SMS is keyed.
    expect(heardIn(result, lang)).toEqual(
      expect.arrayContaining(['caller.open_complaint', 'complaints.status.open']),
    );
    if (lang === 'sw') expect(result.heard).toContain('main.choose_now');
    expect(result.callsTo('complaints')[0]?.parameters).toMatchObject({ operation: 'status-code' });
    expect(result.callsTo('complaints')[0]?.parameters).not.toHaveProperty('reference');
    expect(result.callsTo('complaints')[1]?.result).toMatchObject({
      outcome: 'FOUND',
      reference: lodged.attributes.reference,
    });
    expect(outcomes(result, 'complaints')).toEqual(['CODE_SENT', 'FOUND']);
  });

  it('apologises and ends the call when the menu flow cannot be reached', async () => {
    const result = await call({ keys: [key], engineResources: withoutFlow('menu') });

    expect(heardIn(result, lang).at(-1)).toBe('main.error');
    expect(result.heard).not.toContain('main.menu');
    expect(result.disposition).toEqual({ type: 'DISCONNECTED', by: 'FLOW' });
  });

  it('apologises and ends the call when the chosen service flow cannot be reached', async () => {
    const result = await call({ keys: [key, '2'], engineResources: withoutFlow('tracking') });

    expect(heardIn(result, lang).slice(-2)).toEqual(['main.menu', 'main.error']);
    expect(result.attributes.journey).toBe(',tracking');
    expect(result.disposition).toEqual({ type: 'DISCONNECTED', by: 'FLOW' });
  });
});
