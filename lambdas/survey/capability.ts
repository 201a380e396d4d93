import { defineCapability } from '#shared/capability.ts';
import { SurveyEnvironmentSchema } from './config.ts';

export const surveyCapability = defineCapability({
  name: 'post-call survey',
  handler: 'survey',
  constructId: 'Survey',
  description: 'Post-call survey answers (CSAT, NPS) on the call log',
  placeholder: 'SurveyFunctionArn',
  operations: [],
  tables: { CallLogs: 'update' },
  needs: [],
  environment: SurveyEnvironmentSchema,
  prompts: 'survey.json',
  flows: ['survey'],
});
