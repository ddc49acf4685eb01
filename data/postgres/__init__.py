"""A shared ledger on PostgreSQL (DESIGN §17): the database class, its schema and its URL."""
