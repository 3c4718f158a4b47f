//#uses n
// Each entity a list keeps (list-filter), with its sortKey for the page's sort field (and what
// the query had before, such as its total): the one the text is written for (`//#if-sort-…`).
// pinyin: the name's pinyin key (seeding and curation write namePinyin), then the name itself.
//#if-sort-name
WITH *, n.name AS sortKey
//#end-if-sort-name
//#if-sort-pinyin
WITH *, coalesce(n.namePinyin, '') + '\u0001' + n.name AS sortKey
//#end-if-sort-pinyin
//#if-sort-id
WITH *, n.id AS sortKey
//#end-if-sort-id
