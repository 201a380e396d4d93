import { Annotations, DockerImage, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  GeoRestriction,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { bundlePage } from '#lib/page-bundle.ts';
import { pageSecurityHeaders } from './page-security-headers.ts';
import { rotatingKey } from './rotating-key.ts';

export interface HostedPageProps {
  /**
   * Prefix of the ids of the page's resources, beside those of the construct that hosts it
   * (create the page with the id `Default`): a page keeps the logical ids it was deployed with.
   * @default none
   */
  readonly idPrefix?: string;
  /** What the page is, in its key's description: e.g. 'the agent desktop'. */
  readonly name: string;
  /** The distribution's comment. */
  readonly comment: string;
  /** The response headers policy's comment. */
  readonly headersComment: string;
  /** The content security policy beyond the shared one (`pageSecurityHeaders`). */
  readonly security: Parameters<typeof pageSecurityHeaders>[0];
  /** Bucket that receives the S3 and CloudFront access logs. */
  readonly accessLogsBucket: IBucket;
  /** Log prefix: `<prefix>/` for the bucket's access logs, `<prefix>-cdn/` for CloudFront's. */
  readonly logPrefix: string;
  /** Countries (ISO alpha-2) the page may be loaded from. */
  readonly allowedCountries: readonly string[];
  /** Custom domain and its us-east-1 ACM certificate. @default the CloudFront domain */
  readonly domain?: { readonly domainName: string; readonly certificateArn: string };
  /** WAF web ACL (CLOUDFRONT scope) for the distribution. @default none */
  readonly webAclArn?: string;
}

/**
 * A static page we host: a private, KMS-encrypted bucket behind CloudFront with origin access
 * control, the shared security headers, a country allow-list and access logs; `deploy` bundles
 * the page's sources (`<dir>/src/main.ts` and the static files beside it) with its config.json.
 */
export class HostedPage extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** Where the page is served, e.g. https://d111111abcdef8.cloudfront.net. */
  readonly url: string;
  private readonly idPrefix: string;

  constructor(scope: Construct, id: string, props: HostedPageProps) {
    super(scope, id);
    const prefix = props.idPrefix ?? '';
    this.idPrefix = prefix;
    const key = rotatingKey(
      this,
      `${prefix}Key`,
      `Encrypts ${props.name} files`,
      RemovalPolicy.DESTROY,
    );
    // Holds only build output: the deployment empties it on delete (retainOnDelete: false).
    this.bucket = new Bucket(this, `${prefix}Bucket`, {
      encryption: BucketEncryption.KMS,
      encryptionKey: key,
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: `${props.logPrefix}/`,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const headers = new ResponseHeadersPolicy(this, `${prefix}SecurityHeaders`, {
      comment: props.headersComment,
      securityHeadersBehavior: pageSecurityHeaders(props.security),
    });
    const behaviour = {
      origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      responseHeadersPolicy: headers,
    };
    this.distribution = new Distribution(this, `${prefix}Distribution`, {
      comment: props.comment,
      defaultRootObject: 'index.html',
      defaultBehavior: { ...behaviour, cachePolicy: CachePolicy.CACHING_OPTIMIZED },
      // config.json names what the page talks to: never serve a stale one.
      additionalBehaviors: {
        '/config.json': { ...behaviour, cachePolicy: CachePolicy.CACHING_DISABLED },
      },
      geoRestriction: GeoRestriction.allowlist(...props.allowedCountries),
      // Price class 200 includes the edge locations in Africa.
      priceClass: PriceClass.PRICE_CLASS_200,
      httpVersion: HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: props.accessLogsBucket,
      logFilePrefix: `${props.logPrefix}-cdn/`,
      ...(props.domain && {
        domainNames: [props.domain.domainName],
        certificate: Certificate.fromCertificateArn(
          this,
          'Certificate',
          props.domain.certificateArn,
        ),
        minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      }),
      ...(props.webAclArn && { webAclId: props.webAclArn }),
    });
    Annotations.of(this).acknowledgeWarning(
      '@aws-cdk/aws-cloudfront-origins:wildcardKeyPolicyForOac',
      'The key policy lets CloudFront in this account decrypt (a distribution-specific condition would be a dependency cycle); the bucket policy still admits only this distribution.',
    );
    if (!props.domain) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain the distribution serves the default *.cloudfront.net certificate, whose minimum TLS version cannot be set; a domain with its us-east-1 certificate enforces TLS 1.2.',
      });
    }
    this.url = `https://${props.domain?.domainName ?? this.distribution.distributionDomainName}`;
  }

  /**
   * The page bundled from `sourceDir` and its `config` (as config.json) into the bucket, then a
   * CDN invalidation. `role` and `logGroup` are the deployment provider's (one serves the stack).
   */
  deploy(deployment: {
    readonly sourceDir: string;
    readonly config: Record<string, unknown>;
    readonly role?: IRole;
    readonly logGroup?: ILogGroup;
  }): BucketDeployment {
    return new BucketDeployment(this, `${this.idPrefix}Deployment`, {
      sources: [
        Source.asset(deployment.sourceDir, {
          bundling: {
            // esbuild runs in-process; the image is only CDK's fallback and is never pulled.
            image: DockerImage.fromRegistry('node:24-alpine'),
            local: {
              tryBundle: (outputDir) => {
                bundlePage(deployment.sourceDir, outputDir);
                return true;
              },
            },
          },
        }),
        Source.jsonData('config.json', deployment.config),
      ],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      retainOnDelete: false,
      prune: true,
      memoryLimit: 512,
      ...(deployment.role && { role: deployment.role }),
      ...(deployment.logGroup && { logGroup: deployment.logGroup }),
    });
  }
}
