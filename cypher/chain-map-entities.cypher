// The entities of a batch of ids as a chain-map import compares them: kind, names, what it owns,
// and its chain-map fields. Ids the graph does not hold give no row.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, n.kind AS kind, n.name AS name, n.aliases AS aliases,
  n.importSet AS importSet, n.chainPosition AS chainPosition, n.citations AS citations
