import { CfnSecurityProfile } from 'aws-cdk-lib/aws-connect';
import { Construct } from 'constructs';
import type { SecurityProfileDefinition } from '#lib/config/agents.ts';

export interface SecurityProfilesProps {
  readonly instanceArn: string;
  /** Profiles by role id, each with its explicit permission list (lib/config/agents.ts). */
  readonly profiles: Readonly<Record<string, SecurityProfileDefinition>>;
}

/** What each role (agent, supervisor, analyst) may do in Connect: one security profile per role. */
export class SecurityProfiles extends Construct {
  readonly profiles: Record<string, CfnSecurityProfile>;

  constructor(scope: Construct, id: string, props: SecurityProfilesProps) {
    super(scope, id);
    this.profiles = Object.fromEntries(
      Object.entries(props.profiles).map(([role, profile]) => {
        const duplicates = profile.permissions.filter(
          (permission, index) => profile.permissions.indexOf(permission) !== index,
        );
        if (duplicates.length > 0) {
          throw new Error(`Security profile ${role} lists ${duplicates.join(', ')} twice`);
        }
        return [
          role,
          new CfnSecurityProfile(this, role, {
            instanceArn: props.instanceArn,
            securityProfileName: profile.name,
            description: profile.description,
            permissions: [...profile.permissions].sort(),
          }),
        ];
      }),
    );
  }
}
