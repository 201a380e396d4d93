import type { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';

/** Synthesized CloudFormation JSON: shapes vary by resource type, so tests read it untyped. */
// biome-ignore lint/suspicious/noExplicitAny: CloudFormation templates are untyped JSON.
export type Json = any;

/** A CloudFormation resource as it appears in a synthesized template. */
export interface CfnResourceJson {
  readonly Type: string;
  readonly Properties?: Record<string, Json>;
  readonly DeletionPolicy?: string;
  readonly DependsOn?: string[];
}

/** A resource with where it lives: the stack's name and its logical id. */
export interface Located {
  readonly stack: string;
  readonly id: string;
  readonly resource: CfnResourceJson;
}

/**
 * The synthesized templates of an app's stacks, with cross-stack references resolved:
 * `Fn::ImportValue` is followed to the exporting stack's output.
 */
export class AppTemplates {
  private readonly templates: Map<string, Record<string, Json>>;

  constructor(stacks: readonly Stack[]) {
    this.templates = new Map(
      stacks.map((stack) => [stack.stackName, Template.fromStack(stack).toJSON()]),
    );
  }

  /** Every resource of every stack, optionally of one type. */
  resources(type?: string): Located[] {
    return [...this.templates].flatMap(([stack, template]) =>
      Object.entries(template.Resources as Record<string, CfnResourceJson>)
        .filter(([, resource]) => type === undefined || resource.Type === type)
        .map(([id, resource]) => ({ stack, id, resource })),
    );
  }

  resource(stack: string, id: string): Located | undefined {
    const resource = this.templates.get(stack)?.Resources?.[id] as CfnResourceJson | undefined;
    return resource && { stack, id, resource };
  }

  /**
   * The resource a value refers to (`Ref`, `Fn::GetAtt`, or an import of either), seen from
   * `stack`; undefined for literals and other intrinsics.
   */
  referenced(stack: string, value: unknown): Located | undefined {
    if (typeof value !== 'object' || value === null) return undefined;
    const intrinsic = value as Record<string, Json>;
    if (typeof intrinsic.Ref === 'string') return this.resource(stack, intrinsic.Ref);
    if (Array.isArray(intrinsic['Fn::GetAtt'])) {
      return this.resource(stack, intrinsic['Fn::GetAtt'][0]);
    }
    if (typeof intrinsic['Fn::ImportValue'] === 'string') {
      for (const [exporter, template] of this.templates) {
        for (const output of Object.values((template.Outputs ?? {}) as Record<string, Json>)) {
          if (output.Export?.Name === intrinsic['Fn::ImportValue']) {
            return this.referenced(exporter, output.Value);
          }
        }
      }
    }
    return undefined;
  }

  /** Every resource referenced anywhere inside a value (e.g. a policy's Resource list). */
  allReferenced(stack: string, value: unknown): Located[] {
    const direct = this.referenced(stack, value);
    if (direct) return [direct];
    if (Array.isArray(value)) return value.flatMap((item) => this.allReferenced(stack, item));
    if (typeof value === 'object' && value !== null) {
      return Object.values(value).flatMap((item) => this.allReferenced(stack, item));
    }
    return [];
  }

  /** The IAM policy statements attached to a role. */
  roleStatements(role: Located): Record<string, Json>[] {
    return this.resources('AWS::IAM::Policy')
      .filter(({ stack, resource }) =>
        (resource.Properties?.Roles ?? []).some(
          (ref: unknown) => this.referenced(stack, ref)?.id === role.id && stack === role.stack,
        ),
      )
      .flatMap(({ resource }) => resource.Properties?.PolicyDocument.Statement ?? []);
  }
}

/** A statement's actions, always as an array. */
export const actionsOf = (statement: Record<string, Json>): string[] => [statement.Action].flat();
