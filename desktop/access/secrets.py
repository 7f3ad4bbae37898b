"""Database passwords remembered in the system keyring (never in a file of the desk).

Through the ``keyring`` library: the Windows Credential Manager, the macOS Keychain, the
Secret Service on a Linux desktop.  Where there is none (a headless Linux desk) nothing is
remembered and the officer is asked at each start; nothing here ever raises.
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)
SERVICE = "IPDesk"


def _backend_ok() -> bool:
    try:
        import keyring
        from keyring.backends import fail

        return not isinstance(keyring.get_keyring(), fail.Keyring)
    except Exception:  # no keyring library or a broken backend: asking each start
        return False


def keyring_available() -> bool:
    """Whether passwords can be remembered on this computer."""
    return _backend_ok()


def stored_password(account: str) -> str | None:
    if not _backend_ok():
        return None
    try:
        import keyring

        return keyring.get_password(SERVICE, account)
    except Exception as exc:  # locked or broken keyring: ask instead
        log.warning("keyring: cannot read the password: %s", exc)
        return None


def remember_password(account: str, password: str) -> bool:
    """Store it; False (logged) when no keyring can."""
    if not _backend_ok():
        log.info("no keyring on this computer: the password is asked at each start")
        return False
    try:
        import keyring

        keyring.set_password(SERVICE, account, password)
        return True
    except Exception as exc:
        log.warning("keyring: cannot store the password: %s", exc)
        return False


def forget_password(account: str) -> None:
    if not _backend_ok():
        return
    try:
        import keyring
        from keyring.errors import PasswordDeleteError

        try:
            keyring.delete_password(SERVICE, account)
        except PasswordDeleteError:
            pass
    except Exception as exc:
        log.warning("keyring: cannot forget the password: %s", exc)
