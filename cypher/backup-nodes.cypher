// Every node, for a logical backup: its identity in this store (to connect relationships), its
// labels and its properties.
MATCH (n)
RETURN elementId(n) AS key, labels(n) AS labels, properties(n) AS props
