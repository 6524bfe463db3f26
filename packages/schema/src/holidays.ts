import { z } from 'zod';

/**
 * Holiday data horizon (issue 13, item 2): years of a business-hours contract's remaining period that
 * have neither the package's official holiday data nor an admin-entered year. `warnFrom` is the Beijing
 * date 60 days before the first such year starts; `active` once that date is reached.
 */
export const HolidayHorizon = z.object({
  missingYears: z.array(z.number().int()),
  warnFrom: z.string().nullable(),
  active: z.boolean(),
});
export type HolidayHorizon = z.infer<typeof HolidayHorizon>;
export const HolidayHorizonWarning = z.object({
  contractId: z.string(),
  contractCode: z.string(),
  contractName: z.string(),
  projectId: z.string(),
  projectCode: z.string(),
  missingYears: z.array(z.number().int()),
  warnFrom: z.string(),
});

const Day = z.object({ date: z.string().regex(/^\d{4}-\d\d-\d\d$/), name: z.string().trim().min(1).max(100) });
export const HolidayYearInput = z.object({ holidays: z.array(Day).min(1).max(80), workdays: z.array(Day).max(40) });
export const HolidayYear = z.object({
  year: z.number().int(),
  source: z.enum(['official', 'admin', 'none']),
  holidays: z.array(Day),
  workdays: z.array(Day),
  updatedAt: z.number().int().nullable(),
  updatedByName: z.string().nullable(),
});
export const HolidayYears = z.object({
  officialYears: z.array(z.number().int()),
  adminYears: z.array(
    z.object({
      year: z.number().int(),
      holidays: z.number().int(),
      workdays: z.number().int(),
      updatedAt: z.number().int(),
    }),
  ),
  warnings: z.array(HolidayHorizonWarning),
});
