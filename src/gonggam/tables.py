"""Imports every domain's tables so `Base.metadata` is complete (Alembic, tests)."""

from gonggam.accounts import models as accounts_models
from gonggam.channels import models as channels_models
from gonggam.channels.chat import models as chat_models
from gonggam.channels.email import models as email_models
from gonggam.coaching import models as coaching_models
from gonggam.conversations import models as conversations_models
from gonggam.corrections import models as corrections_models
from gonggam.customers import models as customers_models
from gonggam.db import Base
from gonggam.intents import models as intents_models
from gonggam.protection import models as protection_models
from gonggam.routing import models as routing_models

metadata = Base.metadata

__all__ = [
    "accounts_models",
    "channels_models",
    "chat_models",
    "coaching_models",
    "conversations_models",
    "corrections_models",
    "customers_models",
    "email_models",
    "intents_models",
    "metadata",
    "protection_models",
    "routing_models",
]
