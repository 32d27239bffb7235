"""The built-in composer's fixed wording, shared by drafts and the near-copy check.

Each fixed piece carries one rule of SPEC 2.2 (ownership, urgency, follow-up, gratitude…) and
is the same for every customer by design; what makes a draft this customer's is around it
(their name, their words, their case, their impact). The near-copy check
(`coach.similarity`) leaves these pieces out when it compares a reply with the agent's
replies to other customers, so two drafts for two customers are compared on what was written
for each — and a copied reply, which carries the other customer's words, is still caught.
"""

from __future__ import annotations

OWN_KO = " 저희 쪽 잘못이며, 끝까지 책임지고 해결하겠습니다."
WORKING_KO = "지금 담당 팀이 "
PRIORITY_KO = " 건을 최우선으로 처리하고 있고, "
FIX_BY_KO = " 해결해 드리겠습니다."
MEANTIME_KO = "그동안 급한 일이 있으시면 제가 직접 다른 방법을 찾아 드리겠습니다."
ASK_IMPACT_KO = "혹시 이 일로 급한 일정에 차질이 생기셨다면 말씀해 주세요. 그 일부터 챙기겠습니다."
CLOSE_KO = "해결되면 제가 직접 다시 연락드리겠습니다. 알려 주셔서 감사합니다."
CHECKED_KO = "라고 하신 부분은 제가 직접 확인했습니다."

OWN_EN = " is our mistake, and we take full responsibility for it."
PRIORITY_EN = " as a top priority right now, and we will have it fixed "
MEANTIME_EN = "In the meantime, if anything is urgent, I will find another way for you."
ASK_IMPACT_EN = (
    "If this has left you unable to do something urgent, tell me and I will start there."
)
CLOSE_EN = "Once it is fixed, I will check back with you myself. Thank you for letting us know."
CHECKED_EN = ", and I have looked into it myself"

POLICY_KO = " 모든 고객님께 같은 기준을 지키기 위한 저희 규정에 따라 해 드리기 어렵습니다."
OFFER_KO = " 도와드릴 수 있고, 원하시면 오늘 바로 준비해 드리겠습니다."
POLICY_EN = "Because our policy applies the same rules to every customer, we cannot offer "
OFFER_EN = ", and I can set that up for you today."

STOCK: tuple[str, ...] = (
    OWN_KO,
    WORKING_KO,
    PRIORITY_KO,
    FIX_BY_KO,
    MEANTIME_KO,
    ASK_IMPACT_KO,
    CLOSE_KO,
    CHECKED_KO,
    OWN_EN,
    PRIORITY_EN,
    MEANTIME_EN,
    ASK_IMPACT_EN,
    CLOSE_EN,
    CHECKED_EN,
    POLICY_KO,
    OFFER_KO,
    POLICY_EN,
    OFFER_EN,
)
