CREATE TABLE `award_items` (
	`claim_item_id` integer PRIMARY KEY NOT NULL,
	`case_id` integer NOT NULL,
	`awarded_fen` integer NOT NULL,
	`is_final` integer,
	FOREIGN KEY (`claim_item_id`) REFERENCES `claim_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `award_items_case` ON `award_items` (`case_id`);--> statement-breakpoint
CREATE TABLE `awards` (
	`case_id` integer PRIMARY KEY NOT NULL,
	`decided_on` text,
	`defence` text DEFAULT '' NOT NULL,
	`facts_found` text DEFAULT '' NOT NULL,
	`evidence_relied` text DEFAULT '' NOT NULL,
	`reasoning` text DEFAULT '' NOT NULL,
	`issued_at` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `document_services` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`case_id` integer NOT NULL,
	`recipient` text NOT NULL,
	`method` text NOT NULL,
	`served_on` text,
	`note` text,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `document_services_case` ON `document_services` (`case_id`);--> statement-breakpoint
CREATE INDEX `document_services_document` ON `document_services` (`document_id`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`kind` text NOT NULL,
	`variant` text DEFAULT '' NOT NULL,
	`version` integer NOT NULL,
	`title` text NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`generated_at` text NOT NULL,
	`data_hash` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `documents_case` ON `documents` (`case_id`,`kind`,`variant`,`version`);--> statement-breakpoint
CREATE TABLE `suspensions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`from_on` text NOT NULL,
	`to_on` text,
	`reason` text NOT NULL,
	`approved_by` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `suspensions_case` ON `suspensions` (`case_id`);--> statement-breakpoint
CREATE TABLE `warnings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`kind` text NOT NULL,
	`subject` text NOT NULL,
	`raised_on` text NOT NULL,
	`detail` text NOT NULL,
	`resolved_on` text,
	`resolution` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `warnings_subject` ON `warnings` (`case_id`,`kind`,`subject`);--> statement-breakpoint
CREATE INDEX `warnings_open` ON `warnings` (`resolved_on`);--> statement-breakpoint
ALTER TABLE `cases` ADD `closing_method` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `closed_on_time` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `closed_within_fast_track` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `days_to_close` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `extension_approved_by` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `extension_reason` text;--> statement-breakpoint
CREATE INDEX `cases_closed_on` ON `cases` (`closed_on`);--> statement-breakpoint
CREATE INDEX `cases_accepted_on` ON `cases` (`accepted_on`);--> statement-breakpoint
ALTER TABLE `commissions` ADD `police_threshold_one_worker_fen` integer DEFAULT 1000000 NOT NULL;--> statement-breakpoint
ALTER TABLE `commissions` ADD `police_threshold_ten_workers_fen` integer DEFAULT 6000000 NOT NULL;--> statement-breakpoint
ALTER TABLE `commissions` ADD `address` text;--> statement-breakpoint
ALTER TABLE `commissions` ADD `phone` text;