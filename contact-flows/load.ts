import { readFileSync } from 'node:fs';
import { type FlowDocument, FlowSchema } from './language/flow.schema.ts';

/** Reads and parses a flow file in contact-flows/. */
export const loadFlowDocument = (file: string): FlowDocument =>
  FlowSchema.parse(JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8')));

/** The raw text of a flow file, as Connect would receive it before placeholders are filled. */
export const readFlowText = (file: string): string =>
  readFileSync(new URL(file, import.meta.url), 'utf8');
