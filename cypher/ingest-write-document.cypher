CREATE (d:Document)
SET d = $props
RETURN d.id AS id
