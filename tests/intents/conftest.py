"""The demo desk over HTTP (the same fixtures as the protection tests)."""

from tests.protection.conftest import api, db, desk

__all__ = ["api", "db", "desk"]
