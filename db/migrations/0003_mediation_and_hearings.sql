CREATE TABLE `cross_examinations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`exhibit_id` integer NOT NULL,
	`hearing_id` integer,
	`party` text NOT NULL,
	`authenticity` text,
	`legality` text,
	`relevance` text,
	`opinion` text DEFAULT '' NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`exhibit_id`) REFERENCES `exhibits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`hearing_id`) REFERENCES `hearings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cross_examinations_unique` ON `cross_examinations` (`exhibit_id`,`hearing_id`,`party`);--> statement-breakpoint
CREATE TABLE `hearing_record_steps` (
	`hearing_id` integer NOT NULL,
	`step` text NOT NULL,
	`content` text DEFAULT '' NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`hearing_id`, `step`),
	FOREIGN KEY (`hearing_id`) REFERENCES `hearings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `hearings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`room_id` integer NOT NULL,
	`procedure` text NOT NULL,
	`presiding_id` integer NOT NULL,
	`wing_ids` text DEFAULT '[]' NOT NULL,
	`clerk_id` integer NOT NULL,
	`notice_served_on` text,
	`notice_waived` integer DEFAULT false NOT NULL,
	`notice_waiver_note` text,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`applicant_present` integer,
	`respondent_present` integer,
	`outcome` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`presiding_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clerk_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `hearings_starts` ON `hearings` (`starts_at`);--> statement-breakpoint
CREATE INDEX `hearings_case` ON `hearings` (`case_id`);--> statement-breakpoint
CREATE INDEX `hearings_room` ON `hearings` (`room_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `instalments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`worker_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`due_on` text NOT NULL,
	`amount_fen` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `instalments_case` ON `instalments` (`case_id`,`worker_id`,`seq`);--> statement-breakpoint
CREATE INDEX `instalments_due` ON `instalments` (`due_on`);--> statement-breakpoint
CREATE TABLE `mediation_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`held_on` text NOT NULL,
	`mediator` text NOT NULL,
	`attendees` text DEFAULT '[]' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`outcome` text DEFAULT 'pending' NOT NULL,
	`track` text DEFAULT 'arbitration' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `mediation_sessions_case` ON `mediation_sessions` (`case_id`,`held_on`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`worker_id` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`paid_at` text NOT NULL,
	`method` text NOT NULL,
	`reference` text,
	`exhibit_id` integer,
	`instalment_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`exhibit_id`) REFERENCES `exhibits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`instalment_id`) REFERENCES `instalments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payments_case` ON `payments` (`case_id`,`worker_id`);--> statement-breakpoint
CREATE INDEX `payments_instalment` ON `payments` (`instalment_id`);--> statement-breakpoint
CREATE TABLE `rooms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`location` text,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rooms_name_unique` ON `rooms` (`name`);--> statement-breakpoint
CREATE TABLE `settlement_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`worker_id` integer NOT NULL,
	`claim_item_id` integer NOT NULL,
	`agreed_fen` integer,
	`pay_by` text,
	`method` text,
	`track` text DEFAULT 'arbitration' NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`claim_item_id`) REFERENCES `claim_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `settlement_items_claim` ON `settlement_items` (`claim_item_id`);--> statement-breakpoint
CREATE INDEX `settlement_items_case` ON `settlement_items` (`case_id`,`worker_id`);--> statement-breakpoint
CREATE TABLE `staff` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`role` text NOT NULL,
	`name` text NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_role_name` ON `staff` (`role`,`name`);--> statement-breakpoint
ALTER TABLE `cases` ADD `mediation_outcome` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `mediation_signed_by_workers_on` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `mediation_signed_by_respondent_on` text;