import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { bundleAgentDesktop } from '#lib/constructs/agent-desktop.ts';
import { buildApp } from '../support/app.ts';

const { app, contactCentre, template } = buildApp('prod', {}, { bundle: false });
const centre = template(contactCentre);
/** The one resource of a type in the contact-centre stack (of the desktop's, when `prefix` is given). */
const logicalId = (type: string, prefix = ''): string => {
  const ids = Object.keys(centre.findResources(type)).filter((id) => id.startsWith(prefix));
  expect(ids).toHaveLength(1);
  return ids[0] ?? '';
};

describe('agent desktop hosting', () => {
  it('serves a private KMS-encrypted bucket through CloudFront with origin access control', () => {
    // The desktop's and the web chat page's.
    centre.resourceCountIs('AWS::CloudFront::OriginAccessControl', 2);
    centre.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        Origins: [
          Match.objectLike({
            OriginAccessControlId: { 'Fn::GetAtt': [Match.anyValue(), 'Id'] },
            S3OriginConfig: { OriginAccessIdentity: '' },
          }),
        ],
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
        Restrictions: {
          GeoRestriction: { Locations: ['KE'], RestrictionType: 'whitelist' },
        },
        Logging: Match.objectLike({ Prefix: 'agent-desktop-cdn/' }),
      }),
    });
  });

  it('lets only its distribution read the bucket', () => {
    centre.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 's3:GetObject',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Condition: {
              StringEquals: {
                'AWS:SourceArn': Match.anyValue(),
              },
            },
          }),
        ]),
      },
    });
  });

  it('sends a CSP that allows framing only the instance CCP, and forbids framing the desktop', () => {
    const [policy] = Object.values(centre.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    const headers = policy?.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    const csp = JSON.stringify(headers.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(csp).toContain('frame-src https://huduma-cc.my.connect.aws');
    expect(csp).toContain("script-src 'self'");
    // The tickets panel may call the Region's API Gateway endpoints and the sign-in domain only.
    expect(csp).toContain("connect-src 'self' https://*.execute-api.af-south-1.");
    expect(csp).toContain('.auth.af-south-1.amazoncognito.com; frame-src');
    expect(headers.FrameOptions.FrameOption).toBe('DENY');
    expect(headers.StrictTransportSecurity.Override).toBe(true);
  });

  it('never caches config.json', () => {
    centre.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: [
          Match.objectLike({
            PathPattern: '/config.json',
            CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
          }),
        ],
      }),
    });
  });

  it("approves the desktop's origin on the Connect instance", () => {
    centre.hasResourceProperties('AWS::Connect::ApprovedOrigin', {
      InstanceId: { 'Fn::ImportValue': Match.stringLikeRegexp('ConnectInstance.*Arn') },
      Origin: {
        'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [Match.anyValue(), 'DomainName'] }]],
      },
    });
  });

  it('deploys the desktop and a config.json naming the instance CCP and the staff API, removing its files on teardown', () => {
    const deployment = centre.findResources('Custom::CDKBucketDeployment')[
      logicalId('Custom::CDKBucketDeployment', 'AgentDesktopDeployment')
    ];
    expect(deployment?.Properties.Prune).toBe(true);
    expect(deployment?.Properties.RetainOnDelete).toBe(false);
    expect(deployment?.Properties.DistributionPaths).toEqual(['/*']);
    const configs = readdirSync(app.outdir)
      .map((entry) => join(app.outdir, entry, 'config.json'))
      .filter((file) => existsSync(file))
      .map((file) => JSON.parse(readFileSync(file, 'utf8')))
      // The web chat page's config.json names its API, not a CCP.
      .filter((config) => 'ccpUrl' in config);
    expect(configs).toHaveLength(1);
    // Deploy-time values are markers in the asset, filled in from the deployment's SourceMarkers.
    const markers: Record<string, unknown> = Object.assign(
      {},
      ...(deployment?.Properties.SourceMarkers ?? []),
    );
    const filled = JSON.parse(
      JSON.stringify(configs[0]).replace(/<<marker:0xbaba:\d+>>/g, (marker) =>
        JSON.stringify(markers[marker]).replaceAll('"', "'"),
      ),
    );
    expect(filled).toEqual({
      ccpUrl: 'https://huduma-cc.my.connect.aws/ccp-v2/',
      region: 'af-south-1',
      staffApi: {
        url: `https://{'Ref':'${logicalId('AWS::ApiGatewayV2::Api', 'TicketApi')}'}.execute-api.af-south-1.{'Ref':'AWS::URLSuffix'}/`,
        auth: {
          kind: 'cognito',
          domain: `https://{'Ref':'${logicalId('AWS::Cognito::UserPoolDomain')}'}.auth.af-south-1.amazoncognito.com`,
          clientId: `{'Ref':'${logicalId('AWS::Cognito::UserPoolClient')}'}`,
        },
      },
    });
  });

  it('uses a custom domain with TLS 1.2 when one is configured', () => {
    const domain = buildApp(
      'prod',
      {
        agentDesktop: {
          allowedCountries: ['KE'],
          domainName: 'agents.example.go.ke',
          certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
        },
      },
      { bundle: false },
    );
    const t = domain.template(domain.contactCentre);
    t.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['agents.example.go.ke'],
        ViewerCertificate: Match.objectLike({ MinimumProtocolVersion: 'TLSv1.2_2021' }),
      }),
    });
    t.hasResourceProperties('AWS::Connect::ApprovedOrigin', {
      Origin: 'https://agents.example.go.ke',
    });
  });
});

describe('staff sign-in for the agent desktop', () => {
  it('gives the user pool a managed login domain from the environment config', () => {
    centre.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: 'huduma-prod-staff',
      UserPoolId: { Ref: logicalId('AWS::Cognito::UserPool') },
    });
    const custom = buildApp(
      'dev',
      { staffSignIn: { domainPrefix: 'kenya-cc-staff' } },
      { bundle: false },
    );
    custom.template(custom.contactCentre).hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: 'kenya-cc-staff',
    });
  });

  it('lets the AgentDesktop client sign in with the code grant, back to the desktop URL only', () => {
    const desktopUrl = {
      'Fn::Join': [
        '',
        [
          'https://',
          {
            'Fn::GetAtt': [
              logicalId('AWS::CloudFront::Distribution', 'AgentDesktopDistribution'),
              'DomainName',
            ],
          },
        ],
      ],
    };
    centre.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      SupportedIdentityProviders: ['COGNITO'],
      CallbackURLs: [desktopUrl],
      LogoutURLs: [desktopUrl],
    });
    centre.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowOrigins: [desktopUrl] }),
    });
  });
});

describe('agent desktop bundle', () => {
  it('bundles the page, its styles and the CCP script', () => {
    const out = mkdtempSync(join(tmpdir(), 'agent-desktop-'));
    try {
      bundleAgentDesktop(out);
      for (const file of ['index.html', 'styles.css', 'app.js']) {
        expect(existsSync(join(out, file))).toBe(true);
      }
      const html = readFileSync(join(out, 'index.html'), 'utf8');
      expect(html).toContain('<script src="app.js" defer></script>');
      const script = readFileSync(join(out, 'app.js'), 'utf8');
      expect(script).toContain('initCCP');
      expect(script).toContain('config.json');
      expect(script).toContain('/oauth2/authorize');
      expect(script).toContain('desktop-');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
