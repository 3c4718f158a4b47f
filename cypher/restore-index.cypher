// The key a restore finds a node by while it connects relationships; dropped when it is done.
CREATE INDEX restore_key IF NOT EXISTS
FOR (n:RestoreNode) ON (n.restoreKey);
