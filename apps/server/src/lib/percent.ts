/** a of b as a percentage with one decimal (97.5), or null when there is nothing to divide by: no data, never 100%. */
export const percent = (a: number, b: number): number | null => (b ? Math.round((a / b) * 1000) / 10 : null);
