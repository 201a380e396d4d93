import { Validations } from 'aws-cdk-lib';
import type { CfnInstance } from 'aws-cdk-lib/aws-connect';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { KNOWLEDGE_ROUTE_KEYS } from '#lambdas/knowledge-api/api-contract.ts';
import { serviceDataTable } from '#shared/data/tables.ts';
import type { PlatformFunction } from './flow-function.ts';
import { instanceArnIn } from './instance-arn.ts';
import { type StaffApi, staffRoutesFunction } from './staff-api.ts';

export interface KnowledgeApiProps {
  readonly serviceDataTable: TableV2;
  /** Review dates are calendar dates here. */
  readonly timeZone: string;
  readonly logRetention: RetentionDays;
  /** The staff HTTP API the knowledge routes join, with its (Cognito JWT) authorizer. */
  readonly api: StaffApi;
  /** "Send to the caller by SMS": the instance whose contacts it reads and notes. */
  readonly instance: CfnInstance;
  /** The SMS allowance keys on the number's keyed hash. */
  readonly identityHashKey: IKey;
  readonly allowToNotify: (fn: PlatformFunction) => void;
}

/**
 * The knowledge base on the staff API: search and articles for agents, editing for
 * supervisors and agency focal persons, publication (which rebuilds the search index) for
 * supervisors. The index is stored gzipped in the service-data table and cached by each
 * container: no search cluster, nothing billed while idle.
 */
export class KnowledgeApi extends Construct {
  readonly function: PlatformFunction;

  constructor(scope: Construct, id: string, props: KnowledgeApiProps) {
    super(scope, id);
    this.function = staffRoutesFunction(this, {
      handler: 'knowledge-api',
      description: 'Knowledge articles: search, editing with history, publication',
      logRetention: props.logRetention,
      environment: { TIME_ZONE: props.timeZone, CONNECT_INSTANCE_ID: props.instance.attrId },
      api: props.api,
      routeKeys: KNOWLEDGE_ROUTE_KEYS,
      integrationId: 'Knowledge',
    })
      .bindTable(serviceDataTable, props.serviceDataTable, 'readWrite')
      .allowToHashIdentity(props.identityHashKey);
    props.allowToNotify(this.function);
    this.allowToReadAndNoteContacts(props.instance);
  }

  /**
   * The number on a contact's line (DescribeContact), its attributes and a note on it
   * (Get/UpdateContactAttributes), for the contact id the agent desktop names.
   */
  private allowToReadAndNoteContacts(instance: CfnInstance): void {
    const { instanceArn, inFindings: arnInFindings } = instanceArnIn(this, instance);
    this.function.addToRolePolicy(
      new PolicyStatement({
        actions: [
          'connect:DescribeContact',
          'connect:GetContactAttributes',
          'connect:UpdateContactAttributes',
        ],
        resources: [`${instanceArn}/contact/*`],
      }),
    );
    Validations.of(this.function.role!).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${arnInFindings}/contact/*]`,
      reason:
        'Any contact an agent is on may be sent an article: Connect authorises DescribeContact and the contact attribute calls on the instance contact/* resource of this one instance.',
    });
  }
}
