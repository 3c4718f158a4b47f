CREATE (a:Audit {
  id: $id,
  at: datetime(),
  actor: $actor,
  action: $action,
  entityId: $entityId,
  relatedIds: $relatedIds,
  before: $before,
  after: $after,
  evidence: $evidence,
  idempotencyKey: $idempotencyKey
})
RETURN a.id AS id
