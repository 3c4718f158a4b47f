// What curation and imports record about themselves, and every label the graph uses, so an export
// refuses a node it would not know how to write.
MATCH (n)
WITH n, labels(n) AS labels
WHERE NOT n:Entity AND NOT n:NameForm AND NOT n:Document AND NOT n:Passage AND NOT n:Fact
RETURN labels, properties(n) AS props
ORDER BY coalesce(n.id, n.key)
