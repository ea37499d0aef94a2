CREATE TABLE `daily_closed` (
	`day` text NOT NULL,
	`closing_method` text NOT NULL,
	`cases` integer NOT NULL,
	`on_time` integer NOT NULL,
	`within_fast_track` integer NOT NULL,
	`days_sum` integer NOT NULL,
	`days_count` integer NOT NULL,
	PRIMARY KEY(`day`, `closing_method`)
);
--> statement-breakpoint
CREATE TABLE `daily_paid` (
	`day` text PRIMARY KEY NOT NULL,
	`amount_fen` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `daily_received` (
	`day` text PRIMARY KEY NOT NULL,
	`cases` integer NOT NULL,
	`workers` integer NOT NULL,
	`claimed_fen` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `deferred_indexes` (
	`name` text PRIMARY KEY NOT NULL,
	`sql` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `cases_case_seq` ON `cases` (`case_seq`,`case_year`);