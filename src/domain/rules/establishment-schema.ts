/**
 * The conditions for establishing a new hamlet (thôn, tổ dân phố): the minimum number of households
 * by kind and area, and the cases in which a lower number is allowed. National rule: TT04 Điều 7 (as
 * amended); Quảng Trị QĐ 01/2016 Điều 9 refers to it and lists the exceptions in k2. Nghị định 59/2023
 * does not regulate establishing hamlets.
 */
import { z } from 'zod';

const count = z.number().int().nonnegative();

export const establishmentAreaSchema = z.enum(['plain', 'mountainBorder', 'island']);
export type EstablishmentArea = z.infer<typeof establishmentAreaSchema>;

export const establishmentExceptionSchema = z.object({
  code: z.enum(['clearance', 'resettlement', 'boundaryChange', 'remoteMigration']),
  label: z.string().min(1),
});

export const establishmentSchema = z.object({
  /** Minimum households of a new hamlet, by rural (thôn, ấp...) or urban (tổ dân phố, khu phố) and area. */
  minHouseholds: z.object({
    rural: z.object({ plain: count, mountainBorder: count, island: count }),
    urban: z.object({ plain: count, mountainBorder: count, island: count }),
  }),
  /** Where the minimum may be lower (QĐ 01/2016 Điều 9 k2); an empty list allows no exception. */
  lowerAllowedFor: z.array(establishmentExceptionSchema),
  /** Who decides, as the profile's source says it. */
  decidedBy: z.string().min(1),
});
export type EstablishmentRule = z.infer<typeof establishmentSchema>;
