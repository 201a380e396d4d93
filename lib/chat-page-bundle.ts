import { fileURLToPath } from 'node:url';
import { pageFiles } from './page-bundle.ts';

/** The citizens' chat page: index.html, styles.css and src/main.ts (with amazon-connect-chatjs). */
export const CHAT_PAGE_DIR = fileURLToPath(new URL('../chat-page', import.meta.url));

export const chatPageFiles = (): Map<string, Uint8Array> => pageFiles(CHAT_PAGE_DIR);
