// Generated from prompts/*.json by `npm run docs:capabilities`: do not edit.
import agentPrompts from '#prompts/agent.json' with { type: 'json' };
import appointmentsPrompts from '#prompts/appointments.json' with { type: 'json' };
import callerPrompts from '#prompts/caller.json' with { type: 'json' };
import complaintsPrompts from '#prompts/complaints.json' with { type: 'json' };
import conversationPrompts from '#prompts/conversation.json' with { type: 'json' };
import escalationPrompts from '#prompts/escalation.json' with { type: 'json' };
import knowledgePrompts from '#prompts/knowledge.json' with { type: 'json' };
import mainPrompts from '#prompts/main.json' with { type: 'json' };
import outboundPrompts from '#prompts/outbound.json' with { type: 'json' };
import pensionsPrompts from '#prompts/pensions.json' with { type: 'json' };
import queuePrompts from '#prompts/queue.json' with { type: 'json' };
import surveyPrompts from '#prompts/survey.json' with { type: 'json' };
import textPrompts from '#prompts/text.json' with { type: 'json' };
import trackingPrompts from '#prompts/tracking.json' with { type: 'json' };
import ussdPrompts from '#prompts/ussd.json' with { type: 'json' };
import webChatPrompts from '#prompts/web-chat.json' with { type: 'json' };

/** Every file of prompts/ by name: the prompt catalogue reads them all. */
export const PROMPT_FILES = {
  'agent.json': agentPrompts,
  'appointments.json': appointmentsPrompts,
  'caller.json': callerPrompts,
  'complaints.json': complaintsPrompts,
  'conversation.json': conversationPrompts,
  'escalation.json': escalationPrompts,
  'knowledge.json': knowledgePrompts,
  'main.json': mainPrompts,
  'outbound.json': outboundPrompts,
  'pensions.json': pensionsPrompts,
  'queue.json': queuePrompts,
  'survey.json': surveyPrompts,
  'text.json': textPrompts,
  'tracking.json': trackingPrompts,
  'ussd.json': ussdPrompts,
  'web-chat.json': webChatPrompts,
} as const;
