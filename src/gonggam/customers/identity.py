"""Normalising channel identities so the same person is recognised on every channel."""

from __future__ import annotations

import re

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class InvalidIdentity(ValueError):
    """An e-mail or phone number that cannot be an address of anyone."""


def normalize_email(email: str) -> str:
    """Lower-cased, trimmed e-mail; raises InvalidIdentity when it is not one."""
    value = email.strip().lower()
    if not _EMAIL.match(value) or len(value) > 254:
        raise InvalidIdentity(f"not an e-mail address: {email!r}")
    return value


def normalize_phone(phone: str) -> str:
    """E.164 form: '010-1234-5678', '+82 10 1234 5678' and '01012345678' all become '+821012345678'.

    A number without a country code is taken as Korean, because that is who gonggam serves first.
    """
    raw = phone.strip()
    digits = re.sub(r"\D", "", raw)
    if raw.startswith("+") or (digits.startswith("82") and len(digits) >= 11):
        number = "+" + digits
    elif digits.startswith("0"):
        number = "+82" + digits[1:]
    else:
        number = "+82" + digits
    if number.startswith("+820"):  # "+82 (0)10-…" written with the trunk zero
        number = "+82" + number[4:]
    if not 8 <= len(number) - 1 <= 15:
        raise InvalidIdentity(f"not a phone number: {phone!r}")
    return number


def external_identity(channel: str, external_id: str) -> str:
    """Messenger ids are only unique within their channel."""
    return f"{channel}:{external_id.strip()}"
