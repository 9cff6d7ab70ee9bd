"""The terminal side of open-bargaining: the `bargain` command and the Textual app.

Importing this package imports nothing; the CLI loads Textual only to open the app.
"""
