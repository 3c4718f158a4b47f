//#uses
// What every read returns of an entity node: `n __ENTITY__` in a query stands for
// `n {.id, .kind, …}` below (see src/db/cypher.ts). The service's EntityRecord is read from it
// (recordOf in src/repositories/entity.repository.ts); a field added here reaches every query.
{.id, .kind, .name, .nameEn, .nameEnOfficial, .nameInferred, .aliases, .description, .citations, .chainPosition}
