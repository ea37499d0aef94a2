CREATE TABLE `case_tribunals` (
	`case_id` integer PRIMARY KEY NOT NULL,
	`procedure` text NOT NULL,
	`presiding_id` integer NOT NULL,
	`wing_ids` text DEFAULT '[]' NOT NULL,
	`clerk_id` integer,
	`composed_on` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`presiding_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clerk_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `court_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`kind` text NOT NULL,
	`filed_by` text NOT NULL,
	`respondent_id` integer,
	`worker_ids` text,
	`part` text NOT NULL,
	`court` text NOT NULL,
	`filed_on` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`ended_on` text,
	`note` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`respondent_id`) REFERENCES `case_respondents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `court_actions_case` ON `court_actions` (`case_id`);--> statement-breakpoint
CREATE TABLE `hearing_attendance` (
	`hearing_id` integer NOT NULL,
	`party` text NOT NULL,
	`party_id` integer NOT NULL,
	`present` integer NOT NULL,
	`attended_by` text,
	PRIMARY KEY(`hearing_id`, `party`, `party_id`),
	FOREIGN KEY (`hearing_id`) REFERENCES `hearings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `liabilities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`claim_item_id` integer NOT NULL,
	`respondent_id` integer NOT NULL,
	`instrument` text NOT NULL,
	`kind` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`claim_item_id`) REFERENCES `claim_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`respondent_id`) REFERENCES `case_respondents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `liabilities_item` ON `liabilities` (`claim_item_id`,`respondent_id`,`instrument`);--> statement-breakpoint
CREATE INDEX `liabilities_case` ON `liabilities` (`case_id`,`instrument`);--> statement-breakpoint
ALTER TABLE `commissions` ADD `publication_period_days` integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE `workers` ADD `id_number_note` text;