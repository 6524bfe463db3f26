import { z } from 'zod';

type NoDefault<S> = S extends z.ZodDefault<infer I> ? I : S;

/**
 * The PATCH form of a create schema: every field optional and *without* its default. zod's own
 * `.partial()` keeps defaults, so a PATCH naming one field would reset every defaulted field
 * the caller left out (lead days back to 31, linked visits emptied).
 */
export function patchOf<T extends z.ZodRawShape>(o: z.ZodObject<T>) {
  const shape = Object.fromEntries(
    Object.entries(o.shape).map(([k, v]) => [
      k,
      (v instanceof z.ZodDefault ? (v.unwrap() as z.ZodType) : (v as z.ZodType)).optional(),
    ]),
  );
  return z.object(shape) as unknown as z.ZodObject<{ [K in keyof T]: z.ZodOptional<NoDefault<T[K]>> }>;
}
