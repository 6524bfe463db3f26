// A user journey as a row of dependent tests: each step is reported on its own, and once one
// fails the later steps are skipped (they would only fail for the same reason).
import { test } from 'vitest';

export function flowSteps(): (name: string, fn: () => Promise<void>, timeout?: number) => void {
  let broken: string | null = null;
  return (name, fn, timeout) =>
    test(
      name,
      async (ctx) => {
        if (broken) ctx.skip(`skipped: earlier step failed (${broken})`);
        try {
          await fn();
        } catch (e) {
          broken = name;
          throw e;
        }
      },
      timeout,
    );
}
