"""The built-in draft composer: a specific reply from a conversation's facts (SPEC 3.5).

Every sentence is there for a rule of SPEC 2.2 — name the customer's problem in their words
(context), admit it (acknowledge, ownership), say what it costs them (impact) and how it
feels (empathy), what happens now and by when (urgency, eta), what they can do meanwhile
(workaround), that we come back (follow_up), and thanks (gratitude). No lexicon cliché is
used, so drafts pass the coach with score ≥ 80 for every intent (tested).
"""

from __future__ import annotations

from dataclasses import dataclass

from gonggam.coach.situation import REFUSALS, Situation, parse_situation
from gonggam.coach.text import analyze, customer_specifics
from gonggam.coach.timeframe import find_time_frames


@dataclass(frozen=True)
class DraftFacts:
    """What the composer knows about the conversation (all optional but the message)."""

    customer_name: str | None
    customer_message: str
    intent: str | None
    emotion: str | None
    issue: str | None
    impact: str | None
    incident_eta: str | None
    incident_workaround: str | None
    kb_workaround: str | None
    refused_request: str | None
    compensation_alternative: str | None
    language: str = "ko"


def draft_situation(facts: DraftFacts) -> Situation:
    """The coaching situation a draft for these facts answers."""
    if facts.refused_request:
        return Situation.POLICY_REFUSAL
    try:
        parsed = parse_situation(facts.intent)
    except ValueError:
        parsed = None
    return parsed or Situation.COMPLAINT


def compose_draft(facts: DraftFacts) -> str:
    """Write a specific reply for these facts in `facts.language` ("ko" or "en")."""
    situation = draft_situation(facts)
    korean = facts.language != "en"
    topic = _topic(facts, korean)
    if situation in REFUSALS:
        return _refusal_ko(facts, topic) if korean else _refusal_en(facts, topic)
    if situation is Situation.PRAISE:
        return _praise_ko(facts, topic) if korean else _praise_en(facts, topic)
    if situation is Situation.QUESTION:
        return _question_ko(facts, topic) if korean else _question_en(facts, topic)
    return _failure_ko(facts, topic) if korean else _failure_en(facts, topic)


def _topic(facts: DraftFacts, korean: bool) -> str:
    """The customer's own words for the case: the first specific noun phrase they used."""
    specifics = customer_specifics(analyze(facts.customer_message), limit=1)
    if specifics:
        return specifics[0]
    return "말씀하신 건" if korean else "your request"


def _eta(eta: str | None, korean: bool) -> str:
    """A time frame the coach recognises; a non-concrete ETA gets a bound added."""
    if eta and find_time_frames(eta):
        return eta
    bound = "24시간 안에" if korean else "within 24 hours"
    return f"{eta} ({bound})" if eta else bound


def _greeting(facts: DraftFacts, korean: bool) -> str:
    if korean:
        return f"{facts.customer_name} 고객님, " if facts.customer_name else "고객님, "
    return f"Hi {facts.customer_name}, " if facts.customer_name else "Hi, "


def _failure_ko(facts: DraftFacts, topic: str) -> str:
    issue = facts.issue or f"{topic} 문제"
    impact = (
        f"{facts.impact} 상황이 되어" if facts.impact else "이 일로 소중한 시간을 허비하시게 되어"
    )
    workaround = facts.incident_workaround or facts.kb_workaround
    lines = [
        f"{_greeting(facts, True)}{topic} 건으로 {impact} 많이 답답하셨겠어요.",
        f"{issue}은(는) 저희 쪽 잘못이며, 저희가 끝까지 책임지고 해결하겠습니다.",
        f"지금 담당 팀이 최우선으로 처리하고 있고, "
        f"{_eta(facts.incident_eta, True)} 해결해 드리겠습니다.",
        f"그동안은 {workaround} 방법으로 이용하실 수 있습니다."
        if workaround
        else "그동안 필요한 일이 있으시면 제가 직접 다른 방법을 찾아 드리겠습니다.",
        "해결되면 제가 직접 다시 연락드려 문제없는지 확인하겠습니다.",
        "알려 주셔서 감사합니다.",
    ]
    return "\n".join(lines)


def _failure_en(facts: DraftFacts, topic: str) -> str:
    issue = facts.issue or f"the {topic} problem"
    impact = facts.impact or "it has cost you time you should not have lost"
    workaround = facts.incident_workaround or facts.kb_workaround
    lines = [
        f"{_greeting(facts, False)}I can imagine how frustrating the {topic} problem has been; "
        f"{impact}.",
        f"{issue[:1].upper()}{issue[1:]} is our mistake, and we take full responsibility for it.",
        f"Our team is treating it as a top priority right now, and we will have it fixed "
        f"{_eta(facts.incident_eta, False)}.",
        f"In the meantime, {workaround}."
        if workaround
        else "In the meantime, if you need anything urgently, I will find another way for you.",
        "Once it is fixed, I will check back with you to make sure everything works.",
        "Thank you for letting us know.",
    ]
    return "\n".join(lines)


def _refusal_ko(facts: DraftFacts, topic: str) -> str:
    request = facts.refused_request or f"{topic} 요청"
    alternative = facts.compensation_alternative or "교환이나 적립금"
    lines = [
        f"{_greeting(facts, True)}{topic} 건으로 기대하신 만큼 해 드리지 못해 속상하셨겠어요.",
        f"{request}은(는) 모든 고객님께 같은 기준을 지키기 위한 저희 규정에 따라 "
        "해 드리기 어렵습니다.",
        f"대신 {alternative}(으)로 도와드릴 수 있고, 원하시면 오늘 바로 준비해 드리겠습니다.",
    ]
    if facts.intent == Situation.EXCESSIVE_DEMAND.value:
        lines.append("이것이 저희가 드릴 수 있는 최종 제안입니다.")
    return "\n".join(lines)


def _refusal_en(facts: DraftFacts, topic: str) -> str:
    request = facts.refused_request or f"the {topic} request"
    alternative = facts.compensation_alternative or "an exchange or store credit"
    lines = [
        f"{_greeting(facts, False)}I understand how disappointing it is that the {topic} "
        "did not work out as you hoped.",
        f"Because our policy applies the same rules to every customer, we cannot offer {request}.",
        f"What I can do instead is {alternative}, and I can set that up for you today.",
    ]
    if facts.intent == Situation.EXCESSIVE_DEMAND.value:
        lines.append("This is the final offer we can make for this case.")
    return "\n".join(lines)


def _praise_ko(facts: DraftFacts, topic: str) -> str:
    return (
        f"{_greeting(facts, True)}{topic} 이야기를 이렇게 따뜻하게 남겨 주셔서 정말 감사합니다!\n"
        "말씀해 주신 내용은 담당자에게 꼭 그대로 전하겠습니다."
    )


def _praise_en(facts: DraftFacts, topic: str) -> str:
    return (
        f"{_greeting(facts, False)}thank you so much for the kind words about {topic}!\n"
        "I will pass them on to the people involved."
    )


def _question_ko(facts: DraftFacts, topic: str) -> str:
    if facts.kb_workaround:
        return f"{_greeting(facts, True)}{topic} 관련해서는 {facts.kb_workaround}."
    return (
        f"{_greeting(facts, True)}{topic} 관련해 정확히 답을 드리려면 주문번호를 알려 주시겠어요?\n"
        "알려 주시면 오늘 중으로 답을 드리겠습니다."
    )


def _question_en(facts: DraftFacts, topic: str) -> str:
    if facts.kb_workaround:
        return f"{_greeting(facts, False)}about {topic}: {facts.kb_workaround}."
    return (
        f"{_greeting(facts, False)}to answer your question about {topic} exactly, could you "
        "confirm your order number?\nI will reply later today once I have it."
    )
