// Every passage, so an export keeps those nothing quotes any more (a removed link's evidence).
MATCH (p:Passage)
RETURN p.id AS id, p.documentId AS doc, p.start AS start, p.text AS quote
ORDER BY id
