"""The built-in draft composer: a specific reply from a conversation's facts (SPEC 3.5).

Every sentence is there for a rule of SPEC 2.2 — name the customer's problem in their words
(context), admit it (acknowledge, ownership), say what it costs them (impact) and how it
feels (empathy), what happens now and by when (urgency, eta), what they can do meanwhile
(workaround), that we come back (follow_up), and thanks (gratitude). No lexicon cliché is
used, so drafts pass the coach with score ≥ 80 for every intent (tested).

What a draft says comes from this customer (`coach.case`): the case in their words ("이중
결제", "the double charge"), the impact they stated ("발표 자료를 오늘 밤까지 올리셔야 하는데")
or, when they stated none, a question asking it, and the details they gave (order number,
amount, product). Two customers with the same kind of problem therefore get different drafts,
and an agent sending both does not fail `no_template` for a near-copy (tested).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from gonggam.coach import stock
from gonggam.coach.case import Case, details_sentence, impact_sentence, particle, read_case
from gonggam.coach.situation import REFUSALS, Situation, parse_situation
from gonggam.coach.stated_impact import NEED, StatedImpact
from gonggam.coach.timeframe import find_time_frames


@dataclass(frozen=True)
class DraftFacts:
    """What the composer knows about the conversation (all optional but the message)."""

    customer_name: str | None
    customer_message: str
    intent: str | None
    emotion: str | None
    issue: str | None
    # An impact clause already addressed to the customer ("내일 출국이신데"); when None the
    # composer reads the customer's own words (`coach.stated_impact`).
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
    case = draft_case(facts)
    if situation in REFUSALS:
        return _refusal_ko(facts, case) if korean else _refusal_en(facts, case)
    if situation is Situation.PRAISE:
        return _praise_ko(facts, case) if korean else _praise_en(facts, case)
    if situation is Situation.QUESTION:
        return _question_ko(facts, case) if korean else _question_en(facts, case)
    return _failure_ko(facts, case) if korean else _failure_en(facts, case)


def draft_case(facts: DraftFacts) -> Case:
    """The customer's case as this draft tells it back (topic, issue, impact, details)."""
    korean = facts.language != "en"
    case = read_case(facts.customer_message, korean=korean, issue=facts.issue)
    if facts.impact:
        given = StatedImpact(facts.impact, NEED, "ko" if korean else "en")
        return replace(case, impact=given)
    return case


def eta_phrase(eta: str | None, korean: bool) -> str:
    """A time frame the coach recognises; a non-concrete ETA gets a bound added."""
    if eta and find_time_frames(eta):
        return eta
    bound = "24시간 안에" if korean else "within 24 hours"
    return f"{eta} ({bound})" if eta else bound


def greeting(facts: DraftFacts, korean: bool) -> str:
    """How a draft opens: the customer by name when known."""
    if korean:
        return f"{facts.customer_name} 고객님, " if facts.customer_name else "고객님, "
    return f"Hi {facts.customer_name}, " if facts.customer_name else "Hi, "


# How the opening feels for the customer's triaged emotion (frustrated is the default).
_FEELING_KO = {"angry": "화가 나셨을 만합니다", "anxious": "많이 걱정되셨겠어요"}
_FEELING_EN = {"angry": "how infuriating", "anxious": "how worrying"}


def _failure_ko(facts: DraftFacts, case: Case) -> str:
    topic = case.topic.name
    workaround = facts.incident_workaround or facts.kb_workaround
    feeling = _FEELING_KO.get(facts.emotion or "", "많이 답답하셨겠어요")
    opening = (
        impact_sentence(case, korean=True)
        if case.impact
        else f"{particle(topic, '으로', '로')} {feeling}."
    )
    meantime = (
        f"그동안은 {workaround} 방법으로 이용하실 수 있습니다." if workaround else stock.MEANTIME_KO
    )
    lines = [
        f"{greeting(facts, True)}{opening}",
        details_sentence(case, korean=True),
        f"{particle(case.issue, '은', '는')}{stock.OWN_KO}",
        f"{stock.WORKING_KO}{topic}{stock.PRIORITY_KO}"
        f"{eta_phrase(facts.incident_eta, True)}{stock.FIX_BY_KO}",
        meantime,
        None if case.impact else impact_sentence(case, korean=True),
        stock.CLOSE_KO,
    ]
    return "\n".join(line for line in lines if line)


def _failure_en(facts: DraftFacts, case: Case) -> str:
    issue = case.issue
    workaround = facts.incident_workaround or facts.kb_workaround
    feeling = _FEELING_EN.get(facts.emotion or "", "how frustrating")
    stated = f" {impact_sentence(case, korean=False)}" if case.impact else ""
    meantime = f"In the meantime, {workaround}." if workaround else stock.MEANTIME_EN
    lines = [
        f"{greeting(facts, False)}I can imagine {feeling} {issue} has been.{stated}",
        details_sentence(case, korean=False),
        f"{issue[:1].upper()}{issue[1:]}{stock.OWN_EN}",
        f"Our team is treating {issue}{stock.PRIORITY_EN}{eta_phrase(facts.incident_eta, False)}.",
        meantime,
        None if case.impact else impact_sentence(case, korean=False),
        stock.CLOSE_EN,
    ]
    return "\n".join(line for line in lines if line)


def _refusal_ko(facts: DraftFacts, case: Case) -> str:
    topic = case.topic.name
    request = facts.refused_request or f"{topic} 요청"
    alternative = facts.compensation_alternative or "교환이나 적립금"
    lines = [
        f"{greeting(facts, True)}{topic} 건으로 기대하신 만큼 해 드리지 못해 속상하셨겠어요.",
        f"{particle(request, '은', '는')}{stock.POLICY_KO}",
        f"대신 {particle(alternative, '으로', '로')}{stock.OFFER_KO}",
    ]
    if facts.intent == Situation.EXCESSIVE_DEMAND.value:
        lines.append("이것이 저희가 드릴 수 있는 최종 제안입니다.")
    return "\n".join(lines)


def _refusal_en(facts: DraftFacts, case: Case) -> str:
    request = facts.refused_request or "what you asked for"
    alternative = facts.compensation_alternative or "an exchange or store credit"
    lines = [
        f"{greeting(facts, False)}I understand how disappointing it is that {case.issue} "
        "has not been put right the way you hoped.",
        f"{stock.POLICY_EN}{request}.",
        f"What I can do instead is {alternative}{stock.OFFER_EN}",
    ]
    if facts.intent == Situation.EXCESSIVE_DEMAND.value:
        lines.append("This is the final offer we can make for this case.")
    return "\n".join(lines)


def _praise_ko(facts: DraftFacts, case: Case) -> str:
    about = "" if case.topic.name == "말씀하신 건" else f"{case.topic.name} 이야기를 "
    return (
        f"{greeting(facts, True)}{about}이렇게 따뜻하게 남겨 주셔서 정말 감사합니다!\n"
        "말씀해 주신 내용은 담당자에게 꼭 그대로 전하겠습니다."
    )


def _praise_en(facts: DraftFacts, case: Case) -> str:
    about = "" if case.topic.name == "your request" else f" about {case.topic.name}"
    return (
        f"{greeting(facts, False)}thank you so much for the kind words{about}!\n"
        "I will pass them on to the people involved."
    )


def _question_ko(facts: DraftFacts, case: Case) -> str:
    topic = case.topic.name
    if facts.kb_workaround:
        return f"{greeting(facts, True)}{topic} 관련해서는 {facts.kb_workaround}."
    return (
        f"{greeting(facts, True)}{topic} 관련해 정확히 답을 드리려면 주문번호를 알려 주시겠어요?\n"
        "알려 주시면 오늘 중으로 답을 드리겠습니다."
    )


def _question_en(facts: DraftFacts, case: Case) -> str:
    topic = case.topic.name
    if facts.kb_workaround:
        return f"{greeting(facts, False)}about {topic}: {facts.kb_workaround}."
    return (
        f"{greeting(facts, False)}to answer your question about {topic} exactly, could you "
        "confirm your order number?\nI will reply later today once I have it."
    )
