"""The LLM path against a real local HTTP server speaking the chat-completions protocol."""

from __future__ import annotations

import pytest

from gonggam.coach.drafts import DraftFacts
from gonggam.coach.llm import LLMError, LLMSettings, best_draft, draft_with_llm
from tests.coach.conftest import FakeModel

FACTS = DraftFacts(
    customer_name="김민지",
    customer_message="아침부터 앱 로그인이 안 돼요. 가게 주문 확인을 못 하고 있어요.",
    intent="technical_issue",
    emotion="angry",
    issue="로그인 장애",
    impact="가게 주문을 확인하지 못하시는",
    incident_eta="오늘 오전 11시까지",
    incident_workaround="PC 웹으로 접속하시는",
    kb_workaround=None,
    refused_request=None,
    compensation_alternative=None,
)
GOOD = (
    "김민지 고객님, 아침부터 로그인이 안 돼 가게 주문을 확인하지 못하셔서 얼마나 막막하셨을지요. "
    "저희 로그인 서버 장애이고 저희 책임입니다. 지금 엔지니어가 최우선으로 복구 중이며 오늘 오전 "
    "11시까지 정상화하겠습니다. 그동안은 PC 웹으로 접속하시면 주문을 확인하실 수 있습니다. "
    "복구되면 다시 연락드리겠습니다. 알려 주셔서 감사합니다."
)


def _settings(model: FakeModel, timeout: float = 2.0) -> LLMSettings:
    return LLMSettings(url=model.url, model="local-test", api_key="k-test", timeout_seconds=timeout)


def test_llm_draft_used_when_good(model_server: FakeModel) -> None:
    model_server.content = GOOD
    draft = best_draft(FACTS, _settings(model_server))
    assert draft.source == "llm"
    assert draft.text == GOOD
    assert draft.coaching.score >= 80
    request = model_server.requests[0]
    assert request["path"] == "/v1/chat/completions"
    assert request["auth"] == "Bearer k-test"


def test_low_score_llm_draft_falls_back(model_server: FakeModel) -> None:
    model_server.content = "불편을 드려 죄송합니다. 확인 후 안내해 드리겠습니다."
    draft = best_draft(FACTS, _settings(model_server))
    assert draft.source == "builtin"
    assert draft.coaching.score >= 80


def test_http_error_falls_back(model_server: FakeModel) -> None:
    model_server.status = 500
    with pytest.raises(LLMError):
        draft_with_llm(FACTS, _settings(model_server))
    assert best_draft(FACTS, _settings(model_server)).source == "builtin"


def test_timeout_falls_back(model_server: FakeModel) -> None:
    model_server.content = GOOD
    model_server.delay_seconds = 1.0
    draft = best_draft(FACTS, _settings(model_server, timeout=0.2))
    assert draft.source == "builtin"


def test_no_llm_configured_uses_builtin() -> None:
    draft = best_draft(FACTS, None)
    assert draft.source == "builtin" and "오늘 오전 11시까지" in draft.text
