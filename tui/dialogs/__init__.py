"""One ModalScreen per file: each validates its fields and dismisses a typed result."""
