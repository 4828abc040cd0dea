// The highest internal node id, which bounds the id ranges the projection reads page by page.
MATCH (n)
RETURN max(id(n)) AS maxId
