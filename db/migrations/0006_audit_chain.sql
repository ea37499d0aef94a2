CREATE TABLE `backup_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`folder` text,
	`keep` integer DEFAULT 10 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `event_rows` (
	`id` integer PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`table_name` text NOT NULL,
	`row_key` text NOT NULL,
	`digest` text
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_case_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`actor_id` integer,
	`action` text NOT NULL,
	`summary` text NOT NULL,
	`before` text,
	`after` text,
	`seq` integer,
	`prev_hash` text,
	`case_prev_hash` text,
	`rows_digest` text,
	`source_hash` text,
	`hash` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_case_events`("id", "case_id", "at", "actor", "action", "summary", "before", "after") SELECT "id", "case_id", "at", "actor", "action", "summary", "before", "after" FROM `case_events`;--> statement-breakpoint
DROP TABLE `case_events`;--> statement-breakpoint
ALTER TABLE `__new_case_events` RENAME TO `case_events`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `case_events_case_at` ON `case_events` (`case_id`,`at`);--> statement-breakpoint
CREATE UNIQUE INDEX `case_events_seq` ON `case_events` (`seq`);--> statement-breakpoint
CREATE INDEX `case_events_case_seq` ON `case_events` (`case_id`,`seq`);