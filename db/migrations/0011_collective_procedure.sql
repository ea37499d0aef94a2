-- A collective dispute (10 or more workers with a common claim) is heard by three arbitrators
-- (Law Art 31; 劳动人事争议仲裁组织规则 Art 13): open collective cases filed as 简易处理 go on as 普通程序.
UPDATE `cases` SET `procedure` = 'ordinary' WHERE `is_collective` = 1 AND `procedure` = 'simplified' AND `status` IN ('received', 'accepted');
