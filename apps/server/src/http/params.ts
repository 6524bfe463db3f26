import { z } from 'zod';

/**
 * Path parameters shared by the routes: one definition, so every `/:id` validates (and is documented in
 * the OpenAPI reference) the same way. Ids are opaque strings; the service decides whether one exists.
 */
export const IdParam = z.object({ id: z.string().max(64) });
