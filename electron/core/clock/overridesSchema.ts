// Format of resources/holidays/overrides.json (see resources/holidays/README.md).
// Loading the file is done by services; this module only describes and flattens it.
import { z } from 'zod';
import { isValidDate } from '../dates';
import type { HolidayOverride } from './calendar';

export const holidayOverrideSchema = z.object({
  date: z.string().refine(isValidDate, { message: '日期应为有效的YYYY-MM-DD' }),
  kind: z.enum(['holiday', 'workday']),
  name: z.string().min(1).optional(),
});

export const holidayNoticeSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  /** The notice's title, e.g. 国务院办公厅关于2027年部分节假日安排的通知 */
  source: z.string().min(1),
  days: z.array(holidayOverrideSchema),
});

export const holidayOverridesFileSchema = z.object({
  notices: z.array(holidayNoticeSchema),
});

export type HolidayOverridesFile = z.infer<typeof holidayOverridesFileSchema>;

/** All days of all notices, in file order (a later notice wins for the same day). */
export function flattenHolidayOverrides(file: HolidayOverridesFile): HolidayOverride[] {
  return file.notices.flatMap((n) =>
    n.days.map((d) => (d.name ? { date: d.date, kind: d.kind, name: d.name } : { date: d.date, kind: d.kind })),
  );
}
