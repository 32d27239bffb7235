"""Learning from agents' corrections: new vocabulary is picked up, strong rules stand."""

from __future__ import annotations

from pathlib import Path

import pytest

from gonggam.triage import analyze
from gonggam.triage.learn import CorrectionModel, analyze_with_corrections

SETTLEMENT = [
    "이번 달 정산금이 덜 들어왔어요",
    "정산 내역이 이상합니다",
    "판매 정산 언제 되나요",
    "정산금 지급일 알려주세요",
    "지난주 정산이 누락됐어요",
    "정산 금액 차이가 있어요",
]
DELIVERY = [
    "택배가 아직 안 왔어요",
    "배송 조회가 안 돼요",
    "송장번호 알려주세요",
    "배송지 바꾸고 싶어요",
    "물건이 언제 도착하나요",
    "택배 기사님 연락이 없어요",
]
PRAISE = [
    "친절하게 도와주셔서 감사합니다",
    "최고예요 또 이용할게요",
    "빠른 처리 감사드려요",
    "상담원님 칭찬합니다",
    "덕분에 잘 해결됐어요",
    "정말 만족합니다",
]


@pytest.fixture(scope="module")
def model() -> CorrectionModel:
    corrections = [(t, {"intent": "billing"}) for t in SETTLEMENT]
    corrections += [(t, {"intent": "delivery"}) for t in DELIVERY]
    corrections += [(t, {"intent": "praise"}) for t in PRAISE]
    return CorrectionModel.train(corrections)


def test_corrections_teach_new_vocabulary(model: CorrectionModel) -> None:
    text = "정산금이 또 덜 들어왔네요"
    assert analyze(text).intent != "billing"  # the built-in rules do not know 정산
    [learned] = analyze_with_corrections([text], model)
    assert learned.intent == "billing"


def test_strong_rule_evidence_is_not_overturned(model: CorrectionModel) -> None:
    text = "로그인이 안 돼요 비밀번호 재설정 메일도 안 와요"
    [learned] = analyze_with_corrections([text], model)
    assert learned.intent == "account_access"


def test_model_round_trips_through_json(model: CorrectionModel, tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    model.save(path)
    loaded = CorrectionModel.load(path)
    texts = ["정산금이 덜 들어왔어요", "택배 언제 와요"]
    assert loaded.predict(texts) == model.predict(texts)
    assert set(loaded.fields) == {"intent"}


def test_load_rejects_other_files(tmp_path: Path) -> None:
    path = tmp_path / "other.json"
    path.write_text('{"format": "something else"}', encoding="utf-8")
    with pytest.raises(ValueError, match="not a gonggam triage model"):
        CorrectionModel.load(path)
