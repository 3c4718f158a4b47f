// How many nodes the database holds (any label): restore refuses a database that is not empty.
MATCH (n)
RETURN count(n) AS nodes
