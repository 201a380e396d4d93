export interface PromptText {
  readonly en: string;
  readonly sw: string;
  /** Written only (chat, SMS, WhatsApp): never spoken, so never recorded. */
  readonly written?: boolean;
}

/** One file of prompts/ (or the names derived from data/): prompt ids and their texts. */
export interface PromptFile {
  readonly prompts: Readonly<Record<string, PromptText>>;
}
