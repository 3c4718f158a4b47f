// Every entity's document name forms, for finding mentions of what the graph knows in a new text.
MATCH (n:Entity)
RETURN n.id AS id, n.kind AS kind, n.name AS name, n.nameEn AS nameEn, n.aliases AS aliases
