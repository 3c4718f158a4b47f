// The totalCount of a list: the entities its filters keep, by the very filter its pages read
// (the part), without a sort key, a cursor or a limit.
//#include list-filter
RETURN count(n) AS total
