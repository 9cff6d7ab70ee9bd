"""Refusals the user can act on, kept apart from programming errors."""


class DomainError(Exception):
    """An action refused by a rule of the field, with a message a user can act on."""


class StoreError(Exception):
    """A database file that cannot be used as it is (missing, foreign, damaged, newer, locked)."""
