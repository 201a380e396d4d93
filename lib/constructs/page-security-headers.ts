import { Duration } from 'aws-cdk-lib';
import {
  HeadersFrameOption,
  HeadersReferrerPolicy,
  type ResponseSecurityHeadersBehavior,
} from 'aws-cdk-lib/aws-cloudfront';

/**
 * The security headers every page we host on CloudFront sends: a content security policy that
 * allows only the page's own scripts, styles and images, the origins it connects to (`connect`,
 * beside 'self') and any further directives of its own (`also`, e.g. a frame it embeds), and no
 * framing, base or form targets; no sniffing, no framing, no referrer, HSTS for a year.
 */
export const pageSecurityHeaders = (policy: {
  readonly connect: readonly string[];
  readonly also?: readonly string[];
}): ResponseSecurityHeadersBehavior => ({
  contentSecurityPolicy: {
    override: true,
    contentSecurityPolicy: [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      ['connect-src', "'self'", ...policy.connect].join(' '),
      ...(policy.also ?? []),
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "form-action 'none'",
    ].join('; '),
  },
  contentTypeOptions: { override: true },
  frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
  referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
  strictTransportSecurity: {
    accessControlMaxAge: Duration.days(365),
    includeSubdomains: true,
    override: true,
  },
});
