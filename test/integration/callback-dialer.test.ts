import { DialerThrottledError } from '#lambdas/callback-dialer/outbound-dialer.ts';
import { createTicketRepository } from '#shared/data/tickets.repository.ts';
import { documentClient, tableNames } from '../support/data.ts';
import {
  api,
  callbacksFor,
  callsFor,
  HOUR,
  lodgeComplaint,
  MINUTE,
  startEscalation,
  stopEscalations,
} from '../support/escalation.ts';

const tickets = createTicketRepository(documentClient, tableNames.tickets);
const TUESDAY_10AM = '2026-12-01T10:00:00+03:00';
const TIMEOUT = 60_000;

describe('call-back dialer', () => {
  afterEach(stopEscalations);

  it(
    'backs off and tries again when Connect throttles StartOutboundVoiceContact, placing the call once',
    async () => {
      // Arrange
      const escalation = await startEscalation(TUESDAY_10AM);
      const { reference } = await lodgeComplaint(escalation);
      const place = escalation.dialer.place.bind(escalation.dialer);
      let throttles = 2;
      escalation.dialer.place = async (call) => {
        if (call.attributes.reference === reference && throttles-- > 0)
          throw new DialerThrottledError();
        return place(call);
      };

      // Act
      await api(escalation, 'agency-immigration', 'POST', `/tickets/${reference}/resolve`, {
        body: { resolution: 'Released.' },
      });
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
    TIMEOUT,
  );

  it(
    'drops a queued call-back when the ticket was reopened before the call',
    async () => {
      // Arrange: resolved after closing, so the call waits for the morning.
      const escalation = await startEscalation('2026-12-01T20:00:00+03:00');
      const { reference } = await lodgeComplaint(escalation);
      await api(escalation, 'agency-immigration', 'POST', `/tickets/${reference}/resolve`, {
        body: { resolution: 'Released.' },
      });

      // Act
      await api(escalation, 'supervisor-demo', 'POST', `/tickets/${reference}/reopen`, {
        body: { reason: 'Not released after all.' },
      });
      await escalation.advanceBy(14 * HOUR);

      // Assess
      expect(callsFor(escalation, reference)).toEqual([]);
      expect(callbacksFor(escalation, reference).waiting).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'calls the number on the ticket in the ticket language, with the resolved prompt for the outbound flow',
    async () => {
      const escalation = await startEscalation(TUESDAY_10AM);
      const { reference } = await lodgeComplaint(escalation, { lang: 'sw' });
      await api(escalation, 'agency-immigration', 'POST', `/tickets/${reference}/resolve`, {
        body: { resolution: 'Imetolewa.' },
      });
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
    TIMEOUT,
  );
});
