import { Duration } from 'aws-cdk-lib';
import {
  HeadersFrameOption,
  HeadersReferrerPolicy,
  type ResponseSecurityHeadersBehavior,
} from 'aws-cdk-lib/aws-cloudfront';

/**
 * The security headers every page we host on CloudFront sends: its own content security policy
 * (directives joined by `; `), no sniffing, no framing, no referrer, HSTS for a year.
 */
export const pageSecurityHeaders = (
  contentSecurityPolicy: readonly string[],
): ResponseSecurityHeadersBehavior => ({
  contentSecurityPolicy: {
    override: true,
    contentSecurityPolicy: contentSecurityPolicy.join('; '),
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
