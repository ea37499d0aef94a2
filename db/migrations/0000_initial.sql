CREATE TABLE `case_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`summary` text NOT NULL,
	`before` text,
	`after` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `case_events_case_at` ON `case_events` (`case_id`,`at`);--> statement-breakpoint
CREATE TABLE `case_number_sequences` (
	`commission_id` integer NOT NULL,
	`year` integer NOT NULL,
	`last_number` integer NOT NULL,
	PRIMARY KEY(`commission_id`, `year`),
	FOREIGN KEY (`commission_id`) REFERENCES `commissions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `case_respondents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`role` text NOT NULL,
	`sort_order` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_respondents_case` ON `case_respondents` (`case_id`);--> statement-breakpoint
CREATE INDEX `case_respondents_organisation` ON `case_respondents` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`commission_id` integer NOT NULL,
	`case_number` text,
	`case_year` integer,
	`case_seq` integer,
	`channel` text NOT NULL,
	`stage` text DEFAULT 'filing' NOT NULL,
	`status` text DEFAULT 'received' NOT NULL,
	`procedure` text DEFAULT 'simplified' NOT NULL,
	`is_collective` integer DEFAULT false NOT NULL,
	`project_id` integer,
	`cause` text DEFAULT '追索劳动报酬' NOT NULL,
	`received_on` text NOT NULL,
	`accepted_on` text,
	`accepted_with_gaps` integer DEFAULT false NOT NULL,
	`materials_promise` text,
	`materials_completed_on` text,
	`rejected_on` text,
	`rejection_reason` text,
	`respondent_served_on` text,
	`award_extension_days` integer DEFAULT 0 NOT NULL,
	`closed_on` text,
	`next_due_on` text,
	`worker_count` integer DEFAULT 0 NOT NULL,
	`claimed_total_fen` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`commission_id`) REFERENCES `commissions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_case_number` ON `cases` (`case_number`);--> statement-breakpoint
CREATE INDEX `cases_received_on` ON `cases` (`received_on`,`id`);--> statement-breakpoint
CREATE INDEX `cases_stage` ON `cases` (`stage`,`received_on`);--> statement-breakpoint
CREATE INDEX `cases_channel` ON `cases` (`channel`,`received_on`);--> statement-breakpoint
CREATE INDEX `cases_next_due_on` ON `cases` (`next_due_on`);--> statement-breakpoint
CREATE INDEX `cases_project` ON `cases` (`project_id`);--> statement-breakpoint
CREATE INDEX `cases_status` ON `cases` (`status`);--> statement-breakpoint
CREATE TABLE `claim_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`worker_id` integer NOT NULL,
	`type` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`note` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `claim_items_case` ON `claim_items` (`case_id`);--> statement-breakpoint
CREATE INDEX `claim_items_worker` ON `claim_items` (`worker_id`);--> statement-breakpoint
CREATE TABLE `commissions` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`case_number_pattern` text NOT NULL,
	`fast_track_target_days` integer DEFAULT 30 NOT NULL,
	`operator_name` text DEFAULT '操作员' NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `minimum_wages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`commission_id` integer NOT NULL,
	`effective_on` text NOT NULL,
	`monthly_fen` integer NOT NULL,
	FOREIGN KEY (`commission_id`) REFERENCES `commissions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `minimum_wages_commission_effective` ON `minimum_wages` (`commission_id`,`effective_on`);--> statement-breakpoint
CREATE TABLE `missing_materials` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`name` text NOT NULL,
	`completed_on` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `missing_materials_case` ON `missing_materials` (`case_id`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`credit_code` text,
	`id_number` text,
	`legal_representative` text,
	`address` text,
	`phone` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `organisations_name` ON `organisations` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_credit_code` ON `organisations` (`credit_code`);--> statement-breakpoint
CREATE INDEX `organisations_id_number` ON `organisations` (`id_number`);--> statement-breakpoint
CREATE TABLE `project_parties` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`role` text NOT NULL,
	`contracted_by_id` integer,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contracted_by_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `project_parties_unique` ON `project_parties` (`project_id`,`organisation_id`,`role`);--> statement-breakpoint
CREATE INDEX `project_parties_organisation` ON `project_parties` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`address` text,
	`permit_number` text,
	`contract_price_fen` integer,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `projects_name` ON `projects` (`name`);--> statement-breakpoint
CREATE TABLE `workers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`sort_order` integer NOT NULL,
	`name` text NOT NULL,
	`name_initials` text NOT NULL,
	`id_number` text NOT NULL,
	`sex` text,
	`birth_date` text,
	`phone` text,
	`job_type` text,
	`team` text,
	`days_worked` real,
	`daily_wage_fen` integer,
	`due_fen` integer,
	`paid_fen` integer,
	`owed_fen` integer NOT NULL,
	`bank_card` text,
	`note` text,
	`is_representative` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workers_case_id_number` ON `workers` (`case_id`,`id_number`);--> statement-breakpoint
CREATE INDEX `workers_id_number` ON `workers` (`id_number`);--> statement-breakpoint
CREATE INDEX `workers_case_order` ON `workers` (`case_id`,`sort_order`);