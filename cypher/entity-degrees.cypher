// How many relationships each entity has with other entities (its links to passages are not
// counted): what a view compares with the edges it shows to say that a node has more.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, COUNT { (n)--(:Entity) } AS degree
