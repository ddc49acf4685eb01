"""One module per reusable widget; widgets never touch the database."""
