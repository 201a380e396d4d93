import { defineCapability, outcomes } from '#shared/capability.ts';
import { SurveyEnvironmentSchema } from './config.ts';
import { RecordSurveyParametersSchema } from './record-survey.ts';

export const surveyCapability = defineCapability({
  name: 'post-call survey',
  handler: 'survey',
  constructId: 'Survey',
  description: 'Post-call survey answers (CSAT, NPS) on the call log',
  placeholder: 'SurveyFunctionArn',
  operations: {
    record: {
      input: RecordSurveyParametersSchema,
      output: outcomes('RECORDED', 'INVALID_INPUT'),
      sample: { question: 'csat', score: '5' },
    },
  },
  tables: { CallLogs: 'update' },
  needs: [],
  screenPop: { label: 'Survey' },
  environment: SurveyEnvironmentSchema,
});
