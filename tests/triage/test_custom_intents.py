"""An organisation's own intents in the pure engine: cue phrases matched on Kiwi morphemes."""

from __future__ import annotations

import pytest

from gonggam.kit.korean import get_kiwi
from gonggam.triage import IntentCatalog, IntentDefinition, analyze
from gonggam.triage.features import build_features
from gonggam.triage.intent import INTENTS
from gonggam.triage.learn import CorrectionModel, analyze_with_corrections

POINTS = IntentDefinition.from_cues(
    "membership_points", ["포인트 적립", "적립금", "멤버십 포인트", "reward points"]
)
CATALOG = IntentCatalog.default().with_intents(POINTS)


@pytest.mark.parametrize(
    "text",
    [
        "어제 산 옷 포인트 적립이 안됐어요ㅠ",
        "포인트가 적립 안 됐는데 확인 좀 해주세요",
        "포인트적립 언제 되나요??",
        "적립금은 언제 들어오나요?",
        "멤버십 포인트가 다 사라졌어요",
        "My reward points are gone after the last order",
    ],
)
def test_the_organisations_intent_is_found_however_customers_write_it(text: str) -> None:
    assert analyze(text, catalog=CATALOG).intent == "membership_points"
    # The same text without the organisation's intents stays within the ten of the contract.
    assert analyze(text).intent in INTENTS


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("택배가 일주일째 안 와요", "delivery"),
        ("결제가 두 번 됐어요 빨리 확인해주세요", "payment_error"),
        ("비밀번호를 잊어버려서 로그인이 안 돼요", "account_access"),
        # Points are mentioned, but the refund cues are stronger: the default intent wins.
        ("적립금으로 산 건데 반품하고 환불 받고 싶어요", "refund_exchange"),
    ],
)
def test_default_intents_keep_their_labels(text: str, intent: str) -> None:
    assert analyze(text, intents=[POINTS]).intent == intent


def test_a_tie_goes_to_the_built_in_intent() -> None:
    # "배송" weighs 2.0 for delivery; an added intent with the same cue only ties, and loses.
    rival = IntentDefinition.from_cues("shipping_fee", ["배송"], weight=2.0)
    catalog = IntentCatalog.default().with_intents(rival)
    text = "배송 문의요"
    features = build_features(text, get_kiwi().tokenize(text))
    result = catalog.classify(features)
    assert result.scores["shipping_fee"] == result.scores["delivery"]
    assert result.intent == "delivery"


def test_the_learned_model_learns_an_organisations_intent() -> None:
    examples = [
        ("지난주 주문 포인트가 안 들어왔어요", {"intent": "membership_points"}),
        ("포인트 소멸 기간이 언제예요", {"intent": "membership_points"}),
        ("등급 포인트 확인 부탁드려요", {"intent": "membership_points"}),
        ("택배가 아직 안 왔어요", {"intent": "delivery"}),
        ("배송 조회가 안 돼요", {"intent": "delivery"}),
        ("택배 언제 와요", {"intent": "delivery"}),
    ]
    model = CorrectionModel.train(examples)
    assert "membership_points" in model.fields["intent"].classes
    [analysis] = analyze_with_corrections(["포인트가 안 들어왔어요"], model, catalog=CATALOG)
    assert analysis.intent == "membership_points"
