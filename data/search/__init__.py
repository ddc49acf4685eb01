"""Search (DESIGN §7): the query language, the index kept beside every write, and finding hits."""
