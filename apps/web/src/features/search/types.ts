// Types of the search API, inferred from the zod schemas (type-only: no zod code reaches the bundle).
import type { z } from 'zod';
import type * as S from '@weibao/schema';

export type SearchResults = z.infer<typeof S.SearchResults>;
