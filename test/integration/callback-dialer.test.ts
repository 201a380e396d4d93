import { DialerThrottledError } from '#lambdas/callback-dialer/outbound-dialer.ts';
import {
  api,
  callbacksFor,
  callsFor,
  complaintEscalation,
  ESCALATION_TIMEOUT,
  HOUR,
  MINUTE,
  resolveTicket,
  stopEscalations,
  tickets,
} from '../support/escalation.ts';

const TUESDAY_10AM = '2026-12-01T10:00:00+03:00';

describe('call-back dialer', () => {
  afterEach(stopEscalations);

  it(
    'backs off and tries again when Connect throttles StartOutboundVoiceContact, placing the call once',
    async () => {
      // Arrange
      const { escalation, reference } = await complaintEscalation(TUESDAY_10AM);
      const place = escalation.dialer.place.bind(escalation.dialer);
      let throttles = 2;
      escalation.dialer.place = async (call) => {
        if (call.attributes.reference === reference && throttles-- > 0)
          throw new DialerThrottledError();
        return place(call);
      };

      // Act
      await resolveTicket(escalation, reference, 'Released.');
      await escalation.advanceBy(15 * MINUTE);

      // Assess
      expect(callsFor(escalation, reference)).toHaveLength(1);
      const callbacks = callbacksFor(escalation, reference);
      const retries = callbacks.sent.filter(
        ({ body, delaySeconds }) => body.kind === 'dial' && delaySeconds > 0,
      );
      expect(retries.length).toBeGreaterThanOrEqual(2);
      expect(callbacks.deadLetters).toEqual([]);
      expect((await tickets.get(reference))?.callback).toMatchObject({ status: 'ANSWERED' });
    },
    ESCALATION_TIMEOUT,
  );

  it(
    'drops a queued call-back when the ticket was reopened before the call',
    async () => {
      // Arrange: resolved after closing, so the call waits for the morning.
      const { escalation, reference } = await complaintEscalation('2026-12-01T20:00:00+03:00');
      await resolveTicket(escalation, reference, 'Released.');

      // Act
      await api(escalation, 'supervisor-demo', 'POST', `/tickets/${reference}/reopen`, {
        body: { reason: 'Not released after all.' },
      });
      await escalation.advanceBy(14 * HOUR);

      // Assess
      expect(callsFor(escalation, reference)).toEqual([]);
      expect(callbacksFor(escalation, reference).waiting).toEqual([]);
    },
    ESCALATION_TIMEOUT,
  );

  it(
    'calls the number on the ticket in the ticket language, with the resolved prompt for the outbound flow',
    async () => {
      const { escalation, reference } = await complaintEscalation(TUESDAY_10AM, {
        complaint: { lang: 'sw' },
      });
      await resolveTicket(escalation, reference, 'Imetolewa.');
      await escalation.settle();

      const [call] = callsFor(escalation, reference);
      expect(call?.call.attributes).toMatchObject({
        lang: 'sw',
        callbackPrompt: 'complaints.resolved_callback',
        reference,
      });
      // The Kiswahili caller hears the recorded clips of the same prompt.
      expect(call?.heard.some((id) => id.startsWith('complaints.resolved_callback'))).toBe(true);
    },
    ESCALATION_TIMEOUT,
  );
});
