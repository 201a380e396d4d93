import {
  findMalformedPlaceholders,
  findPlaceholders,
  PLACEHOLDER,
} from '#flows/language/placeholders.ts';
import type { FlowProblem, FlowRule, ValidationOptions } from './types.ts';

export const MAX_CONTENT_CHARACTERS = 256_000;
/** What an ARN can grow to once CDK fills a placeholder: used to bound the deployed content size. */
const ARN_ALLOWANCE = '.'.repeat(200);

/** The flow's content as deployed: prompts filled with their text, ARNs with the longest likely value. */
const deployedLength = (text: string, options: ValidationOptions): number =>
  options.placeholders !== 'repository'
    ? text.length
    : text.replace(PLACEHOLDER, (token) => {
        const prompt = /^\$\{en:(.+)\}$/.exec(token);
        return prompt
          ? JSON.stringify(options.prompt?.(prompt[1]!)?.en ?? '').slice(1, -1)
          : ARN_ALLOWANCE;
      }).length;

const contentSize: FlowRule = (_, content, options) => {
  const length = deployedLength(content, options);
  return length > MAX_CONTENT_CHARACTERS
    ? [
        {
          rule: 'content-size',
          message: `Content is ${length} characters; Connect accepts ${MAX_CONTENT_CHARACTERS}`,
        },
      ]
    : [];
};

/** Problems with `${…}` tokens, per the placeholder mode. */
const placeholders: FlowRule = (_, text, options) => {
  if (options.placeholders === 'foreign') return [];
  if (options.placeholders === 'filled') {
    return (text.match(/\$\{[^}]*\}?/g) ?? []).map((token) => ({
      rule: 'unfilled-placeholder',
      message: `Placeholder ${token} was not filled`,
    }));
  }
  const problems: FlowProblem[] = findMalformedPlaceholders(text).map((token) => ({
    rule: 'unknown-placeholder',
    message: `Malformed placeholder ${token}`,
  }));
  for (const placeholder of new Map(findPlaceholders(text).map((p) => [p.token, p])).values()) {
    if (placeholder.kind === 'resource') {
      if (!options.resourcePlaceholders?.has(placeholder.name)) {
        problems.push({
          rule: 'unknown-placeholder',
          message: `No resource fills ${placeholder.token}`,
        });
      }
      continue;
    }
    const prompt = options.prompt?.(placeholder.promptId);
    if (!prompt?.en || !prompt.sw) {
      problems.push({
        rule: 'unknown-prompt',
        message: `Prompt ${placeholder.promptId} is not in the catalogue in English and Kiswahili`,
      });
    } else if (/\{\w+:\w+\}/.test(prompt[placeholder.lang])) {
      problems.push({
        rule: 'unknown-prompt',
        message: `Prompt ${placeholder.promptId} has slots: speak it from a handler's result`,
      });
    }
  }
  return problems;
};

/** The rules of a flow's text: its deployed size and its `${…}` tokens. */
export const CONTENT_RULES: readonly FlowRule[] = [contentSize];
export const PLACEHOLDER_RULES: readonly FlowRule[] = [placeholders];
