-- Staff entries (arbitrators, clerks) become accounts. The next (generated) migration replaces the
-- staff table by accounts; keep its rows here so the one after it can carry them over with their
-- ids, which hearings keep referring to.
CREATE TABLE `staff_kept_for_accounts` AS SELECT `id`, `role`, `name`, `active` FROM `staff`;
