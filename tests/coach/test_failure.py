"""A failure told as something that happened passes `acknowledge`, in words no list foresaw."""

from __future__ import annotations

import pytest

from gonggam.coach import coach_reply
from gonggam.coach.failure import failure_statements
from gonggam.coach.text import analyze


@pytest.mark.parametrize(
    "reply",
    [
        "주문하신 떡볶이 대신 순대가 잘못 배달된 점 사과드립니다.",
        "제출하신 서류를 저희 쪽에서 전산에 입력하지 않아 지역가입자로 고지된 것입니다.",
        "어젯밤 11시쯤 장비가 고장 나면서 동네 인터넷이 끊겨 있습니다.",
        "외부 인증 업체의 서버 장애로 앱 로그인이 원활하지 않은 상황입니다.",
        "설치 예약일에 기사님이 방문하지도 연락드리지도 않았습니다.",
        "Our reader swapped the digits of your meter reading.",
        "Your bag missed the connection in Frankfurt and sat there for two days.",
        "Your $480 refund should have reached you four weeks ago.",
        "The travel pass wasn't applied to your roaming charges.",
    ],
)
def test_a_failure_told_as_fact_is_acknowledged(reply: str) -> None:
    assert coach_reply(reply, situation="complaint").rule("acknowledge").status == "pass"


@pytest.mark.parametrize(
    "reply",
    [
        "배송이 지연될 수 있는 점 양해 부탁드립니다.",
        "오류가 있었다면 바로 고쳐 드리겠습니다.",
        "이중 결제 여부는 가맹점 확인이 먼저입니다.",
        "다음 달부터는 청구되지 않습니다.",
        "같은 일이 다시 일어나지 않도록 하겠습니다.",
        "저희 시스템 오류는 아닙니다.",
        "현재 점검 중이오니 잠시 후 다시 시도해 주세요.",
        "Delivery times may vary during busy periods.",
        "If an error occurred, a refund will be processed.",
        "Our records show the first payment was successful.",
    ],
)
def test_a_possibility_condition_or_denial_is_not_an_admission(reply: str) -> None:
    assert coach_reply(reply, situation="complaint").rule("acknowledge").status == "fail"


def test_the_customers_own_doing_is_not_the_companys_failure() -> None:
    # "못 하셔서" is what the failure did to the customer (impact), not what went wrong.
    spans = list(failure_statements(analyze("결제 화면 때문에 주문을 못 하셔서 답답하셨겠어요.")))
    assert spans == []


def test_boilerplate_sentences_are_skipped_but_a_named_failure_beside_them_is_not() -> None:
    text = "배송 지연으로 불편을 드려 죄송합니다."
    analyzed = analyze(text)
    assert list(failure_statements(analyzed)) == [(0, len(text))]
    assert list(failure_statements(analyzed, outside=[(0, len(text) - 1)])) == []
    assert list(failure_statements(analyzed, outside=[(8, len(text) - 1)])) == [(0, len(text))]


def test_the_failure_in_the_business_words_is_this_customers_context() -> None:
    customer = "소파 배송 3주 걸린다더니 벌써 5주째에요. 이사 와서 바닥에 앉아 지내요."
    reply = "소파 배송이 약속보다 2주나 늦어졌습니다. 내일 오전에 보내 드리겠습니다."
    result = coach_reply(reply, customer_message=customer, situation="delay")
    assert result.rule("context").status == "pass"


def test_a_stock_opener_before_a_reply_for_this_case_is_not_a_template() -> None:
    customer = "인강 결제한 지 일주일인데 교재가 아직도 안 왔어요. 시험이 한 달 남았어요."
    reply = (
        "문의 주셔서 감사합니다. 교재 출고가 닷새 늦어졌습니다. 오늘 오후에 퀵으로 보내 "
        "드리고, 그동안 교재 PDF를 메일로 먼저 보내 드릴게요."
    )
    result = coach_reply(reply, customer_message=customer, situation="delay")
    assert result.rule("no_template").status == "pass"


def test_a_stock_opener_before_a_reply_for_anyone_is_a_template() -> None:
    customer = "인강 결제한 지 일주일인데 교재가 아직도 안 왔어요. 시험이 한 달 남았어요."
    reply = "문의 주셔서 감사합니다. 담당 부서에서 확인 후 연락드리겠습니다."
    result = coach_reply(reply, customer_message=customer, situation="delay")
    assert result.rule("no_template").status == "fail"
