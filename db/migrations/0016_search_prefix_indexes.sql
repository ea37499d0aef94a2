-- Prefix indexes for the case search (issue 12): the prefixes a clerk types — one character (刘…, z…),
-- two letters of pinyin initials (ly…), six to nine digits of an ID number (360722…) — are each one
-- term in the index, so a page of the newest matches is read without merging the doclists of every
-- term that starts with them (which took 0.3–0.5 s at 100,000 cases). Longer prefixes match few terms.
-- FTS5 takes the option only when the table is created: the index is rebuilt from the stored bodies
-- and merged into one segment.
CREATE VIRTUAL TABLE `case_search_prefixed` USING fts5(body, tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 6 7 8 9');
--> statement-breakpoint
INSERT INTO `case_search_prefixed` (rowid, body) SELECT rowid, body FROM `case_search`;
--> statement-breakpoint
DROP TABLE `case_search`;
--> statement-breakpoint
ALTER TABLE `case_search_prefixed` RENAME TO `case_search`;
--> statement-breakpoint
INSERT INTO `case_search` (`case_search`) VALUES ('optimize');
