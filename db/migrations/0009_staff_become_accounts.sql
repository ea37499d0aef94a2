-- Each former staff entry becomes an account with the same id (hearings refer to it), its one
-- role and its active flag. It has no password yet: the administrator sets one (the person then
-- changes it at first sign-in). The sign-in name is the person's name; a second entry with the
-- same name (e.g. one person entered as arbitrator and as clerk) gets its id appended.
INSERT INTO `accounts` (`id`, `username`, `name`, `roles`, `password_hash`, `must_change_password`, `active`, `created_at`, `updated_at`)
SELECT
  s.`id`,
  lower(trim(s.`name`)) || CASE WHEN EXISTS (SELECT 1 FROM `staff_kept_for_accounts` o WHERE lower(trim(o.`name`)) = lower(trim(s.`name`)) AND o.`id` < s.`id`) THEN '-' || s.`id` ELSE '' END,
  s.`name`,
  json_array(s.`role`),
  NULL,
  1,
  s.`active`,
  strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
  strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM `staff_kept_for_accounts` s;
--> statement-breakpoint
DROP TABLE `staff_kept_for_accounts`;
