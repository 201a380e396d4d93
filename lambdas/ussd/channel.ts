import { CAPABILITIES } from '#lambdas/capabilities.ts';
import type { TableAccess } from '#shared/capability.ts';
import { defineChannel, widestAccess } from '#shared/channel.ts';
import type { TableDefinition } from '#shared/data/tables.ts';
import { UssdEnvironmentSchema } from './config.ts';
import { USSD_DIALOGUES } from './menu.ts';

/** The capabilities the USSD menu offers (lambdas/ussd/menu.ts). */
const SERVED = USSD_DIALOGUES.map((dialogue) => dialogue.capability);

/** Its own items: sessions and language preferences (service data), the call log per session. */
const OWN: Partial<Record<TableDefinition['id'], TableAccess>> = {
  ServiceData: 'readUpdate',
  CallLogs: 'update',
};

const tables = () => {
  const wanted = new Map<TableDefinition['id'], TableAccess[]>();
  const add = (grants: Partial<Record<TableDefinition['id'], TableAccess>>) => {
    for (const [id, access] of Object.entries(grants) as [TableDefinition['id'], TableAccess][])
      wanted.set(id, [...(wanted.get(id) ?? []), access]);
  };
  add(OWN);
  for (const capability of CAPABILITIES)
    if (SERVED.includes(capability.handler)) add(capability.tables);
  return Object.fromEntries([...wanted].map(([id, accesses]) => [id, widestAccess(accesses)]));
};

/** USSD for feature phones: the capabilities' dialogues as 182-character screens. */
export const ussdChannel = defineChannel({
  name: 'USSD',
  handler: 'ussd',
  constructId: 'Ussd',
  description: "USSD self-service: Africa's Talking callback, the capability dialogues as screens",
  route: 'POST /channels/ussd',
  capabilities: SERVED,
  tables: tables(),
  needs: ['identityHashing', 'notifications'],
  environment: UssdEnvironmentSchema,
  prompts: 'ussd.json',
});
