import { z } from 'zod';

/**
 * Words of an API field in both languages, as the server's message catalogue renders them: the web shows the
 * reader's (`text[lang]`), a document its own. Used where a result (not an error) carries a sentence, so the
 * page can switch language without asking again.
 */
export const LocalizedText = z.object({ 'zh-CN': z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof LocalizedText>;
