-- The dashboard's daily figures (daily_received, daily_closed, daily_paid) are kept by triggers, so
-- every write that changes a case's receipt, closing or a payment changes them in the same
-- transaction; a year of figures is then ~365 rows instead of ~100,000 cases and millions of
-- payments. A change subtracts the old row's contribution and adds the new one's.
-- tests/integration/dashboardFigures.test.ts proves them equal to a full recount.

CREATE TRIGGER `daily_received_insert` AFTER INSERT ON `cases` BEGIN
  INSERT INTO `daily_received` (`day`, `cases`, `workers`, `claimed_fen`) VALUES (new.`received_on`, 1, new.`worker_count`, new.`claimed_total_fen`)
    ON CONFLICT (`day`) DO UPDATE SET `cases` = `cases` + 1, `workers` = `workers` + excluded.`workers`, `claimed_fen` = `claimed_fen` + excluded.`claimed_fen`;
END;
--> statement-breakpoint
CREATE TRIGGER `daily_received_delete` AFTER DELETE ON `cases` BEGIN
  UPDATE `daily_received` SET `cases` = `cases` - 1, `workers` = `workers` - old.`worker_count`, `claimed_fen` = `claimed_fen` - old.`claimed_total_fen`
    WHERE `day` = old.`received_on`;
END;
--> statement-breakpoint
CREATE TRIGGER `daily_received_update` AFTER UPDATE OF `received_on`, `worker_count`, `claimed_total_fen` ON `cases` BEGIN
  UPDATE `daily_received` SET `cases` = `cases` - 1, `workers` = `workers` - old.`worker_count`, `claimed_fen` = `claimed_fen` - old.`claimed_total_fen`
    WHERE `day` = old.`received_on`;
  INSERT INTO `daily_received` (`day`, `cases`, `workers`, `claimed_fen`) VALUES (new.`received_on`, 1, new.`worker_count`, new.`claimed_total_fen`)
    ON CONFLICT (`day`) DO UPDATE SET `cases` = `cases` + 1, `workers` = `workers` + excluded.`workers`, `claimed_fen` = `claimed_fen` + excluded.`claimed_fen`;
END;
--> statement-breakpoint
CREATE TRIGGER `daily_closed_insert` AFTER INSERT ON `cases` WHEN new.`closed_on` IS NOT NULL BEGIN
  INSERT INTO `daily_closed` (`day`, `closing_method`, `cases`, `on_time`, `within_fast_track`, `days_sum`, `days_count`)
    VALUES (new.`closed_on`, coalesce(new.`closing_method`, ''), 1, coalesce(new.`closed_on_time` = 1, 0), coalesce(new.`closed_within_fast_track` = 1, 0),
      coalesce(new.`days_to_close`, 0), new.`days_to_close` IS NOT NULL)
    ON CONFLICT (`day`, `closing_method`) DO UPDATE SET `cases` = `cases` + 1, `on_time` = `on_time` + excluded.`on_time`,
      `within_fast_track` = `within_fast_track` + excluded.`within_fast_track`, `days_sum` = `days_sum` + excluded.`days_sum`, `days_count` = `days_count` + excluded.`days_count`;
END;
--> statement-breakpoint
CREATE TRIGGER `daily_closed_delete` AFTER DELETE ON `cases` WHEN old.`closed_on` IS NOT NULL BEGIN
  UPDATE `daily_closed` SET `cases` = `cases` - 1, `on_time` = `on_time` - coalesce(old.`closed_on_time` = 1, 0),
      `within_fast_track` = `within_fast_track` - coalesce(old.`closed_within_fast_track` = 1, 0),
      `days_sum` = `days_sum` - coalesce(old.`days_to_close`, 0), `days_count` = `days_count` - (old.`days_to_close` IS NOT NULL)
    WHERE `day` = old.`closed_on` AND `closing_method` = coalesce(old.`closing_method`, '');
END;
--> statement-breakpoint
CREATE TRIGGER `daily_closed_update` AFTER UPDATE OF `closed_on`, `closing_method`, `closed_on_time`, `closed_within_fast_track`, `days_to_close` ON `cases` BEGIN
  UPDATE `daily_closed` SET `cases` = `cases` - 1, `on_time` = `on_time` - coalesce(old.`closed_on_time` = 1, 0),
      `within_fast_track` = `within_fast_track` - coalesce(old.`closed_within_fast_track` = 1, 0),
      `days_sum` = `days_sum` - coalesce(old.`days_to_close`, 0), `days_count` = `days_count` - (old.`days_to_close` IS NOT NULL)
    WHERE old.`closed_on` IS NOT NULL AND `day` = old.`closed_on` AND `closing_method` = coalesce(old.`closing_method`, '');
  INSERT INTO `daily_closed` (`day`, `closing_method`, `cases`, `on_time`, `within_fast_track`, `days_sum`, `days_count`)
    SELECT new.`closed_on`, coalesce(new.`closing_method`, ''), 1, coalesce(new.`closed_on_time` = 1, 0), coalesce(new.`closed_within_fast_track` = 1, 0),
      coalesce(new.`days_to_close`, 0), new.`days_to_close` IS NOT NULL
    WHERE new.`closed_on` IS NOT NULL
    ON CONFLICT (`day`, `closing_method`) DO UPDATE SET `cases` = `cases` + 1, `on_time` = `on_time` + excluded.`on_time`,
      `within_fast_track` = `within_fast_track` + excluded.`within_fast_track`, `days_sum` = `days_sum` + excluded.`days_sum`, `days_count` = `days_count` + excluded.`days_count`;
END;
--> statement-breakpoint
CREATE TRIGGER `daily_paid_insert` AFTER INSERT ON `payments` BEGIN
  INSERT INTO `daily_paid` (`day`, `amount_fen`) VALUES (substr(new.`paid_at`, 1, 10), new.`amount_fen`)
    ON CONFLICT (`day`) DO UPDATE SET `amount_fen` = `amount_fen` + excluded.`amount_fen`;
END;
--> statement-breakpoint
CREATE TRIGGER `daily_paid_delete` AFTER DELETE ON `payments` BEGIN
  UPDATE `daily_paid` SET `amount_fen` = `amount_fen` - old.`amount_fen` WHERE `day` = substr(old.`paid_at`, 1, 10);
END;
--> statement-breakpoint
CREATE TRIGGER `daily_paid_update` AFTER UPDATE OF `paid_at`, `amount_fen` ON `payments` BEGIN
  UPDATE `daily_paid` SET `amount_fen` = `amount_fen` - old.`amount_fen` WHERE `day` = substr(old.`paid_at`, 1, 10);
  INSERT INTO `daily_paid` (`day`, `amount_fen`) VALUES (substr(new.`paid_at`, 1, 10), new.`amount_fen`)
    ON CONFLICT (`day`) DO UPDATE SET `amount_fen` = `amount_fen` + excluded.`amount_fen`;
END;
--> statement-breakpoint
-- Backfill from what a data folder already holds.
INSERT INTO `daily_received` (`day`, `cases`, `workers`, `claimed_fen`)
  SELECT `received_on`, count(*), total(`worker_count`), total(`claimed_total_fen`) FROM `cases` GROUP BY 1;
--> statement-breakpoint
INSERT INTO `daily_closed` (`day`, `closing_method`, `cases`, `on_time`, `within_fast_track`, `days_sum`, `days_count`)
  SELECT `closed_on`, coalesce(`closing_method`, ''), count(*), total(`closed_on_time` = 1), total(`closed_within_fast_track` = 1),
    total(`days_to_close`), count(`days_to_close`)
  FROM `cases` WHERE `closed_on` IS NOT NULL GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO `daily_paid` (`day`, `amount_fen`) SELECT substr(`paid_at`, 1, 10), total(`amount_fen`) FROM `payments` GROUP BY 1;
