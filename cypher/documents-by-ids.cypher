// Source documents by id, with their text (evidence shows a quote inside the paragraph it stands
// in) and their date (relationships and facts take their dates from their evidence's documents).
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN id, d.title AS title, d.text AS text, d.date AS date
