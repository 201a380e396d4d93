import {
  centreMenuSpeech,
  serviceMenuSpeech,
  slotOfferSpeech,
} from '#lambdas/appointments/menus.ts';
import { appointmentPolicy } from '#lambdas/appointments/policy.ts';
import { deskCalendar, upcomingSlots } from '#lambdas/appointments/slots.ts';
import { catalogueFiles } from '#shared/data/catalogue-files.ts';
import { MAX_CLIPS, renderClips, renderText } from '#shared/speech/render.ts';

describe('appointment menus', () => {
  it('names every county menu within the clips a flow can play', () => {
    for (const county of catalogueFiles.counties) {
      const code = county.code.slice(-2);
      const centres = catalogueFiles.centres.filter((centre) => centre.countyCode === county.code);
      expect({ code, fits: centres.length <= appointmentPolicy.menuSize }).toEqual({
        code,
        fits: true,
      });
      const speech = centreMenuSpeech(
        code,
        centres.map((centre) => ({ key: centre.numberInCounty, prompt: `centre.${centre.id}` })),
      );
      expect(renderClips(speech, 'sw').length).toBeLessThanOrEqual(MAX_CLIPS);
    }
  });

  it('speaks the Nairobi centres with their numbers in the county', () => {
    const speech = centreMenuSpeech('47', [
      { key: 1, prompt: 'centre.nac-001' },
      { key: 2, prompt: 'centre.nac-002' },
    ]);
    expect(renderText(speech, 'en')).toBe(
      'Huduma Centres in Nairobi County: Press 1 for GPO Huduma Centre. Press 2 for City Square Huduma Centre.',
    );
    expect(renderText(speech, 'sw')).toBe(
      'Vituo vya Huduma katika Kaunti ya Nairobi: Bonyeza moja kwa Kituo cha Huduma cha GPO. Bonyeza mbili kwa Kituo cha Huduma cha City Square.',
    );
  });

  it('fits a full page of services in Kiswahili clips', () => {
    const services = catalogueFiles.services.slice(0, appointmentPolicy.menuSize);
    const speech = serviceMenuSpeech(
      services.map((service, index) => ({ key: index + 1, prompt: `service.${service.id}` })),
      { page: 1, pageCount: 2 },
    );
    const clips = renderClips(speech, 'sw');
    expect(clips).toHaveLength(2 + 2 * appointmentPolicy.menuSize);
    expect(clips.length).toBeLessThanOrEqual(MAX_CLIPS);
    expect(clips.map((clip) => clip.id).slice(0, 3)).toEqual([
      'appointments.services.intro',
      'appointments.press.1',
      `service.${services[0]!.id}`,
    ]);
    expect(clips.at(-1)?.id).toBe('appointments.menu.more');
  });

  it.each([
    [1, 1, 'To hear these choices again, press 8.'],
    [2, 2, 'To hear these choices again, press 8. To go back to the first choices, press 9.'],
    [1, 3, 'For more choices, press 9.'],
  ])('ends page %i of %i with "%s"', (page, pageCount, outro) => {
    const speech = serviceMenuSpeech([{ key: 1, prompt: 'service.passport' }], { page, pageCount });

    expect(renderText(speech, 'en').endsWith(` ${outro}`)).toBe(true);
  });

  it('offers three slots as "press 1 for Tuesday 1 December at 09:00" within 16 clips', () => {
    const calendar = deskCalendar(
      { extendedHours: false, hours: { weekday: '08:00-17:00', tz: 'Africa/Nairobi' } },
      'passport',
      appointmentPolicy,
      [],
    );
    const slots = upcomingSlots(calendar, new Date('2026-12-01T08:55:00+03:00')).slice(0, 3);
    const speech = slotOfferSpeech(slots, true);
    expect(renderText(speech, 'en')).toBe(
      'Press 1 for Tuesday 1 December at 09:00. Press 2 for Tuesday 1 December at 09:30. Press 3 for Tuesday 1 December at 10:00. For later times, press 9.',
    );
    expect(renderText(speech, 'sw')).toBe(
      'Bonyeza moja kwa Jumanne tarehe moja Desemba saa tatu asubuhi. Bonyeza mbili kwa Jumanne tarehe moja Desemba saa tatu na nusu asubuhi. Bonyeza tatu kwa Jumanne tarehe moja Desemba saa nne asubuhi. Kwa nyakati za baadaye, bonyeza tisa.',
    );
    expect(renderClips(speech, 'sw')).toHaveLength(MAX_CLIPS);
  });
});
