import { fileURLToPath } from 'node:url';
import { bundlePage, pageFiles } from './page-bundle.ts';

/** The agent desktop's sources: index.html, styles.css and src/main.ts. */
export const AGENT_DESKTOP_DIR = fileURLToPath(new URL('../agent-desktop', import.meta.url));

export const agentDesktopFiles = (): Map<string, Uint8Array> => pageFiles(AGENT_DESKTOP_DIR);

export const bundleAgentDesktop = (outputDir: string): void =>
  bundlePage(AGENT_DESKTOP_DIR, outputDir);
