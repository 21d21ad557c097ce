/** An area of the string table: every key has its text in both languages. */
export type StringTable = Record<string, { zh: string; en: string }>;
