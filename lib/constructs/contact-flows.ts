import { Stack } from 'aws-cdk-lib';
import { CfnContactFlow, CfnContactFlowModule } from 'aws-cdk-lib/aws-connect';
import { Construct, type IDependable } from 'constructs';
import { findPlaceholders, substitutePlaceholders } from '#flows/language/placeholders.ts';
import { formatProblems } from '#flows/language/validator.ts';
import { loadFlowDocument } from '#flows/load.ts';
import { FLOWS, type FlowId, flowPlaceholder } from '#flows/manifest.ts';
import { validateRepositoryFlow } from '#flows/validate.ts';
import { getPrompt } from '#shared/speech/catalogue.ts';

export interface ContactFlowsProps {
  readonly instanceArn: string;
  /** The ARN behind every resource placeholder the flows use (Lambdas, queues, hours). */
  readonly resources: Readonly<Record<string, string>>;
  /** Base URI of the recorded Kiswahili prompts: `${sw:id}` becomes `<uri>/sw/<id>.wav`. */
  readonly promptAudioUri: string;
  /** Created before any flow: Connect validates a flow's references when it is published. */
  readonly dependsOn?: readonly IDependable[];
}

/**
 * Deploys every flow in contact-flows/ with CfnContactFlow, its placeholders filled on the
 * parsed document: resource ARNs, English prompt text, Kiswahili prompt audio locations.
 */
export class ContactFlows extends Construct {
  /** Flows and modules by manifest id. */
  readonly flows: Record<FlowId, CfnContactFlow | CfnContactFlowModule>;

  constructor(scope: Construct, id: string, props: ContactFlowsProps) {
    super(scope, id);
    const flows = {} as Record<FlowId, CfnContactFlow | CfnContactFlowModule>;
    const resources: Record<string, string> = { ...props.resources };
    for (const definition of FLOWS) {
      // Connect rejects an invalid flow only at deploy time, with little detail: fail synthesis instead.
      const problems = validateRepositoryFlow(definition);
      if (problems.length > 0)
        throw new Error(`Invalid contact flow:\n${formatProblems(definition.file, problems)}`);
      const document = loadFlowDocument(definition.file);
      const filled = substitutePlaceholders(document, (placeholder) => {
        if (placeholder.kind === 'prompt') {
          return placeholder.lang === 'en'
            ? getPrompt(placeholder.promptId).en
            : `${props.promptAudioUri}/sw/${placeholder.promptId}.wav`;
        }
        const arn = resources[placeholder.name];
        if (!arn)
          throw new Error(
            `Flow ${definition.id} uses \${${placeholder.name}}, which no resource fills`,
          );
        return arn;
      });
      const content = Stack.of(this).toJsonString(filled);
      const flow =
        definition.type === 'MODULE'
          ? new CfnContactFlowModule(this, definition.id, {
              instanceArn: props.instanceArn,
              name: definition.name,
              description: definition.description,
              content,
            })
          : new CfnContactFlow(this, definition.id, {
              instanceArn: props.instanceArn,
              name: definition.name,
              description: definition.description,
              type: definition.type,
              content,
            });
      for (const dependency of props.dependsOn ?? []) flow.node.addDependency(dependency);
      flows[definition.id] = flow;
      resources[flowPlaceholder(definition.id)] =
        flow instanceof CfnContactFlowModule
          ? flow.attrContactFlowModuleArn
          : flow.attrContactFlowArn;
    }
    this.flows = flows;
  }
}

/** Placeholders left in a synthesized flow's content: must be none. */
export const unfilledPlaceholders = (content: string): string[] =>
  findPlaceholders(content).map((placeholder) => placeholder.token);
