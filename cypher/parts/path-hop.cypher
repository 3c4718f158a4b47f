//#uses r
// A hop of a path as every path answer gives it (shortest-paths, shortest-paths-records): its ends'
// ids, its type, and its properties without quotes (the evidence loader reads them if a query asks).
{
  source: startNode(r).id,
  target: endNode(r).id,
  type: type(r),
  props: r {.id, .evidenceKind, .confidence, .citation}
}
