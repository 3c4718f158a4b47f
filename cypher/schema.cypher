// Constraints and indexes of the knowledge graph. Every statement is idempotent (IF NOT EXISTS), so
// the service applies this file at every start.

// Identity: every node is found by a stable id.
CREATE CONSTRAINT entity_id IF NOT EXISTS
FOR (n:Entity) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT document_id IF NOT EXISTS
FOR (d:Document) REQUIRE d.id IS UNIQUE;

CREATE CONSTRAINT passage_id IF NOT EXISTS
FOR (p:Passage) REQUIRE p.id IS UNIQUE;

CREATE CONSTRAINT fact_id IF NOT EXISTS
FOR (f:Fact) REQUIRE f.id IS UNIQUE;

CREATE CONSTRAINT name_form_key IF NOT EXISTS
FOR (f:NameForm) REQUIRE f.key IS UNIQUE;

// Listing and filtering by kind, sorting by name.
CREATE INDEX entity_kind_name IF NOT EXISTS
FOR (n:Entity) ON (n.kind, n.name);

CREATE INDEX entity_name IF NOT EXISTS
FOR (n:Entity) ON (n.name);

// Full text over every name form. The CJK analyzer indexes Chinese as overlapping bigrams, so a
// substring such as 电子科 finds 电子科大成都研究院, and English words as lower-cased tokens.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.nameEn, n.aliasText]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};

// Full text over relationships' own properties (propText: 首批试点高校, 党组书记、局长 …), so a
// search finds the entities at both ends. A relationship index names its types: this list is the
// vocabulary's (a unit test compares them); when the vocabulary grows, rename the index too, since
// IF NOT EXISTS keeps an index of the same name as it was.
// relation_props (the first vocabulary) gave way to relation_props_2 when chain maps brought
// SEGMENT_OF and IN_SEGMENT.
DROP INDEX relation_props IF EXISTS;
CREATE FULLTEXT INDEX relation_props_2 IF NOT EXISTS
FOR ()-[r:CO_BUILT|AFFILIATED_WITH|BELONGS_TO|LOCATED_IN|DEVELOPS|DRIVES|LEADS|PARTICIPATES_IN|FOCUSES_ON|ROADMAP_FOR|UPSTREAM_OF|SEGMENT_OF|IN_SEGMENT|PILOT_OF|PART_OF|EXAMPLE_OF|ISSUED_BY|DELIVERS|RELIES_ON|ADOPTS|TARGETS|FUNDS|SUPPORTS|IMPLEMENTS|PRIORITIZES|ESTABLISHED|PROPOSED|RELAYED|HOLDS_POSITION|PRESIDED_OVER|ORGANIZED|VISITED|PHOTOGRAPHED]-()
ON EACH [r.propText]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};

// Curation: one record per idempotency key, and the audit trail.
CREATE CONSTRAINT mutation_key IF NOT EXISTS
FOR (m:MutationRecord) REQUIRE m.key IS UNIQUE;

CREATE CONSTRAINT audit_id IF NOT EXISTS
FOR (a:Audit) REQUIRE a.id IS UNIQUE;

CREATE INDEX audit_entity IF NOT EXISTS
FOR (a:Audit) ON (a.entityId);

// What curators removed, so that seeding does not bring it back.
CREATE CONSTRAINT tombstone_id IF NOT EXISTS
FOR (t:Tombstone) REQUIRE t.id IS UNIQUE;

// Chain maps: what an import owns (its entities), found again when the same map is imported, and
// the record of each import.
CREATE INDEX entity_import_set IF NOT EXISTS
FOR (n:Entity) ON (n.importSet);

CREATE CONSTRAINT chain_map_import_id IF NOT EXISTS
FOR (i:ChainMapImport) REQUIRE i.id IS UNIQUE;

// Ingested documents: found by the sha256 of their text (the same text is ingested once), and
// their review queue of candidates.
CREATE INDEX document_sha256 IF NOT EXISTS
FOR (d:Document) ON (d.sha256);

CREATE CONSTRAINT candidate_id IF NOT EXISTS
FOR (c:Candidate) REQUIRE c.id IS UNIQUE;

CREATE INDEX candidate_document IF NOT EXISTS
FOR (c:Candidate) ON (c.documentId, c.status);
