ALTER TABLE `cases` ADD `award_finality` text;--> statement-breakpoint
ALTER TABLE `daily_closed` ADD `mixed_awards` integer DEFAULT 0 NOT NULL;