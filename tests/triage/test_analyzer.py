"""The `analyze` contract: keys, types, empty and huge input, emoji, mixed languages, batches."""

from __future__ import annotations

import json
import time

from gonggam.triage import CONTRACT_KEYS, analyze, analyze_batch, churn_risk, mask_abuse

INTENTS = {
    "payment_error", "refund_exchange", "delivery", "account_access", "technical_issue",
    "billing", "product_quality", "service_complaint", "general_inquiry", "praise",
}  # fmt: skip


def test_contract_keys_and_types() -> None:
    text = "시1발 배송 언제 와요 010-1234-5678"
    result = analyze(text).to_dict()
    assert tuple(result) == CONTRACT_KEYS
    assert set(result) == {
        "language", "intent", "intent_confidence", "emotion", "intensity", "abusive",
        "abuse_spans", "customer_type", "urgency", "pii", "masked_text",
    }  # fmt: skip
    assert result["intent"] in INTENTS
    assert result["emotion"] in {"neutral", "anxious", "frustrated", "angry", "satisfied"}
    assert result["customer_type"] in {
        "excessive_demand", "emotional", "service_complaint", "standard",
    }  # fmt: skip
    assert result["urgency"] in {"low", "normal", "high", "urgent"}
    assert result["abuse_spans"] == [[0, 3, "profanity"]]
    phone_at = text.index("010")
    assert result["pii"] == [[phone_at, phone_at + 13, "phone"]]
    assert result["masked_text"] == "시1발 배송 언제 와요 ***-****-****"
    json.dumps(result, ensure_ascii=False)  # serialisable as is


def test_empty_text() -> None:
    result = analyze("")
    assert result.intent == "general_inquiry"
    assert result.emotion == "neutral"
    assert result.customer_type == "standard"
    assert result.urgency in {"low", "normal"}
    assert result.abuse_spans == [] and result.pii == [] and result.masked_text == ""
    assert not result.abusive


def test_twenty_thousand_characters_is_fast_and_masks_everything() -> None:
    chunk = "배송이 아직도 안 왔어요. 연락처는 010-1234-5678 입니다. 시1발 진짜 너무하네요. "
    text = (chunk * (20_000 // len(chunk) + 1))[:20_000]
    started = time.perf_counter()
    result = analyze(text)
    elapsed = time.perf_counter() - started
    assert elapsed < 5.0
    assert len(result.masked_text) == 20_000
    assert "1234-5678" not in result.masked_text
    assert result.abusive and result.intent == "delivery"
    assert all(0 <= start < end <= 20_000 for start, end, _kind in result.abuse_spans)


def test_long_runs_without_spaces_do_not_hang() -> None:
    # Each of these once took 17-30 s through regex backtracking.
    for text in ("0" * 20_000, "결제" * 10_000, "10배" * 6_000, "가로 1" * 4_000):
        started = time.perf_counter()
        analyze(text)
        assert time.perf_counter() - started < 3.0, text[:6]


def test_emoji_do_not_shift_offsets() -> None:
    text = "😡😡 시발 010-9876-5432 😭"
    result = analyze(text)
    start, end, _kind = result.abuse_spans[0]
    assert text[start:end] == "시발"
    p_start, p_end, _kind = result.pii[0]
    assert text[p_start:p_end] == "010-9876-5432"
    assert result.emotion == "angry"


def test_language_is_the_dominant_one() -> None:
    assert analyze("The app crashes every time I open it").language == "en"
    assert analyze("앱이 자꾸 crash 나요 iPhone 15에서요").language == "ko"
    assert analyze("Please deliver to 서울 마포구 월드컵북로 396 and call me").language == "en"


def test_english_message_uses_english_lexicons() -> None:
    result = analyze("You idiots charged me twice. I want a refund NOW!!!")
    assert result.language == "en"
    assert result.abusive
    assert result.emotion == "angry"


def test_batch_matches_single_and_keeps_order() -> None:
    texts = ["택배가 안 와요", "감사합니다 😊", "", "비번을 잊어버렸어요", "ㅅㅂ"]
    batch = analyze_batch(texts)
    assert [a.to_dict() for a in batch] == [analyze(t).to_dict() for t in texts]
    assert analyze_batch([]) == []


def test_agent_view_masks_abuse_and_pii_together() -> None:
    result = analyze("병1신아 내 번호 010-1111-2222 로 전화해")
    agent_view = mask_abuse(result.masked_text, result.abuse_spans)
    assert "병1신" not in agent_view and "1111" not in agent_view
    assert agent_view.endswith("로 전화해")


def test_lone_surrogate_is_analysed() -> None:
    result = analyze("배송 \ud800 언제 와요 시발")
    assert result.intent == "delivery"
    assert result.abusive


def test_churn_risk() -> None:
    assert churn_risk(0) == "low"
    assert churn_risk(1) == "elevated"
    assert churn_risk(2) == "high"
    assert churn_risk(7) == "high"
