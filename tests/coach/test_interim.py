"""`coach.interim`: a way to get by until the fix, read by its shape, in both directions."""

from __future__ import annotations

import pytest

from gonggam.coach import coach_reply
from gonggam.coach.interim import interim_offer
from gonggam.coach.timeframe import find_done

APP_DOWN = "앱이 어젯밤부터 로그인이 안 돼요. 오늘 가게 예약 손님 명단을 봐야 해요."
INK = "My printer ink was due Tuesday. It's Thursday and I have client reports to print tomorrow."


@pytest.mark.parametrize(
    "sentence",
    [
        "그 전에는 PC 웹사이트에서 예약 명단을 보실 수 있습니다.",
        "그 전에 꼭 보내셔야 하면 멈춘 금액을 계좌로 돌려드릴 테니 다른 은행에서 보내셔도 됩니다.",
        "더 기다리시기 어려우면 지금 바로 취소하고 전액 환불해 드릴 테니 말씀만 주세요.",
        "그때까지는 경비실에서 차량 차단기를 직접 열어 드리도록 해 두었습니다.",
        "기다리시는 동안 쓰실 2만 원 식사 쿠폰도 탑승권에 넣어 두었습니다.",
        "If you need to print tonight, our Main Street store is holding two cartridges for you.",
        "If anything slips, we'll pay for a taxi to your meeting.",
        "Until that's in, your terminal can store card payments offline and send them later.",
        "기다리시는 동안 1번 출구 앞 카페에 들어가 계세요.",
        "그 전까지 필요한 유아용품은 현지에서 구매하시고 영수증만 보관해 주세요.",
        "If you need to pay rent before then, most banks let you pick a voice call for the code.",
        "그 전까지 창문 열어 두시고 전기 스위치는 건드리지 마세요.",
        "그 전에 비가 오면 구멍 바깥쪽에 테이프를 붙여 두시면 물이 덜 들어옵니다.",
        "급하게 입으셔야 하면 말씀해 주세요, 확인 끝난 옷부터 먼저 보내 드릴게요.",
        "I've set up a spare cloud server for you so you can load the demo tonight.",
    ],
)
def test_a_way_offered_for_the_time_before_the_fix_is_found(sentence: str) -> None:
    assert interim_offer(sentence) is not None


@pytest.mark.parametrize(
    "sentence",
    [
        # the frame with news only
        "그 전에 진행 상황을 연락드리겠습니다.",
        "혹시 늦어지면 바로 문자로 안내해 드리겠습니다.",
        "We'll let you know before then if anything slips.",
        # a way that bridges nothing
        "카드사에 취소 요청하시면 됩니다.",
        "You can ask your card company for a chargeback.",
        # the fix itself, with no time before it
        "오늘 오후 6시까지 재발송해 드리겠습니다.",
    ],
)
def test_news_or_an_offer_without_the_meantime_is_not_an_interim_offer(sentence: str) -> None:
    assert interim_offer(sentence) is None


def test_the_rule_passes_a_reply_that_bridges_the_wait_in_its_own_words() -> None:
    reply = (
        "어젯밤 서버 업데이트 과정에서 로그인 기능이 멈췄습니다. 오전 11시까지 정상화하겠습니다. "
        "그 전에는 PC 웹사이트에서 예약 명단을 보실 수 있습니다."
    )
    result = coach_reply(reply, customer_message=APP_DOWN, situation="incident")
    assert result.rule("workaround").status == "pass"
    assert result.rule("workaround").evidence == "보실 수 있"


def test_the_rule_fails_a_reply_that_only_promises_news_before_the_fix() -> None:
    reply = (
        "Our warehouse missed the Tuesday dispatch, and it arrives before 10am Friday. "
        "We'll email you before then with the tracking link."
    )
    result = coach_reply(reply, customer_message=INK, situation="delay")
    assert result.rule("workaround").status == "fail"


def test_a_sentence_inside_boilerplate_is_not_read() -> None:
    sentence = "그 전에는 모바일 웹에서 이용하실 수 있습니다."
    assert interim_offer(sentence) is not None
    assert interim_offer(sentence, outside=[(0, len(sentence))]) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "방금 차단 해제했으니 지금 다시 결제해 보세요.",
        "한 건은 방금 취소 처리했구요, 환불 반영까지는 3~5일 걸려요.",
        "I've just refunded the extra $45.",
        "I've released the hold, so your daughter's camp place is confirmed.",
        "I've unlocked the next module for you so you can keep going.",
        "I linked the meter to your account this morning.",
        "I've just added £10 of emergency credit to your meter.",
        "방금 오늘 출고분으로 넣어 특급으로 보냈고, 내일 도착합니다.",
        "잘못 올라간 상세페이지는 방금 내렸습니다.",
        "86만원 결제는 취소하고 68만원으로 다시 승인했으며, 3일 안에 반영됩니다.",
        "You've been rebooked on the 14:40 flight and a hotel voucher has been issued.",
    ],
)
def test_a_fix_already_done_is_read_in_its_everyday_forms(sentence: str) -> None:
    assert find_done(sentence) is not None


def test_an_undoing_that_is_the_failure_is_not_a_fix() -> None:
    assert find_done("일부 고객님 계좌 연동이 해제됐어요.") is None


@pytest.mark.parametrize(
    "sentence",
    [
        "You may book again once a new referral has been issued.",
        "I've added your line to the repair job.",
        "The agent linked it to the wrong account.",
        "허브에 분류 누락 확인 요청을 방금 넣었고, 내일 답을 받습니다.",
        "방금 환불 요청 넣었고 카드사에 따라 3일 걸립니다.",
    ],
)
def test_a_condition_or_a_step_on_the_way_is_not_a_fix_done(sentence: str) -> None:
    assert find_done(sentence) is None


def test_a_process_changed_for_next_time_is_no_way_through_for_this_customer() -> None:
    customer = "학원비가 자동이체로 두 번 빠져나갔어요. 이번 달 생활비가 빠듯해요."
    prevention = coach_reply(
        "중복 출금은 저희 실수입니다. 청구 파일 발송 전에 두 명이 대조하도록 절차를 바꿨습니다.",
        customer_message=customer,
        situation="payment_error",
    )
    fixed = coach_reply(
        "중복 출금은 저희 실수입니다. 중복분은 방금 계좌로 돌려 드렸습니다.",
        customer_message=customer,
        situation="payment_error",
    )
    assert prevention.rule("workaround").status == "fail"
    assert fixed.rule("workaround").status == "pass"
