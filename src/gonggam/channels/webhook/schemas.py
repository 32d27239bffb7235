"""Bodies of the messaging and social webhooks."""

from __future__ import annotations

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from gonggam.conversations.schemas import MAX_TEXT


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Sender(Strict):
    id: str = Field(min_length=1, max_length=150, description="the messenger's id of the sender")
    name: str | None = Field(default=None, max_length=200)
    phone: str | None = Field(default=None, max_length=40)


class WebhookMessage(Strict):
    """`POST /api/v1/channels/{channel}/webhook`."""

    message_id: str = Field(min_length=1, max_length=150)
    sender: Sender = Field(alias="from")
    text: str = Field(min_length=1, max_length=MAX_TEXT)
    timestamp: AwareDatetime | None = None


class Author(Strict):
    handle: str = Field(min_length=1, max_length=150)
    name: str | None = Field(default=None, max_length=200)


class SocialPost(Strict):
    """`POST /api/v1/channels/{channel}/social`: a public post or review about the company."""

    post_id: str = Field(min_length=1, max_length=150)
    author: Author
    text: str = Field(min_length=1, max_length=MAX_TEXT)
    url: str | None = Field(default=None, max_length=500)
    timestamp: AwareDatetime | None = None


class Accepted(BaseModel):
    conversation_id: int
    message_id: int
    customer_id: int
    duplicate: bool
