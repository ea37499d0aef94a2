CREATE TABLE `claim_withdrawals` (
	`claim_item_id` integer PRIMARY KEY NOT NULL,
	`case_id` integer NOT NULL,
	`withdrawn_on` text NOT NULL,
	`applied_by` text NOT NULL,
	`applicant_name` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`consent_on` text,
	`consent_note` text,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`claim_item_id`) REFERENCES `claim_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `claim_withdrawals_case` ON `claim_withdrawals` (`case_id`);