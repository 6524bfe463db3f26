/** One catalogue entry: the same phrase in zh-CN and en, with the same `{name}` placeholders in both. */
export const t = (zh: string, en: string) => ({ 'zh-CN': zh, en }) as const;
