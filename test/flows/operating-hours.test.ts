import { environments, withOperatingHours } from '#lib/config/environments.ts';
import { loadLocalResources } from '#local/resources.ts';
import { call, resources } from '../support/contact-centre.ts';
import { heardIn } from '../support/journeys.ts';

/** 02:00 in Nairobi: closed on 12 hours, the night shift's on 24. */
const NIGHT = '2026-12-02T02:00:00+03:00';

describe('opening hours from configuration', () => {
  it('on 12 hours, a call at 02:00 hears that agents are off and still gets self-service', async () => {
    const twelve = await loadLocalResources({
      config: withOperatingHours(environments.dev, '12 h'),
    });

    const result = await call({ at: NIGHT, keys: ['1', '2'], engineResources: twelve });

    expect(heardIn(result, 'en')).toEqual(
      expect.arrayContaining([
        'caller.agents_back',
        'main.self_service_now',
        'main.menu',
        'tracking.ask_number',
      ]),
    );
    // The default environment is the 12-hour one, as deployed today.
    expect(resources.hours).toEqual(twelve.hours);
  });

  it('on 12 hours, asking for an agent at 02:00 offers a call-back instead of the queue', async () => {
    const twelve = await loadLocalResources({
      config: withOperatingHours(environments.dev, '12 h'),
    });

    const result = await call({
      from: 'anonymous',
      at: NIGHT,
      keys: ['1', '0', '1', '0712345678'],
      engineResources: twelve,
    });

    expect(heardIn(result, 'en')).toEqual(expect.arrayContaining(['caller.agents_back']));
    expect(result.disposition).toMatchObject({ type: 'CALLBACK_REQUESTED', queue: 'Call-backs' });
  });

  it('on 24 hours, a call at 02:00 is not told agents are off and reaches the queue', async () => {
    const twentyFour = await loadLocalResources({
      config: withOperatingHours(environments.dev, '24 h'),
    });

    const result = await call({ at: NIGHT, keys: ['1', '0'], engineResources: twentyFour });

    expect(heardIn(result, 'en')).not.toContain('main.self_service_now');
    expect(heardIn(result, 'en')).toContain('agent.connecting');
    expect(result.disposition).toMatchObject({ type: 'QUEUED', queue: 'General enquiries' });
  });
});
