CREATE TABLE `evidence_files` (
	`sha256` text PRIMARY KEY NOT NULL,
	`size` integer NOT NULL,
	`mime` text NOT NULL,
	`extension` text,
	`page_count` integer,
	`stored_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `exhibits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uid` text NOT NULL,
	`case_id` integer NOT NULL,
	`file_sha256` text NOT NULL,
	`seq` integer NOT NULL,
	`title` text NOT NULL,
	`file_name` text NOT NULL,
	`submitted_by` text NOT NULL,
	`collected_by` text,
	`received_on` text NOT NULL,
	`purpose_of_proof` text DEFAULT '' NOT NULL,
	`original_seen` integer DEFAULT false NOT NULL,
	`track` text NOT NULL,
	`recognised_by` text,
	`recognised_at` text,
	`cross_examined_on` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`file_sha256`) REFERENCES `evidence_files`(`sha256`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `exhibits_case_seq` ON `exhibits` (`case_id`,`seq`);--> statement-breakpoint
CREATE INDEX `exhibits_file` ON `exhibits` (`file_sha256`);--> statement-breakpoint
CREATE UNIQUE INDEX `exhibits_uid` ON `exhibits` (`uid`);--> statement-breakpoint
CREATE TABLE `inspection_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`title` text NOT NULL,
	`pay_by` text,
	`note` text,
	`exhibit_id` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`exhibit_id`) REFERENCES `exhibits`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inspection_steps_case` ON `inspection_steps` (`case_id`,`date`);--> statement-breakpoint
CREATE TABLE `inspection_tracks` (
	`case_id` integer PRIMARY KEY NOT NULL,
	`complaint_number` text,
	`complaint_received_on` text NOT NULL,
	`filed_on` text,
	`inspectors` text DEFAULT '' NOT NULL,
	`investigation_extended` integer DEFAULT false NOT NULL,
	`closed_on` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `cases` ADD `uid` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `has_arbitration` integer DEFAULT true NOT NULL;--> statement-breakpoint
-- Cases filed before this migration get their cross-machine identity now.
UPDATE `cases` SET `uid` = lower(hex(randomblob(16))) WHERE `uid` IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `cases_uid` ON `cases` (`uid`);