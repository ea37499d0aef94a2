-- A split award (some items final, some not — Law Arts 47/48, 部分终局) is counted on its own in the
-- dashboard's daily figures: daily_closed.mixed_awards counts the cases of each (day, method) whose
-- cases.award_finality is 'mixed', so 终局 / 部分终局 / 非终局 figures equal the case lists they open.
-- tests/integration/dashboardFigures.test.ts proves them equal to a full recount.

-- No backfill here: cases.award_finality of cases closed before this migration is filled in by
-- electron/services/audit/dataUpgrades.ts once the audit chain's writer is on the connection, so one
-- chained event takes the rows (an UPDATE here would change audited rows with no event), and the
-- daily_closed_update trigger below moves them into mixed_awards.
DROP TRIGGER `daily_closed_insert`;
--> statement-breakpoint
DROP TRIGGER `daily_closed_delete`;
--> statement-breakpoint
DROP TRIGGER `daily_closed_update`;
--> statement-breakpoint
CREATE TRIGGER `daily_closed_insert` AFTER INSERT ON `cases` WHEN new.`closed_on` IS NOT NULL BEGIN
  INSERT INTO `daily_closed` (`day`, `closing_method`, `cases`, `on_time`, `within_fast_track`, `days_sum`, `days_count`, `mixed_awards`)
    VALUES (new.`closed_on`, coalesce(new.`closing_method`, ''), 1, coalesce(new.`closed_on_time` = 1, 0), coalesce(new.`closed_within_fast_track` = 1, 0),
      coalesce(new.`days_to_close`, 0), new.`days_to_close` IS NOT NULL, coalesce(new.`award_finality` = 'mixed', 0))
    ON CONFLICT (`day`, `closing_method`) DO UPDATE SET `cases` = `cases` + 1, `on_time` = `on_time` + excluded.`on_time`,
      `within_fast_track` = `within_fast_track` + excluded.`within_fast_track`, `days_sum` = `days_sum` + excluded.`days_sum`,
      `days_count` = `days_count` + excluded.`days_count`, `mixed_awards` = `mixed_awards` + excluded.`mixed_awards`;
END;
--> statement-breakpoint
CREATE TRIGGER `daily_closed_delete` AFTER DELETE ON `cases` WHEN old.`closed_on` IS NOT NULL BEGIN
  UPDATE `daily_closed` SET `cases` = `cases` - 1, `on_time` = `on_time` - coalesce(old.`closed_on_time` = 1, 0),
      `within_fast_track` = `within_fast_track` - coalesce(old.`closed_within_fast_track` = 1, 0),
      `days_sum` = `days_sum` - coalesce(old.`days_to_close`, 0), `days_count` = `days_count` - (old.`days_to_close` IS NOT NULL),
      `mixed_awards` = `mixed_awards` - coalesce(old.`award_finality` = 'mixed', 0)
    WHERE `day` = old.`closed_on` AND `closing_method` = coalesce(old.`closing_method`, '');
END;
--> statement-breakpoint
CREATE TRIGGER `daily_closed_update` AFTER UPDATE OF `closed_on`, `closing_method`, `closed_on_time`, `closed_within_fast_track`, `days_to_close`, `award_finality` ON `cases` BEGIN
  UPDATE `daily_closed` SET `cases` = `cases` - 1, `on_time` = `on_time` - coalesce(old.`closed_on_time` = 1, 0),
      `within_fast_track` = `within_fast_track` - coalesce(old.`closed_within_fast_track` = 1, 0),
      `days_sum` = `days_sum` - coalesce(old.`days_to_close`, 0), `days_count` = `days_count` - (old.`days_to_close` IS NOT NULL),
      `mixed_awards` = `mixed_awards` - coalesce(old.`award_finality` = 'mixed', 0)
    WHERE old.`closed_on` IS NOT NULL AND `day` = old.`closed_on` AND `closing_method` = coalesce(old.`closing_method`, '');
  INSERT INTO `daily_closed` (`day`, `closing_method`, `cases`, `on_time`, `within_fast_track`, `days_sum`, `days_count`, `mixed_awards`)
    SELECT new.`closed_on`, coalesce(new.`closing_method`, ''), 1, coalesce(new.`closed_on_time` = 1, 0), coalesce(new.`closed_within_fast_track` = 1, 0),
      coalesce(new.`days_to_close`, 0), new.`days_to_close` IS NOT NULL, coalesce(new.`award_finality` = 'mixed', 0)
    WHERE new.`closed_on` IS NOT NULL
    ON CONFLICT (`day`, `closing_method`) DO UPDATE SET `cases` = `cases` + 1, `on_time` = `on_time` + excluded.`on_time`,
      `within_fast_track` = `within_fast_track` + excluded.`within_fast_track`, `days_sum` = `days_sum` + excluded.`days_sum`,
      `days_count` = `days_count` + excluded.`days_count`, `mixed_awards` = `mixed_awards` + excluded.`mixed_awards`;
END;
