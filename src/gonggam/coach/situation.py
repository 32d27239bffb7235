"""Situations a reply answers, and which coaching rules apply to each.

A situation is optional input (`coach_reply(situation=...)`). Accepted values:

| situation | meaning | family |
| --- | --- | --- |
| `mistake` | our agent or process got something wrong (wrong info, missed request) | failure |
| `incident` | outage / bug affecting the customer | failure |
| `delay` | late delivery, slow processing | failure |
| `payment_error` | failed, double or wrong charge | failure |
| `complaint` | some other failure the customer complains about | failure |
| `policy_refusal` | the customer asks for something policy does not allow | refusal |
| `excessive_demand` | demands beyond any policy (SPEC 2.4) | refusal |
| `praise` | thanks or compliments | praise |
| `question` | a plain question, nothing went wrong | question |
| `abuse` | the customer is abusive (SPEC 2.5) | abuse |

Aliases (triage intents and common words) map onto these; see `ALIASES`.

Which rules apply (everything else is `n/a`):
- failure: every rule except `policy_alternative`; `workaround` is n/a for `mistake` (the fix
  is a correction, there is nothing to bridge).
- refusal: context, empathy, no_template, plain_language, policy_alternative, calm_tone.
- praise: context, no_template, gratitude, plain_language, calm_tone.
- question: context, no_template, plain_language, calm_tone.
- abuse: context, empathy, no_template, plain_language, calm_tone.
- in any situation, `policy_alternative` applies as soon as the reply refuses something.

Without a situation it is inferred: abusive words → abuse; failure words (오류, 안 와요,
늦어요, not working …) → complaint, or refusal when the reply refuses and the message only
demands; praise words alone → praise; a question alone → question. Without a customer message
the reply itself decides (apology → complaint, refusal → policy_refusal, thanks → praise).
"""

from __future__ import annotations

from enum import StrEnum

from gonggam.coach.patterns import rx as _rx


class Situation(StrEnum):
    """What the reply is answering."""

    MISTAKE = "mistake"
    INCIDENT = "incident"
    DELAY = "delay"
    PAYMENT_ERROR = "payment_error"
    COMPLAINT = "complaint"
    POLICY_REFUSAL = "policy_refusal"
    EXCESSIVE_DEMAND = "excessive_demand"
    PRAISE = "praise"
    QUESTION = "question"
    ABUSE = "abuse"


FAILURES = frozenset(
    {
        Situation.MISTAKE,
        Situation.INCIDENT,
        Situation.DELAY,
        Situation.PAYMENT_ERROR,
        Situation.COMPLAINT,
    }
)
REFUSALS = frozenset({Situation.POLICY_REFUSAL, Situation.EXCESSIVE_DEMAND})

ALIASES: dict[str, Situation] = {
    "wrong_info": Situation.MISTAKE,
    "outage": Situation.INCIDENT,
    "technical_issue": Situation.INCIDENT,
    "account_access": Situation.INCIDENT,
    "delivery": Situation.DELAY,
    "delayed_delivery": Situation.DELAY,
    "billing": Situation.PAYMENT_ERROR,
    "payment": Situation.PAYMENT_ERROR,
    "service_complaint": Situation.COMPLAINT,
    "product_quality": Situation.COMPLAINT,
    "refund_exchange": Situation.COMPLAINT,
    "refund_refused": Situation.POLICY_REFUSAL,
    "refusal": Situation.POLICY_REFUSAL,
    "thanks": Situation.PRAISE,
    "general_inquiry": Situation.QUESTION,
    "abusive": Situation.ABUSE,
}

_ALWAYS = frozenset({"context", "no_template", "plain_language", "calm_tone"})
_APPLICABLE: dict[str, frozenset[str]] = {
    "failure": _ALWAYS
    | {
        "acknowledge",
        "impact",
        "empathy",
        "ownership",
        "eta",
        "workaround",
        "urgency",
        "follow_up",
        "gratitude",
    },
    "refusal": _ALWAYS | {"empathy", "policy_alternative"},
    "praise": _ALWAYS | {"gratitude"},
    "question": _ALWAYS,
    "abuse": _ALWAYS | {"empathy"},
}


def parse_situation(value: str | None) -> Situation | None:
    """Return the situation named by `value` (or an alias); None when absent.

    Raises ValueError naming the accepted values when `value` is unknown.
    """
    if value is None or not value.strip():
        return None
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    if key in ALIASES:
        return ALIASES[key]
    try:
        return Situation(key)
    except ValueError:
        accepted = ", ".join(s.value for s in Situation)
        raise ValueError(f"unknown situation {value!r}; use one of: {accepted}") from None


def family(situation: Situation) -> str:
    """Return the rule-applicability family of a situation."""
    if situation in FAILURES:
        return "failure"
    if situation in REFUSALS:
        return "refusal"
    return situation.value


def applicable_rules(situation: Situation, *, refusing: bool) -> frozenset[str]:
    """Return the ids of the rules that apply to a reply in this situation."""
    rules = set(_APPLICABLE[family(situation)])
    if situation is Situation.MISTAKE:
        rules.discard("workaround")
    if refusing:
        rules.add("policy_alternative")
    return frozenset(rules)


ABUSE_CUES = _rx(
    r"시발|씨발|ㅅㅂ|ㅆㅂ|개새|새끼|병신|ㅂㅅ|미친|미쳤|꺼져|닥쳐|죽여|죽을래|좆|지랄|"
    r"\bf+u+c+k|\bshit\b|\bidiot|\bstupid\b|\bmorons?\b|\bdamn you"
)
FAILURE_CUES = _rx(
    r"오류|에러|장애|먹통|안 ?(돼|되|와|옴|열려|들어가)|안 나|못 (받|쓰|하|들어)|늦|지연|"
    r"잘못|틀리|틀렸|다르게|다른 (게|거|상품|사이즈|색)|누락|빠졌|두 번|이중|중복|"
    r"결제가? 됐는데|고장|불량|파손|깨져|"
    r"환불 (안|못)|언제 (와|오|돼|되|받)|아직|답답|화나|짜증|실망|황당|"
    r"\berror|not working|doesn'?t work|didn'?t (arrive|work|get)|broken|\blate\b|delay|wrong|"
    r"charged twice|double[- ]charged|outage|\bdown\b|still (waiting|not)|haven'?t (received|got)|"
    r"missing|damaged|crack|dent|scratch|leak|torn|can'?t (log|pay|access|use|order)"
)
DEMAND_CUES = _rx(
    r"환불|보상|배상|교환|반품|취소|전액|돌려 ?(주|줘)|해 ?(내|줘)|"
    r"\brefund|compensat|money back|exchange|return|cancel"
)
PRAISE_CUES = _rx(
    r"감사|고맙|고마워|친절|최고|좋았|좋아요|만족|칭찬|덕분|짱|"
    r"\bthank|great|awesome|amazing|love|helpful|excellent|kudos"
)
QUESTION_CUES = _rx(
    r"\?|궁금|문의|어떻게|방법|가능한가요|되나요|있나요|알려 ?주세요|인가요|"
    r"\bhow (do|can)|\bcan i\b|\bis it possible|\bwhat is|\bwhen does|\bdo you"
)
REPLY_APOLOGY = _rx(r"죄송|사과|송구|미안|\bsorry|\bapologi[sz]e|\bapologies")
REPLY_THANKS = _rx(r"감사|고맙|\bthank")


def infer_situation(customer_message: str | None, reply: str, *, refusing: bool) -> Situation:
    """Guess the situation from the customer's message, else from the reply itself."""
    message = customer_message or ""
    if message.strip():
        if ABUSE_CUES.search(message):
            return Situation.ABUSE
        if FAILURE_CUES.search(message):
            return Situation.COMPLAINT
        if refusing and DEMAND_CUES.search(message):
            return Situation.POLICY_REFUSAL
        if PRAISE_CUES.search(message):
            return Situation.PRAISE
        if refusing:
            return Situation.POLICY_REFUSAL
        return Situation.QUESTION
    if refusing:
        return Situation.POLICY_REFUSAL
    if REPLY_APOLOGY.search(reply):
        return Situation.COMPLAINT
    if REPLY_THANKS.search(reply):
        return Situation.PRAISE
    return Situation.QUESTION
