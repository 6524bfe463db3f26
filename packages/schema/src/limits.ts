/**
 * Zod-free constants the web needs at runtime (`@weibao/schema/limits`): importing them from the package
 * root would pull every zod schema into the browser bundle.
 */

/** Counts are capped: a badge shows "99+" above this, and the server never counts further. */
export const BADGE_CAP = 99;
