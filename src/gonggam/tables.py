"""Imports every domain's tables so `Base.metadata` is complete (Alembic, tests)."""

from gonggam.accounts import models as accounts_models
from gonggam.conversations import models as conversations_models
from gonggam.customers import models as customers_models
from gonggam.db import Base
from gonggam.routing import models as routing_models

metadata = Base.metadata

__all__ = [
    "accounts_models",
    "conversations_models",
    "customers_models",
    "metadata",
    "routing_models",
]
