/**
 * The enum value lists come from @weibao/schema's zod-free subpath: importing a *value* from the schema's
 * index would pull its zod schemas (and zod, ~28 kB gzip) into the first-load bundle. Only lists the web
 * derives for its own screens are defined here.
 */
import { OM_RECORD_KINDS } from '@weibao/schema/enum-values';

export * from '@weibao/schema/enum-values';

/** Kinds an engineer writes by hand; inspection records come from finishing an inspection task. */
export const MANUAL_RECORD_KINDS = OM_RECORD_KINDS.filter((k) => k !== 'inspection');
/** ISO weekdays as the resident plan stores them: 1 = Monday … 7 = Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
