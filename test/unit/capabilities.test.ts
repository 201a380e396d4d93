import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { menuFlow } from '#flows/build/menu.ts';
import { FLOWS } from '#flows/manifest.ts';
import { CAPABILITIES } from '#lambdas/capabilities.ts';
import { CHANNELS } from '#lambdas/channels.ts';
import { capabilityTable, documentedTable } from '#local/docs/capability-table.ts';
import { documentedNamePrompts, namePromptsFromData } from '#local/docs/name-prompts.ts';
import {
  documentedPromptRegistry,
  promptFileNames,
  promptRegistrySource,
} from '#local/docs/prompt-registry.ts';
import { localEnvironment } from '#local/environment.ts';
import { HANDLER_MODULES } from '#local/handlers.ts';
import { type CapabilityDescriptor, namesItsOperation } from '#shared/capability.ts';
import { AttemptScopeSchema } from '#shared/data/attempts.repository.ts';
import { tableDefinitions } from '#shared/data/tables.ts';
import { parseEnv } from '#shared/env.ts';
import { promptCatalogue } from '#shared/speech/catalogue.ts';
import { PROMPT_FILES } from '#shared/speech/prompt-files.ts';
import {
  DETAILS as SCREEN_POP_DETAILS,
  CAPABILITIES as SCREEN_POP_LABELS,
  OUTCOMES as SCREEN_POP_OUTCOMES,
} from '../../agent-desktop/src/screen-pop.ts';

const lambdas = new URL('../../lambdas/', import.meta.url);
const handlerFolders = readdirSync(lambdas, { withFileTypes: true })
  .filter(
    (entry) => entry.isDirectory() && existsSync(new URL(`${entry.name}/handler.ts`, lambdas)),
  )
  .map((entry) => entry.name)
  .sort();
const flowText = (file: string) =>
  readFileSync(new URL(`../../contact-flows/${file}`, import.meta.url), 'utf8');
const descriptors: readonly CapabilityDescriptor[] = CAPABILITIES;
const environment = localEnvironment({ dynamoDbEndpoint: 'http://127.0.0.1:9' });

describe('capability registration', () => {
  it('builds every handler folder through the one local seam, and nothing else', () => {
    expect(Object.keys(HANDLER_MODULES).sort()).toEqual(handlerFolders);
  });

  it.each(CAPABILITIES.map((c) => [c.name, c] as const))(
    '%s has its descriptor beside its handler',
    (_, capability) => {
      expect(existsSync(new URL(`${capability.handler}/capability.ts`, lambdas))).toBe(true);
      expect(handlerFolders).toContain(capability.handler);
    },
  );

  it('names one capability per placeholder and per construct id', () => {
    expect(new Set(CAPABILITIES.map((c) => c.placeholder)).size).toBe(CAPABILITIES.length);
    expect(new Set(CAPABILITIES.map((c) => c.constructId)).size).toBe(CAPABILITIES.length);
  });

  it('has a capability for every function placeholder a flow uses, and lists the flows that use it', () => {
    const used = new Map<string, string[]>();
    for (const flow of FLOWS) {
      for (const [, placeholder] of flowText(flow.file).matchAll(/\$\{(\w+FunctionArn)\}/g))
        used.set(placeholder!, [...new Set([...(used.get(placeholder!) ?? []), flow.id])]);
    }
    // A capability whose flow is yet to come (flows: []) must not be invoked by any flow.
    const invoked = CAPABILITIES.filter((c) => c.flows.length > 0);
    expect([...used.keys()].sort()).toEqual(invoked.map((c) => c.placeholder).sort());
    for (const capability of CAPABILITIES)
      expect([...capability.flows].sort()).toEqual(used.get(capability.placeholder)?.sort() ?? []);
  });

  it.each(descriptors.filter((c) => c.prompts).map((c) => [c.name, c] as const))(
    '%s has every prompt of its prompts file in the catalogue',
    (_, capability) => {
      const file = JSON.parse(
        readFileSync(new URL(`../../prompts/${capability.prompts}`, import.meta.url), 'utf8'),
      ) as { prompts: Record<string, unknown> };
      const ids = Object.keys(file.prompts);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.filter((id) => !promptCatalogue.has(id))).toEqual([]);
    },
  );

  it.each(CAPABILITIES.map((c) => [c.name, c] as const))(
    '%s parses the environment the local runtime fills, and needs each of its tables there',
    (_, capability) => {
      expect(() => parseEnv(capability.environment, environment)).not.toThrow();
      for (const id of Object.keys(capability.tables)) {
        const table = tableDefinitions.find((definition) => definition.id === id)!;
        const { [table.environmentVariable]: _name, ...withoutTable } = environment;
        expect(() => parseEnv(capability.environment, withoutTable)).toThrow(
          table.environmentVariable,
        );
      }
    },
  );

  it.each(CAPABILITIES.map((c) => [c.name, c] as const))(
    '%s names each operation in its input, or has one operation the inputs default to',
    (_, capability) => {
      const descriptor: CapabilityDescriptor = capability;
      const names = Object.keys(descriptor.operations);
      expect(names.length).toBeGreaterThan(0);
      const unnamed = names.filter(
        (name) => !namesItsOperation(descriptor.operations[name]!.input, name),
      );
      const fallback = descriptor.defaultOperation ?? (names.length === 1 ? names[0] : undefined);
      expect(unnamed.filter((name) => name !== fallback)).toEqual([]);
    },
  );

  it.each(CAPABILITIES.map((c) => [c.name, c] as const))(
    '%s gives the bench a sample input of at least one operation, each valid for its operation',
    (_, capability) => {
      const descriptor: CapabilityDescriptor = capability;
      const sampled = Object.entries(descriptor.operations).filter(([, { sample }]) => sample);
      expect(sampled.length).toBeGreaterThan(0);
      for (const [name, { input, sample }] of sampled)
        expect([name, input.safeParse(sample).success]).toEqual([name, true]);
    },
  );

  it('has a main menu key for each capability with one, each leading to a flow of its own', () => {
    const entries = descriptors.flatMap((c) => (c.menu ? [{ ...c.menu, capability: c }] : []));
    expect(new Set(entries.map((entry) => entry.key)).size).toBe(entries.length);
    const flow = menuFlow();
    for (const lang of ['en', 'sw']) {
      const menu = flow.Actions.find((action) => action.Identifier === `menu-${lang}`);
      const conditions = (menu?.Transitions.Conditions ?? []).map((condition) => [
        condition.Condition.Operands[0],
        condition.NextAction,
      ]);
      for (const { key, flow: id, capability } of entries) {
        expect(capability.flows).toContain(id);
        expect(FLOWS.map((f) => f.id)).toContain(id);
        expect(conditions).toContainEqual([key, `to-${id}`]);
      }
    }
  });

  it('labels the journey and the details of every capability as its descriptor says, on the screen pop', () => {
    const flowsText = FLOWS.map((flow) => flowText(flow.file)).join('\n');
    for (const { handler, screenPop } of descriptors.filter((c) => c.screenPop)) {
      expect([handler, SCREEN_POP_LABELS[handler]]).toEqual([handler, screenPop!.label]);
      for (const [outcome, words] of Object.entries(screenPop!.outcomes ?? {}))
        expect([outcome, SCREEN_POP_OUTCOMES[outcome]]).toEqual([outcome, words]);
      for (const [attribute, label] of Object.entries(screenPop!.details ?? {})) {
        expect([attribute, SCREEN_POP_DETAILS[attribute]]).toEqual([attribute, label]);
        // A flow sets it (a renamed attribute would leave the pop silent).
        expect([attribute, flowsText.includes(`"${attribute}":`)]).toEqual([attribute, true]);
      }
    }
    const journeys = descriptors.filter((c) => c.menu).map((c) => c.handler);
    expect(
      journeys.filter(
        (handler) => !descriptors.find((c) => c.handler === handler)?.screenPop?.label,
      ),
    ).toEqual([]);
  });

  it('counts failed proofs under the scopes the capabilities declare, and the calling number', () => {
    const declared = descriptors.flatMap((c) => c.proofScopes ?? []);
    expect([...AttemptScopeSchema.options].sort()).toEqual(['caller', ...declared].sort());
  });

  it("registers every prompts file for the catalogue, each capability's and channel's among them (npm run docs:capabilities)", () => {
    expect(documentedPromptRegistry()).toBe(promptRegistrySource());
    expect(documentedNamePrompts()).toEqual(namePromptsFromData());
    const declared = [
      ...descriptors.flatMap((c) => (c.prompts ? [c.prompts] : [])),
      ...CHANNELS.flatMap((channel) => channel.prompts),
    ];
    expect(declared.filter((file) => !(file in PROMPT_FILES))).toEqual([]);
    expect(Object.keys(PROMPT_FILES)).toEqual(promptFileNames());
  });

  it.each(CHANNELS.map((c) => [c.name, c] as const))(
    'the %s channel runs in handler folders, on registered capabilities with dialogues, and parses the local environment',
    (_, channel) => {
      expect(channel.handlers.filter((handler) => !handlerFolders.includes(handler))).toEqual([]);
      const handlers = descriptors.map((c) => c.handler);
      expect(channel.capabilities.filter((c) => !handlers.includes(c))).toEqual([]);
      for (const capability of channel.capabilities)
        expect(existsSync(new URL(`${capability}/dialogue.ts`, lambdas))).toBe(true);
      expect(() => parseEnv(channel.environment, environment)).not.toThrow();
    },
  );

  it('lists every capability in the table of docs/architecture.md (npm run docs:capabilities)', () => {
    const doc = readFileSync(new URL('../../docs/architecture.md', import.meta.url), 'utf8');
    expect(documentedTable(doc)).toBe(capabilityTable());
  });
});
