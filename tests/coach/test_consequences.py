"""What the failure did to the customer (`impact`) and how it felt (`empathy`), both ways."""

from __future__ import annotations

import pytest

from gonggam.coach import coach_reply

FUNERAL = "근조화환 리본에 고인 이름이 틀리게 왔어요. 빈소에 걸렸는데 유족분들 보기 민망했어요."
BUS = "교통카드 충전이 안 돼서 아침에 버스를 못 타고 택시 탔어요. 회사도 지각했고요."
NIGHT = "밤 10시에 검침원이 와서 문을 계속 두드렸어요. 혼자 사는데 너무 무서웠습니다."
RENOVATION = "욕실 공사가 2주째 안 끝나요. 식구 넷이 화장실 하나로 버티고 있어요."
MEDICINE = "아이 해열제 처방이 성인 용량으로 나왔다고 약국에서 전화 왔어요."
SHOOTS = "조명 세트가 아직 안 왔어요. 21일에 웨딩 촬영이 세 건 잡혀 있어요."
REFUND = "I cancelled on Oct 31 and you still charged me $89 on Nov 5. Please refund it."
LUNCH = "The catering for our 12:00 client lunch is 25 minutes late and the driver won't pick up."
DEPOSIT = "My $3,800 payout is stuck in pending and my stock invoice is due Wednesday."
INSTALMENT = "폰 할부금이 이번 달 청구서에 두 번 찍혀 있어요. 38,750원이 두 번이요."
PIZZA = "피자가 뒤집혀서 왔어요. 토핑이 다 한쪽으로 쏠렸어요."
PERM = "매직 스트레이트 받고 두피가 따갑더니 오늘 진물이 나요. 피부과 가야 할 것 같아요."
GARDEN = "내일 11시 야외 웨딩인데 정원 스프링클러가 터져서 잔디가 물바다래요. 손이 떨려요."
MATCH = "축구 중계 보려고 결제했는데 계속 버퍼링이에요. 친구들 불러서 같이 보려고 했는데 망했네요."
BUMPER = "범퍼 수리가 목요일까지라더니 아직이에요. 출퇴근 차가 없어서 매일 택시비만 3만원씩 나가요."
QUOTE = "견적은 48만원이었는데 당일에 사다리차 비용 12만원을 더 받아 갔어요."
TV = "이사하고 보니 TV 액정이 깨져 있어요. 저녁에 식구들 다 모여서 보는 유일한 TV인데요."
BAN = "You banned my account by mistake and I lost my place in the top 100 tournament bracket."
LOBBY = "We've been in the lobby since 3pm with two tired kids. Our room still isn't ready."
GIFT = (
    "The play kitchen for my son's 3rd birthday came in a crushed box. I can't give it like that."
)
SEATS = "You billed us for 40 seats after we went down to 25. Our finance team is asking me why."
CARD = "조카 생일 선물 메시지 카드에 이름을 틀리게 써서 보내셨어요. 애가 서운해했어요."
LIVING = "카드가 두 번 결제됐어요. 이번 달 생활비예요."
LAUNDRY = "무인 세탁소 키오스크에서 6,000원 결제됐는데 세탁기가 안 돌아갔어요."

CASES: list[tuple[str, str, str, str, str]] = [
    # (rule, reply, customer_message, situation, expected)
    # Korean: what the failure made the customer live through, told back.
    (
        "impact",
        "조문 자리에서 그런 리본을 보시고 얼마나 민망하셨을지 짐작도 안 됩니다.",
        FUNERAL,
        "mistake",
        "pass",
    ),
    ("impact", "출근길에 택시까지 타셔야 했다니 정말 죄송합니다.", BUS, "payment_error", "pass"),
    ("impact", "그날 밤 잠도 제대로 못 주무셨을 것 같습니다.", NIGHT, "complaint", "pass"),
    (
        "impact",
        "네 식구가 화장실 하나로 지내고 계시니 매일 아침이 얼마나 번거로우실지요.",
        RENOVATION,
        "delay",
        "pass",
    ),
    ("impact", "촬영 세 건이 걸려 있으니 하루하루 초조하셨겠어요.", SHOOTS, "delay", "pass"),
    # Kiwi reads the customer's "아이" as an interjection; it is still their child.
    (
        "impact",
        "아이가 잘못된 양을 먹을 뻔했으니 얼마나 놀라셨을지요.",
        MEDICINE,
        "mistake",
        "pass",
    ),
    # Only the failure, or the stake as a topic label, is not what it did to them.
    ("impact", "리본 문구를 잘못 적은 것은 저희 실수입니다.", FUNERAL, "mistake", "fail"),
    (
        "impact",
        "말씀하신 할부금 이중 청구 관련하여 담당 부서에 확인 요청드렸습니다.",
        INSTALMENT,
        "payment_error",
        "fail",
    ),
    # "대행사" is not a 행사 of the customer's.
    (
        "impact",
        "배달은 제휴 배달대행사에서 진행하는데, 해당 업체에 주의를 요청했습니다.",
        PIZZA,
        "complaint",
        "fail",
    ),
    # English: the charge named back is the failure; the money out of their pocket is impact.
    (
        "impact",
        "I can see the cancellation and the $89 charge on Nov 5; it should not have gone through.",
        REFUND,
        "payment_error",
        "fail",
    ),
    (
        "impact",
        "Refunds may take 3-5 business days depending on your bank.",
        REFUND,
        "payment_error",
        "fail",
    ),
    # A stake the customer depends on, never the fine print "depending on your bank".
    ("impact", "I know you're depending on it for Friday's payroll.", DEPOSIT, "delay", "pass"),
    ("impact", "The refund shows in 5 days depending on your bank.", DEPOSIT, "delay", "fail"),
    (
        "impact",
        "You were charged $89 after you'd cancelled, so that money is out of your account.",
        REFUND,
        "payment_error",
        "pass",
    ),
    (
        "impact",
        "Your order is late, with your client already waiting at the table.",
        LUNCH,
        "delay",
        "pass",
    ),
    ("impact", "정수리에 진물까지 났다니 얼마나 따가우셨을까요.", PERM, "incident", "pass"),
    (
        "impact",
        "내일 예식을 앞두고 이런 소식을 들으셨으니 놀라실 만합니다.",
        GARDEN,
        "incident",
        "pass",
    ),
    (
        "impact",
        "친구분들까지 불러 놓으셨는데 화면이 멈췄으니 김이 새셨겠어요.",
        MATCH,
        "incident",
        "pass",
    ),
    ("impact", "택시비로 매일 3만원씩 쓰고 계시다니 마음이 무겁습니다.", BUMPER, "delay", "pass"),
    (
        "impact",
        "식구분들이 매일 저녁 모여 보시던 TV가 없어졌으니 허전하시겠어요.",
        TV,
        "incident",
        "pass",
    ),
    # The fine print of a quote is not what the failure cost them.
    (
        "impact",
        "견적서에 '추가 비용 발생 가능'이라고 적혀 있어 환불은 어렵습니다.",
        QUOTE,
        "payment_error",
        "fail",
    ),
    ("impact", "We've added 500 gems for the bracket spot you lost.", BAN, "mistake", "pass"),
    ("impact", "Two hours in a lobby with tired kids is exhausting.", LOBBY, "delay", "pass"),
    ("impact", "Your room will be ready at 5pm.", LOBBY, "delay", "fail"),
    (
        "impact",
        "Sorry the box came crushed, especially when it was meant for a birthday.",
        GIFT,
        "complaint",
        "pass",
    ),
    (
        "impact",
        "It also left you explaining a bill you didn't cause to your finance team.",
        SEATS,
        "payment_error",
        "pass",
    ),
    (
        "impact",
        "생일날 이름이 틀린 카드를 받았으니 얼마나 머쓱하셨을까요.",
        CARD,
        "mistake",
        "pass",
    ),
    (
        "impact",
        "빨래 들고 가셨다가 그냥 돌아오셨을 생각에 죄송합니다.",
        LAUNDRY,
        "payment_error",
        "pass",
    ),
    # The reply acts because of the stake, in so many words (coach_labels.md's own example).
    ("impact", "이번 달 생활비라 오늘 안에 취소하겠습니다.", LIVING, "payment_error", "pass"),
    (
        "impact",
        "결제 취소는 오늘 처리하겠습니다. 생활비 관련 문의는 고객센터로 주세요.",
        LIVING,
        "payment_error",
        "fail",
    ),
    # Empathy: fresh words for how it was for them.
    ("empathy", "더운데 아이 둘 데리고 40분이나… 많이 지치셨죠.", LUNCH, "delay", "pass"),
    ("empathy", "허리까지 아프셨다니 죄송합니다.", RENOVATION, "delay", "pass"),
    (
        "empathy",
        "Having your payout stuck while the invoice is due is a horrible squeeze.",
        DEPOSIT,
        "policy_refusal",
        "pass",
    ),
    (
        "empathy",
        "I know a denial after two years of paying premiums feels unfair.",
        DEPOSIT,
        "policy_refusal",
        "pass",
    ),
    (
        "empathy",
        "Bringing a puppy home without the crate must make nights really hard.",
        LUNCH,
        "delay",
        "pass",
    ),
    # A feeling doubted ("…셨다면"), a future told ("확인되실 거예요") or "I can see your …"
    # about records is no empathy.
    (
        "empathy",
        "직원 응대로 불쾌하셨다면 죄송합니다. 양해 부탁드립니다.",
        NIGHT,
        "complaint",
        "fail",
    ),
    (
        "empathy",
        "방금 환불 처리했고 앱에서 지금 확인되실 거예요.",
        INSTALMENT,
        "payment_error",
        "fail",
    ),
    # "…시겠지만 … 부탁드립니다" asks them to put up with it.
    ("empathy", "번거로우시겠지만 차량 가지고 다시 방문 부탁드립니다.", BUMPER, "mistake", "fail"),
    (
        "empathy",
        "I can see your cancellation on Oct 31 and I've refunded the $89.",
        REFUND,
        "payment_error",
        "fail",
    ),
]


@pytest.mark.parametrize(("rule", "reply", "customer", "situation", "expected"), CASES)
def test_rule_reads_the_consequence(
    rule: str, reply: str, customer: str, situation: str, expected: str
) -> None:
    result = coach_reply(reply, customer_message=customer, situation=situation)
    assert result.rule(rule).status == expected, result.rule(rule).evidence
