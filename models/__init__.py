"""The domain of open-bargaining: models, rules and the SQLite store.

Nothing here imports Textual; the CLI and the exports stand on this package alone.
"""
