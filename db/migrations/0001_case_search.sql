-- Full-text index of each case: bigrams of Chinese text plus ASCII words (case numbers, ID numbers,
-- pinyin initials), tokenised by us in electron/services/search/searchText.ts. unicode61 splits on
-- the spaces we put in, so a two-character query such as 张三 is one indexed token.
CREATE VIRTUAL TABLE `case_search` USING fts5(body, tokenize = 'unicode61 remove_diacritics 0');
