// The entities a chain map (its import set) brought in, from its index.
MATCH (n:Entity)
WHERE n.importSet = $importSet
RETURN n.id AS id, n.kind AS kind, n.name AS name, n.aliases AS aliases,
  n.importSet AS importSet, n.chainPosition AS chainPosition, n.citations AS citations
