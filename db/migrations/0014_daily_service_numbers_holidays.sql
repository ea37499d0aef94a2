CREATE TABLE `document_numbers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`series` text NOT NULL,
	`subject` text NOT NULL,
	`year` integer NOT NULL,
	`seq` integer NOT NULL,
	`number` text NOT NULL,
	`assigned_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_numbers_subject` ON `document_numbers` (`case_id`,`series`,`subject`);--> statement-breakpoint
CREATE UNIQUE INDEX `document_numbers_seq` ON `document_numbers` (`series`,`year`,`seq`);--> statement-breakpoint
CREATE TABLE `holiday_notices` (
	`year` integer PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`festivals` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `number_sequences` (
	`commission_id` integer NOT NULL,
	`series` text NOT NULL,
	`year` integer NOT NULL,
	`last_number` integer NOT NULL,
	PRIMARY KEY(`commission_id`, `series`, `year`),
	FOREIGN KEY (`commission_id`) REFERENCES `commissions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `respondent_services` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`served_on` text NOT NULL,
	`method` text NOT NULL,
	`note` text,
	`defence_waiver` text,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `respondent_services_party` ON `respondent_services` (`case_id`,`organisation_id`);--> statement-breakpoint
CREATE TABLE `withdrawal_applications` (
	`case_id` integer PRIMARY KEY NOT NULL,
	`applied_on` text NOT NULL,
	`applied_by` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`consent_on` text,
	`consent_note` text,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `commissions` ADD `rejection_number_pattern` text DEFAULT '赣市劳人仲不字〔{year}〕第{n}号' NOT NULL;--> statement-breakpoint
ALTER TABLE `commissions` ADD `correction_order_number_pattern` text DEFAULT '赣市人社监令〔{year}〕{n}号' NOT NULL;--> statement-breakpoint
ALTER TABLE `commissions` ADD `police_transfer_number_pattern` text DEFAULT '赣市人社监移〔{year}〕{n}号' NOT NULL;--> statement-breakpoint
ALTER TABLE `commissions` ADD `mask_worker_ids` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `document_services` ADD `party_kind` text;--> statement-breakpoint
ALTER TABLE `document_services` ADD `party_id` integer;--> statement-breakpoint
ALTER TABLE `hearings` ADD `opened_at` text;--> statement-breakpoint
ALTER TABLE `hearings` ADD `closed_at` text;