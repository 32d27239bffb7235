"""One sentence per failing rule, written for this conversation, that the agent can insert.

A rule's `suggestion` tells the agent what is missing; the sentence here is a ready-made way
to say it with this customer's facts (the same wording as the draft composer, so an inserted
sentence passes its rule). Rules about how the whole reply is written (`no_template`,
`plain_language`, `calm_tone`, `context` when the reply already names the case) have no
sentence: the agent has to rewrite, not add.
"""

from __future__ import annotations

from gonggam.coach.case import impact_sentence, particle
from gonggam.coach.drafts import DraftFacts, draft_case, eta_phrase


def insertable_sentence(rule_id: str, facts: DraftFacts) -> str | None:
    """A sentence that makes `rule_id` pass for these facts, or None when adding cannot."""
    korean = facts.language != "en"
    case = draft_case(facts)
    topic = case.topic.name
    issue = case.issue
    workaround = facts.incident_workaround or facts.kb_workaround
    if korean:
        alternative = facts.compensation_alternative or "교환이나 적립금"
        sentences = {
            "context": f"말씀하신 {topic} 건을 제가 직접 확인했습니다.",
            "acknowledge": f"{particle(issue, '은', '는')} 저희 쪽 잘못입니다.",
            "impact": impact_sentence(case, korean=True),
            "empathy": f"{particle(topic, '으로', '로')} 많이 답답하셨겠어요.",
            "ownership": "저희가 끝까지 책임지고 해결하겠습니다.",
            "eta": f"{eta_phrase(facts.incident_eta, True)} 해결해 드리겠습니다.",
            "workaround": (
                f"그동안은 {workaround} 방법으로 이용하실 수 있습니다."
                if workaround
                else "그동안 필요한 일이 있으시면 제가 직접 다른 방법을 찾아 드리겠습니다."
            ),
            "urgency": "지금 담당 팀이 최우선으로 처리하고 있습니다.",
            "follow_up": "해결되면 제가 직접 다시 연락드려 문제없는지 확인하겠습니다.",
            "gratitude": "알려 주셔서 감사합니다.",
            "policy_alternative": (
                f"대신 {particle(alternative, '으로', '로')} 도와드릴 수 있고, "
                "원하시면 오늘 바로 준비해 드리겠습니다."
            ),
        }
    else:
        alternative_en = facts.compensation_alternative or "an exchange or store credit"
        sentences = {
            "context": f"I have looked into {topic} myself.",
            "acknowledge": f"{issue[:1].upper()}{issue[1:]} is our mistake.",
            "impact": impact_sentence(case, korean=False),
            "empathy": f"I can imagine how frustrating {issue} has been.",
            "ownership": "We take full responsibility for it.",
            "eta": f"We will have it fixed {eta_phrase(facts.incident_eta, False)}.",
            "workaround": (
                f"In the meantime, {workaround}."
                if workaround
                else "In the meantime, if you need anything urgently, I will find another way "
                "for you."
            ),
            "urgency": "Our team is treating it as a top priority right now.",
            "follow_up": "Once it is fixed, I will check back with you to make sure everything "
            "works.",
            "gratitude": "Thank you for letting us know.",
            "policy_alternative": (
                f"What I can do instead is {alternative_en}, and I can set that up for you today."
            ),
        }
    return sentences.get(rule_id)
