//#uses
// What every read of links returns of a relationship: `r __LINK__` in a query stands for the map
// below (see src/db/cypher.ts), its properties without the long ones read only when asked: its
// quotes and evidence (the edge-evidence loader), its property text, and its sort keys. A bare
// link (`r __BARE_LINK__`) is its id alone.
{.*, quotes: null, evidence: null, propText: null, outKey: null, inKey: null}
