import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { localHandler } from '#local/handlers.ts';
import { createCallLogRepository } from '#shared/data/call-logs.repository.ts';
import { connectEvent, lambdaContext } from '../support/connect.ts';
import { callLogItem, documentClient, tableNames } from '../support/data.ts';

const handler = localHandler('survey');

const survey = (parameters: Record<string, string>, contactId = randomUUID()) =>
  handler(connectEvent(parameters, { contactId }), lambdaContext('survey'));

const callLogs = createCallLogRepository(documentClient, tableNames.callLogs);

describe('survey handler', () => {
  it('records CSAT and NPS on the call log, creating the item before any contact trace record', async () => {
    // Prepare
    const contactId = randomUUID();

    // Act
    const csat = await survey({ question: 'csat', score: '4', lang: 'en' }, contactId);
    const nps = await survey({ question: 'nps', score: '10', lang: 'en' }, contactId);

    // Assess
    expect(csat).toEqual({
      outcome: 'RECORDED',
      question: 'csat',
      score: '4',
      sayPrompt: 'survey.thanks',
      say: 'Thank you.',
    });
    expect(nps).toMatchObject({ outcome: 'RECORDED', question: 'nps', score: '10' });
    await expect(callLogs.getSurvey(contactId)).resolves.toEqual({
      csat: 4,
      csatRecordedAt: expect.any(String),
      nps: 10,
      npsRecordedAt: expect.any(String),
    });
  });

  it('merges into a call log the CTR writer already wrote, keeping its attributes and expiry', async () => {
    const contactId = randomUUID();
    await documentClient.send(
      new UpdateCommand({
        TableName: tableNames.callLogs,
        Key: { contactId },
        UpdateExpression: 'SET agentUsername = :agent, expiresAt = :expiresAt',
        ExpressionAttributeValues: { ':agent': 'agent.wanjiku', ':expiresAt': 1_900_000_000 },
      }),
    );

    await survey({ question: 'csat', score: '5' }, contactId);

    const Item = await callLogItem(contactId);
    expect(Item).toMatchObject({
      contactId,
      agentUsername: 'agent.wanjiku',
      expiresAt: 1_900_000_000,
      csat: 5,
    });
  });

  it('sets an expiry on a survey-only item from the retention period', async () => {
    const contactId = randomUUID();

    await survey({ question: 'nps', score: '0' }, contactId);

    const Item = await callLogItem(contactId);
    const days = (Item?.expiresAt - Date.now() / 1000) / 86_400;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThanOrEqual(90);
  });

  it('keeps the last answer when a question is answered again or retried', async () => {
    const contactId = randomUUID();

    await survey({ question: 'csat', score: '2' }, contactId);
    await survey({ question: 'csat', score: '3' }, contactId);
    await survey({ question: 'csat', score: '3' }, contactId);

    await expect(callLogs.getSurvey(contactId)).resolves.toMatchObject({ csat: 3 });
  });

  it.each([
    ['csat', '0', 'OUT_OF_RANGE'],
    ['csat', '6', 'OUT_OF_RANGE'],
    ['nps', '11', 'OUT_OF_RANGE'],
    ['nps', '100', 'OUT_OF_RANGE'],
    ['csat', '', 'EMPTY'],
    ['nps', '*', 'NOT_DIGITS'],
  ])('rejects %s %p as INVALID_INPUT (%s) and writes nothing', async (question, score, reason) => {
    const contactId = randomUUID();

    const result = await survey({ question, score, lang: 'en' }, contactId);

    expect(result).toMatchObject({
      outcome: 'INVALID_INPUT',
      field: 'score',
      reason,
      sayPrompt: `survey.invalid_${question}`,
    });
    await expect(callLogs.getSurvey(contactId)).resolves.toBeUndefined();
  });

  it('throws, so the flow takes its error branch, for a question the flow should never send', async () => {
    await expect(survey({ question: 'ces', score: '3' })).rejects.toThrow();
  });
});
