import { connectEvent, lambdaContext } from '../support/connect.ts';
import { captureLogs, uniqueCaller, uniqueDigits } from '../support/data.ts';

// Handlers read the log level when imported: import them only after turning logging on.
process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
const { localHandler } = await import('#local/handlers.ts');
const tracking = localHandler('tracking');
const pensions = localHandler('pensions');
const complaints = localHandler('complaints');
const survey = localHandler('survey');
const { createApplicationRepository } = await import('#shared/data/applications.repository.ts');
const { documentClient, tableNames } = await import('../support/data.ts');

/** Every way a Kenyan mobile number could appear in a log line. */
const phoneForms = (e164: string) => [e164, e164.slice(1), `0${e164.slice(4)}`, e164.slice(-9)];

const expectNoPhoneNumber = (logs: string, e164: string) => {
  for (const form of phoneForms(e164)) expect(logs).not.toContain(form);
};

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
    expectNoPhoneNumber(logs, customerNumber);
    expect(logs).not.toMatch(/3691|1209|1219|1229|1239|1249/);
  });

  it('logs pension verification, lock-out and requests without the ID or phone number', async () => {
    const customerNumber = uniqueCaller();
    const call = (
      parameters: Record<string, string>,
      contactId?: ReturnType<typeof crypto.randomUUID>,
    ) =>
      pensions(
        connectEvent(parameters, { customerNumber, ...(contactId && { contactId }) }),
        lambdaContext('pensions'),
      );

    const logs = await captureLogs(async () => {
      const contactId = crypto.randomUUID();
      await call(
        { operation: 'verify', pensionNumber: '0000368915', idNumber: '22334455' },
        contactId,
      );
      await call({ operation: 'request', requestType: 'statement' }, contactId);
      for (const idNumber of ['40404041', '40404042', '40404043', '40404044', '40404045'])
        await call({ operation: 'verify', pensionNumber: uniqueDigits(10, '0006'), idNumber });
    });

    expect(logs).toContain('"outcome":"VERIFIED"');
    expect(logs).toContain('"outcome":"CREATED"');
    expect(logs).toContain('"securityEvent":"VERIFICATION_LOCKOUT"');
    expectNoPhoneNumber(logs, customerNumber);
    expect(logs).not.toMatch(/22334455|4040404/);
  });

  it('logs complaints and surveys without the phone number', async () => {
    const customerNumber = uniqueCaller();
    const keyedNumber = uniqueCaller();

    const logs = await captureLogs(async () => {
      const created = await complaints(
        connectEvent(
          { operation: 'create', categoryKey: '1', callbackNumber: `0${keyedNumber.slice(4)}` },
          { customerNumber },
        ),
        lambdaContext('complaints'),
      );
      const statusCalls: Record<string, string>[] = [
        { operation: 'status-code', reference: String(created.reference) },
        { operation: 'status', reference: String(created.reference), code: '000000' },
      ];
      for (const parameters of statusCalls)
        await complaints(connectEvent(parameters, { customerNumber }), lambdaContext('complaints'));
      await survey(
        connectEvent({ question: 'nps', score: '9' }, { customerNumber }),
        lambdaContext('survey'),
      );
    });

    expect(logs).toContain('"outcome":"CREATED"');
    expect(logs).toContain('"outcome":"CODE_SENT"');
    expect(logs).toContain('"outcome":"VERIFICATION_FAILED"');
    expect(logs).toContain('"outcome":"RECORDED"');
    expectNoPhoneNumber(logs, customerNumber);
    expectNoPhoneNumber(logs, keyedNumber);
  });
});
