import { randomUUID } from 'node:crypto';
import { kinesisEventOf } from '#local/contact-records.ts';
import { localHandler } from '#local/handlers.ts';
import { createCallLogRepository } from '#shared/data/call-logs.repository.ts';
import { answerSurvey } from '../support/analytics.ts';
import { lambdaContext } from '../support/connect.ts';
import { contactRecord, deliver, kinesisEvent } from '../support/contact-records.ts';
import { callLogItem, documentClient, tableNames } from '../support/data.ts';

const callLogs = createCallLogRepository(documentClient, tableNames.callLogs);

/** A record a minute later than the published one: the same contact, a newer version. */
const later = (record: Record<string, unknown>, changes: Record<string, unknown> = {}) => ({
  ...record,
  LastUpdateTimestamp: '2022-04-08T15:04:02Z',
  ...changes,
});

describe('call-log writer (Kinesis consumer)', () => {
  it('writes one call log from a contact trace record, found by day and by agent', async () => {
    // Prepare
    const record = contactRecord({
      Agent: { ...contactRecord().Agent!, Username: `agent-${randomUUID()}` },
    });
    const contactId = record.ContactId as string;
    const agent = (record.Agent as { Username: string }).Username;

    // Act
    const response = await deliver(record);

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    const log = await callLogs.get(contactId);
    expect(log).toMatchObject({
      contactId,
      outcome: 'ANSWERED',
      day: '2022-04-08',
      queueName: 'BasicQueue',
      queueWaitSeconds: 7,
      agentUsername: agent,
      handleSeconds: 65,
      disconnectReason: 'CUSTOMER_DISCONNECT',
      expiresAt: Date.parse('2022-04-08T14:59:38Z') / 1000 + 90 * 86_400,
    });
    // The day and an agent's day read only what their reports (and the forecast) use of a contact.
    expect(
      (await callLogs.listByDay('2022-04-08')).find((item) => item.contactId === contactId),
    ).toEqual({
      contactId,
      day: '2022-04-08',
      channel: log?.channel,
      initiationMethod: log?.initiationMethod,
      outcome: 'ANSWERED',
      initiatedAt: log?.initiatedAt,
      enqueuedAt: log?.enqueuedAt,
      ivrPath: log?.ivrPath,
      queueWaitSeconds: 7,
      agentUsername: agent,
      handleSeconds: 65,
    });
    expect(await callLogs.listByAgentDay(agent, '2022-04-08')).toEqual([
      {
        contactId,
        initiatedAt: log?.initiatedAt,
        outcome: 'ANSWERED',
        agentUsername: agent,
        queueName: 'BasicQueue',
        queueWaitSeconds: 7,
        talkSeconds: log?.talkSeconds,
        holdSeconds: log?.holdSeconds,
        afterContactWorkSeconds: log?.afterContactWorkSeconds,
        handleSeconds: 65,
      },
    ]);
    expect(await callLogItem(contactId)).toMatchObject({
      gsi1pk: 'DAY#2022-04-08',
      gsi1sk: `2022-04-08T14:59:38.000Z#${contactId}`,
      gsi2pk: `AGENT#${agent}#2022-04-08`,
    });
  });

  it('keeps one item when the same record arrives twice, in one batch and in a later one', async () => {
    const record = contactRecord();
    const contactId = record.ContactId as string;

    await deliver(record, record);
    const first = await callLogItem(contactId);
    const again = await deliver(record);

    expect(again).toEqual({ batchItemFailures: [] });
    expect(await callLogItem(contactId)).toEqual(first);
  });

  it('keeps the newest version when an older record arrives after it', async () => {
    const older = contactRecord();
    const newer = later(older, {
      Agent: { ...(older.Agent as object), AfterContactWorkDuration: 90 },
    });

    await deliver(newer);
    await deliver(older);

    expect(await callLogs.get(older.ContactId as string)).toMatchObject({
      lastUpdatedAt: '2022-04-08T15:04:02.000Z',
      afterContactWorkSeconds: 90,
      handleSeconds: 123,
    });
  });

  it('replaces an older version with a newer one, removing what the newer no longer has', async () => {
    const older = contactRecord({
      Attributes: { intent: 'tracking', journey: ',tracking,agent' },
    });
    const newer = later(older, { Attributes: { journey: ',tracking,agent' }, Agent: null });

    await deliver(older);
    await deliver(newer);

    const item = await callLogItem(older.ContactId as string);
    expect(item).toMatchObject({ outcome: 'ABANDONED', ivrPath: ['tracking', 'agent'] });
    expect(item).not.toHaveProperty('intent');
    expect(item).not.toHaveProperty('agentUsername');
    expect(item).not.toHaveProperty('gsi2pk');
  });

  it('keeps survey answers recorded before the contact trace record arrives', async () => {
    const record = contactRecord();
    const contactId = record.ContactId as string;

    await answerSurvey(contactId, 'csat', '5');
    await answerSurvey(contactId, 'nps', '9');
    await deliver(record);
    await deliver(later(record));

    expect(await callLogs.get(contactId)).toMatchObject({
      outcome: 'ANSWERED',
      csat: 5,
      nps: 9,
      lastUpdatedAt: '2022-04-08T15:04:02.000Z',
      // The record's retention, not the survey's "now + 90 days".
      expiresAt: Date.parse('2022-04-08T14:59:38Z') / 1000 + 90 * 86_400,
    });
  });

  it('merges survey answers recorded after the contact trace record', async () => {
    const record = contactRecord();
    const contactId = record.ContactId as string;

    await deliver(record);
    await answerSurvey(contactId, 'csat', '2');

    expect(await callLogs.get(contactId)).toMatchObject({
      outcome: 'ANSWERED',
      agentUsername: 'admin1',
      csat: 2,
      expiresAt: Date.parse('2022-04-08T14:59:38Z') / 1000 + 90 * 86_400,
    });
  });

  it('keeps one item per contact across a call-back: the request and the call-back it became', async () => {
    const original = contactRecord({
      Agent: null,
      NextContactId: randomUUID(),
      Attributes: { selfService: 'CALLBACK_REQUESTED', journey: ',agent,callback:CREATED' },
    });
    const callback = contactRecord({
      ContactId: original.NextContactId,
      InitiationMethod: 'CALLBACK',
      PreviousContactId: original.ContactId,
      InitialContactId: original.ContactId,
    });

    await deliver(callback, original);

    expect(await callLogs.get(original.ContactId as string)).toMatchObject({
      outcome: 'CALLBACK_REQUESTED',
      nextContactId: callback.ContactId,
      ivrPath: ['agent', 'callback:CREATED'],
    });
    expect(await callLogs.get(callback.ContactId as string)).toMatchObject({
      outcome: 'ANSWERED',
      initiationMethod: 'CALLBACK',
      previousContactId: original.ContactId,
    });
  });

  it('reports only the records it could not process, and writes the others', async () => {
    const good = contactRecord();
    const alsoGood = contactRecord();
    const event = kinesisEvent([good, 'not json at all', { hello: 'world' }, alsoGood]);
    const [, notJson, notRecord] = event.Records;

    const response = await localHandler('call-logs')(event, lambdaContext('call-logs'));

    expect(response).toEqual({
      batchItemFailures: [
        { itemIdentifier: notJson!.kinesis.sequenceNumber },
        { itemIdentifier: notRecord!.kinesis.sequenceNumber },
      ],
    });
    expect(await callLogs.get(good.ContactId as string)).toBeDefined();
    expect(await callLogs.get(alsoGood.ContactId as string)).toBeDefined();
  });

  it('is fed locally in the same shape as the published Kinesis event', () => {
    const published = kinesisEvent([contactRecord()]).Records[0]!;
    const local = kinesisEventOf([contactRecord()]).Records[0]!;

    expect(Object.keys(local).sort()).toEqual(Object.keys(published).sort());
    expect(Object.keys(local.kinesis).sort()).toEqual(Object.keys(published.kinesis).sort());
  });
});
