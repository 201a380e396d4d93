import { connectEvent, lambdaContext } from '../support/connect.ts';
import { captureLogs, uniqueCaller, uniqueDigits } from '../support/data.ts';

// Handlers read the log level when imported: import them only after turning logging on.
process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
const { handler: tracking } = await import('../../lambdas/tracking/handler.ts');
const { createApplicationRepository } = await import(
  '../../lambdas/shared/data/applications.repository.ts'
);
const { documentClient, tableNames } = await import('../support/data.ts');

describe('what handlers log', () => {
  it('logs tracking lock-outs as security events, without the phone or ID number', async () => {
    // Prepare
    const customerNumber = uniqueCaller();
    const applicationNumber = uniqueDigits(8);
    await createApplicationRepository(documentClient, tableNames.serviceData).put({
      applicationNumber,
      serviceId: 'passport',
      status: 'READY',
      centreId: 'nac-001',
      idNumberLast4: '3691',
      updatedAt: '2026-11-20T08:00:00.000Z',
    });
    const track = (idLast4: string) =>
      tracking(
        connectEvent({ applicationNumber, idLast4, lang: 'en' }, { customerNumber }),
        lambdaContext('tracking'),
      );

    // Act
    const logs = await captureLogs(async () => {
      for (const idLast4 of ['1209', '1219', '1229', '1239', '1249', '3691']) await track(idLast4);
    });

    // Assess
    expect(logs).toContain('"securityEvent":"VERIFICATION_LOCKOUT"');
    expect(logs).toContain('"securityEvent":"VERIFICATION_REFUSED_LOCKED_OUT"');
    expect(logs).toContain('"outcome":"LOCKED_OUT"');
    expect(logs).not.toContain(customerNumber.slice(-9));
    expect(logs).not.toMatch(/3691|1209|1219|1229|1239|1249/);
  });
});
