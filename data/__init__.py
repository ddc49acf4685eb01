"""The ledger: models, opening the database, migrations and the services screens call.

Nothing in this package imports Textual.
"""
