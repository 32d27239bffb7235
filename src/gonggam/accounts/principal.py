"""Who is making a request: a signed-in person or an API token."""

from __future__ import annotations

from dataclasses import dataclass

from gonggam.accounts.models import Role


@dataclass(frozen=True)
class Principal:
    user_id: int | None  # None for the GONGGAM_API_TOKEN principal, which has no user row
    email: str
    name: str
    role: Role
    via: str  # "session" or "token"
    locale: str = "ko"

    def has_role(self, role: Role) -> bool:
        """True when this principal's role is `role` or a more powerful one."""
        return self.role.rank >= role.rank

    @property
    def label(self) -> str:
        """How this principal appears in timelines and the audit log."""
        return self.email
