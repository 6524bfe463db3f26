import { z } from 'zod';

/** Epoch milliseconds, UTC. */
export const Millis = z.number().int().nonnegative();
export const Id = z.string().min(1).max(64);
