// The two sort-key indexes of one relationship type (__TYPE__ is put in by the registry, from the
// vocabulary). outKey is how the start entity lists the relationship: its own id, then the end's
// name and id; inKey is how the end entity lists it. A prefix seek on `id + char(1)` walks one
// entity's relationships of the type in the order of the other end's name, so a field that asks
// for the first 20 reads 20, however many the entity has.
CREATE INDEX relation_out___TYPE__ IF NOT EXISTS
FOR ()-[r:__TYPE__]-() ON (r.outKey);

CREATE INDEX relation_in___TYPE__ IF NOT EXISTS
FOR ()-[r:__TYPE__]-() ON (r.inKey);
