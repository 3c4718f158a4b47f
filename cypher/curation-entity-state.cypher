MATCH (n:Entity {id: $id})
RETURN n {.*} AS entity,
  COUNT { (n)-[]-(:Entity) } AS degree
