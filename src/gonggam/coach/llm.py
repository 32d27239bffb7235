"""Optional LLM drafts through an OpenAI-compatible chat-completions endpoint (SPEC 3.5).

Never required: `best_draft` uses the model only when configured, coaches its draft like any
agent's reply, and falls back to the built-in composer on any error, timeout, empty answer,
a score under `MIN_SCORE`, or a cliché.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

import httpx

from gonggam.coach.drafts import DraftFacts, compose_draft, draft_situation
from gonggam.coach.engine import coach_reply
from gonggam.coach.result import CoachResult

MIN_SCORE = 80

SYSTEM_PROMPT = (
    "You write one customer-service reply for a human agent to review. Write in the language "
    "given by `language` (ko = Korean, polite 해요/합니다 style). Use the customer's own words for "
    "their problem; admit the specific failure and take responsibility as the company (a "
    "partner may be a cause, never the excuse); say what it cost them and how it must have "
    "felt; say what is being done now, a concrete time frame, a workaround for the meantime; "
    "promise to follow up; thank them for telling you. When refusing, explain the policy and "
    "offer a concrete alternative. No boilerplate such as '불편을 드려 죄송합니다' or 'we "
    "apologize for any inconvenience', no internal codes, short sentences. Reply with the "
    "message text only."
)


class LLMError(RuntimeError):
    """The model could not produce a usable draft."""


@dataclass(frozen=True)
class LLMSettings:
    """Where and how to call the model (`url` is the API base, e.g. http://host:8000/v1)."""

    url: str
    model: str
    api_key: str | None = None
    timeout_seconds: float = 10.0


@dataclass(frozen=True)
class Draft:
    """A draft reply, where it came from, and its coaching."""

    text: str
    source: str  # "llm" | "builtin"
    coaching: CoachResult


def draft_with_llm(
    facts: DraftFacts, settings: LLMSettings, *, client: httpx.Client | None = None
) -> str:
    """Ask the model for a draft; raise LLMError on any transport or protocol problem."""
    endpoint = settings.url.rstrip("/") + "/chat/completions"
    headers = {"Authorization": f"Bearer {settings.api_key}"} if settings.api_key else {}
    body = {
        "model": settings.model,
        "messages": [
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": json.dumps(asdict(facts), ensure_ascii=False)},
        ],
        "temperature": 0.3,
    }
    owned = client is None
    http = client or httpx.Client(timeout=settings.timeout_seconds)
    try:
        response = http.post(endpoint, json=body, headers=headers, timeout=settings.timeout_seconds)
        response.raise_for_status()
        content = response.json()["choices"][0]["message"]["content"]
    except (httpx.HTTPError, ValueError, KeyError, IndexError, TypeError) as error:
        raise LLMError(f"model call failed: {error}") from error
    finally:
        if owned:
            http.close()
    if not isinstance(content, str) or not content.strip():
        raise LLMError("model returned an empty draft")
    return content.strip()


def best_draft(
    facts: DraftFacts, llm: LLMSettings | None, *, client: httpx.Client | None = None
) -> Draft:
    """The model's draft when configured and good enough, else the built-in composer's."""
    situation = draft_situation(facts).value
    if llm is not None:
        try:
            text = draft_with_llm(facts, llm, client=client)
        except LLMError:
            text = ""
        if text:
            coaching = coach_reply(
                text, customer_message=facts.customer_message, situation=situation
            )
            if coaching.score >= MIN_SCORE and not coaching.cliches:
                return Draft(text, "llm", coaching)
    text = compose_draft(facts)
    coaching = coach_reply(text, customer_message=facts.customer_message, situation=situation)
    return Draft(text, "builtin", coaching)
