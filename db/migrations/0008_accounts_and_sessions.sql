CREATE TABLE `accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`name` text NOT NULL,
	`roles` text DEFAULT '[]' NOT NULL,
	`password_hash` text,
	`must_change_password` integer DEFAULT true NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`failed_logins` integer DEFAULT 0 NOT NULL,
	`last_failed_at` text,
	`last_login_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_username` ON `accounts` (`username`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`account_id` integer NOT NULL,
	`host` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`locked_at` text,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_token_hash` ON `sessions` (`token_hash`);--> statement-breakpoint
CREATE INDEX `sessions_account` ON `sessions` (`account_id`);--> statement-breakpoint
DROP TABLE `staff`;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_hearings` (
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
	FOREIGN KEY (`presiding_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clerk_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_hearings`("id", "case_id", "starts_at", "ends_at", "room_id", "procedure", "presiding_id", "wing_ids", "clerk_id", "notice_served_on", "notice_waived", "notice_waiver_note", "status", "applicant_present", "respondent_present", "outcome", "created_at") SELECT "id", "case_id", "starts_at", "ends_at", "room_id", "procedure", "presiding_id", "wing_ids", "clerk_id", "notice_served_on", "notice_waived", "notice_waiver_note", "status", "applicant_present", "respondent_present", "outcome", "created_at" FROM `hearings`;--> statement-breakpoint
DROP TABLE `hearings`;--> statement-breakpoint
ALTER TABLE `__new_hearings` RENAME TO `hearings`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `hearings_starts` ON `hearings` (`starts_at`);--> statement-breakpoint
CREATE INDEX `hearings_case` ON `hearings` (`case_id`);--> statement-breakpoint
CREATE INDEX `hearings_room` ON `hearings` (`room_id`,`starts_at`);--> statement-breakpoint
ALTER TABLE `commissions` ADD `idle_lock_minutes` integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE `commissions` DROP COLUMN `operator_name`;