"""The team passphrase: what a seat writes into the folder, sealed with AES-GCM.

Each seat keeps a salt in its own folder (in its key file, with a check value). The key is
derived from the passphrase and that salt with scrypt, once per salt (cached for the process);
every file body is sealed with a random 96-bit nonce, and the seat id and file name as
associated data, so a file moved to another name or folder does not open. The check value
lets a wrong passphrase read as one clear line instead of as damaged files.
"""

from __future__ import annotations

import os
from typing import Any

from models.errors import DomainError

SCRYPT = {"n": 2**15, "r": 8, "p": 1}
"""scrypt's cost: about 32 MiB and a tenth of a second, paid once per seat's salt."""

CHECK_TEXT = b"open-bargaining team passphrase check"
NONCE_BYTES = 12

_keys: dict[tuple[bytes, str, int, int, int], bytes] = {}


class WrongPassphrase(DomainError):
    """The passphrase given does not open a seat's files."""


def new_salt() -> bytes:
    """A fresh random salt for this seat's key file."""
    return os.urandom(16)


def derive(passphrase: str, salt: bytes, params: dict[str, Any] | None = None) -> bytes:
    """The 256-bit key of a passphrase and a salt (scrypt, computed once per process)."""
    p = params or SCRYPT
    n, r, par = int(p["n"]), int(p["r"]), int(p["p"])
    if not (2**10 <= n <= 2**20 and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= par <= 16):
        raise DomainError("a seat's key file asks for scrypt settings this version refuses")
    cache_key = (salt, passphrase, n, r, par)
    if cache_key not in _keys:
        from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

        kdf = Scrypt(salt=salt, length=32, n=n, r=r, p=par)
        _keys[cache_key] = kdf.derive(passphrase.encode("utf-8"))
    return _keys[cache_key]


def seal(key: bytes, plain: bytes, associated: str) -> bytes:
    """Nonce and ciphertext (with its tag) of `plain`, bound to `associated`."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plain, associated.encode("utf-8"))


def open_sealed(key: bytes, sealed: bytes, associated: str) -> bytes | None:
    """The plain text of a sealed body, or None when the key or the binding is wrong."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if len(sealed) < NONCE_BYTES + 16:
        return None
    try:
        return AESGCM(key).decrypt(
            sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], associated.encode("utf-8")
        )
    except InvalidTag:
        return None


def check_value(key: bytes, db_id: str) -> bytes:
    """The small sealed value a key file carries, to tell a wrong passphrase."""
    return seal(key, CHECK_TEXT, f"{db_id}/check")


def key_opens(key: bytes, db_id: str, check: bytes) -> bool:
    """Whether `key` opens a seat's check value."""
    return open_sealed(key, check, f"{db_id}/check") == CHECK_TEXT
