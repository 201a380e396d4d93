import { CfnOutput, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  ClientAttributes,
  Mfa,
  OAuthScope,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { TICKET_ROUTE_KEYS } from '#lambdas/tickets-api/api-contract.ts';
import { serviceDataTable, ticketsTable } from '#shared/data/tables.ts';
import { ROLE_GROUPS } from '#shared/principal.ts';
import { PlatformFunction } from './flow-function.ts';
import type { OperationsAlerts } from './operations-alerts.ts';
import type { ResolutionCallback } from './resolution-callback.ts';
import { addStaffRoutes } from './staff-api.ts';

export interface TicketApiProps {
  readonly ticketsTable: TableV2;
  readonly serviceDataTable: TableV2;
  readonly callbacks: ResolutionCallback;
  /** Hashes call-back numbers for the Tickets caller index (GenerateMac only). */
  readonly identityHashKey: IKey;
  readonly allowToNotify: (fn: PlatformFunction) => void;
  /**
   * The agent desktop's URL: the one origin allowed to call the API from a browser, and the
   * sign-in callback and sign-out URL of its app client.
   */
  readonly desktopUrl: string;
  /** Prefix of the user pool's managed login domain (<prefix>.auth.<region>.amazoncognito.com); unique in the Region. */
  readonly signInDomainPrefix: string;
  /** Retain the user pool when the stack is deleted. */
  readonly retainUsers: boolean;
  readonly promptAudioUri: string;
  readonly logRetention: RetentionDays;
  /** The operations topic: the API's server errors are alarmed (its function's by OperationsAlerts). */
  readonly alerts: OperationsAlerts;
}

/**
 * The ticket workflow API for agents, supervisors and agency focal persons: a Cognito user
 * pool (groups give the role; `custom:agencyId`, set only by administrators, the agency), an
 * HTTP API whose JWT authorizer refuses unauthenticated requests, one Lambda that enforces
 * roles and agency scope in its use cases, access logs and throttling.
 */
export class TicketApi extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  /** Managed login: where staff sign in (OAuth 2.0 authorization code with PKCE). */
  readonly domain: UserPoolDomain;
  readonly api: HttpApi;
  /** Verifies the Cognito ID token on every route (the reports' too). */
  readonly authorizer: HttpJwtAuthorizer;
  readonly function: PlatformFunction;
  readonly url: string;

  constructor(scope: Construct, id: string, props: TicketApiProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      customAttributes: { agencyId: new StringAttribute({ minLen: 1, maxLen: 40, mutable: true }) },
      removalPolicy: props.retainUsers ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      deletionProtection: props.retainUsers,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG3',
      reason:
        'Staff accounts only (no self sign-up), MFA required; threat protection (Plus tier) is an operator choice with its own per-user cost.',
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'Staff accounts only (no self sign-up), MFA required; the Plus feature plan is an operator choice with its own per-user cost.',
    });
    for (const [group] of ROLE_GROUPS)
      new CfnUserPoolGroup(this, `Group-${group}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: group,
        description: `Ticket API role: ${group}`,
      });
    // Users may read but never write their agency: only administrators set it.
    const standard = { email: true, preferredUsername: true, fullname: true } as const;
    this.client = this.userPool.addClient('AgentDesktop', {
      authFlows: { userSrp: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
      readAttributes: new ClientAttributes()
        .withStandardAttributes(standard)
        .withCustomAttributes('agencyId'),
      writeAttributes: new ClientAttributes().withStandardAttributes({
        preferredUsername: true,
        fullname: true,
      }),
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      // The desktop is a public client: the code grant with PKCE, never the implicit grant.
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [props.desktopUrl],
        logoutUrls: [props.desktopUrl],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
    });
    this.domain = this.userPool.addDomain('SignIn', {
      cognitoDomain: { domainPrefix: props.signInDomainPrefix },
    });

    this.function = new PlatformFunction(this, 'Handler', {
      handler: 'tickets-api',
      description: 'Ticket workflow API: list, read, note, acknowledge, resolve, reopen, lodge',
      logRetention: props.logRetention,
      timeout: Duration.seconds(10),
      environment: { PROMPT_AUDIO_URI: props.promptAudioUri },
    })
      .bindTable(ticketsTable, props.ticketsTable, 'readUpdate')
      .bindTable(serviceDataTable, props.serviceDataTable, 'read')
      // Agents' complaints key the caller index by the number's keyed hash.
      .allowToHashIdentity(props.identityHashKey);
    props.callbacks.allowToRequest(this.function);
    props.allowToNotify(this.function);

    this.api = new HttpApi(this, 'Api', {
      description: 'Huduma staff API: ticket workflow and supervisor reports',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [props.desktopUrl],
        allowHeaders: ['authorization', 'content-type'],
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST],
        maxAge: Duration.hours(1),
      },
    });
    this.authorizer = new HttpJwtAuthorizer('Cognito', this.userPool.userPoolProviderUrl, {
      jwtAudience: [this.client.userPoolClientId],
    });
    addStaffRoutes(
      { httpApi: this.api, authorizer: this.authorizer },
      TICKET_ROUTE_KEYS,
      'Tickets',
      this.function,
    );
    // Every 5xx the staff see (the handler's 500s, timeouts, integration failures), reports included.
    props.alerts.alarm(this, 'ServerErrorsAlarm', {
      metric: this.api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 0,
      description: 'The staff API answered with a server error (5xx)',
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: props.logRetention });
    const stage = new HttpStage(this, 'Stage', {
      httpApi: this.api,
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.jsonWithStandardFields(),
      },
    });
    this.url = stage.url;
    new CfnOutput(this, 'Url', {
      value: this.url,
      description:
        'Staff API base URL: /tickets (agents, supervisors, agencies) and /reports (supervisors)',
    });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.client.userPoolClientId });
    new CfnOutput(this, 'SignInDomain', {
      value: this.domain.baseUrl(),
      description: 'Managed login for staff (the agent desktop signs in here)',
    });
  }
}
