//#uses n, $sortField
// Each entity a list keeps (list-filter), with its sortKey for the list's $sortField (and what
// the query had before, such as its total).
// pinyin: the name's pinyin key (seeding and curation write namePinyin), then the name itself.
WITH *, CASE $sortField
    WHEN 'name' THEN n.name
    WHEN 'pinyin' THEN coalesce(n.namePinyin, '') + '\u0001' + n.name
    ELSE n.id
  END AS sortKey
