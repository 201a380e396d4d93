import { z } from 'zod';
import { parseEnv, tableName } from '#shared/env.ts';

export const config = parseEnv(z.object({ TICKETS_TABLE_NAME: tableName }));
