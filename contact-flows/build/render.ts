import { FLOWS } from '#flows/manifest.ts';
import { FLOW_BUILDERS } from './flows.ts';

/** Each flow file's content as `npm run flows:build` writes it. */
export const renderFlowFiles = (): { file: string; content: string }[] =>
  FLOWS.map((flow) => ({
    file: flow.file,
    content: `${JSON.stringify(FLOW_BUILDERS[flow.id](), null, 2)}\n`,
  }));
