"""Rules about how the reply is written: no_template, plain_language, policy_alternative,
calm_tone.

- `no_template` fails when the reply is a near-copy of one of the agent's other replies
  (`similarity`), when little but boilerplate is left once clichés and greetings are removed,
  when a cliché apology is the only apology in a failure, or when it opens with a cliché.
- `plain_language` fails on internal codes (ERR_502, PG-TIMEOUT, SKU-…), system names (ERP,
  OMS, CS툴), very long sentences (> 120 Korean characters or > 40 English words) and walls of
  text (> 600 characters with no line break).
- `policy_alternative` (only when refusing) needs the policy explained with its reason or
  condition and a concrete alternative (교환, 적립금, 부분 환불, store credit…) outside the
  refusing sentence.
- `calm_tone` fails on blaming or arguing with the customer.
"""

# ruff: noqa: E501 — cue lexicons keep one alternation group per line; Hangul counts double width.

from __future__ import annotations

import re

from gonggam.coach.patterns import SENTENCE, for_text, rx
from gonggam.coach.result import FAIL, RuleResult
from gonggam.coach.rules.base import CoachContext, failed, passed
from gonggam.coach.rules.understanding import (
    GENERAL_STATEMENT,
    check_acknowledge,
    check_context,
    check_specifics,
)
from gonggam.coach.similarity import find_near_copy
from gonggam.coach.situation import FAILURES, REFUSALS

REFUSAL = rx(
    r"불가(?!피)(능)?|어렵습니다|어려워요|어려운 점|어렵게 되었|어려운 상황|해 ?드릴 수 ?(가 )?없|"
    r"해 ?드리기 ?(가 )?(어렵|힘들)|할 수 ?(가 )?없|받아들이기 어렵|"
    r"(환불|교환|반품|보상|취소|지급|연장|배상)(은|는|이|가)? ?(되지 않|안 되|안 돼)|"
    r"\b(cannot|can'?t|can not|unable to|not able to|won'?t be able to) (offer|provide|refund|give|"
    r"issue|process|accept|approve|exchange|return|compensate|make|honou?r|extend|waive|grant|cover|"
    r"reimburse|add)|\b(isn'?t|is not|aren'?t|are not) (possible|eligible|refundable|returnable)|"
    r"\bnot eligible|\bnon-refundable\b|\bwe do not (offer|provide|accept|refund|allow)|"
    # Refusals dressed as rules or limits ("we are unable to guarantee", "compensation does
    # not apply", "별도 환불은 필요하지 않습니다", "알려 드릴 수 없지만").
    r"\b(are|is|am) unable to (guarantee|intervene|accommodate|offer|refund|provide|waive|change|honou?r)|"
    r"\b(compensation|refunds?|this) (does|do) not apply\b|(환불|보상|교환)(은|는)? ?(필요하지 않|대상이 아니)|"
    r"(알려|드릴|해 드릴|바꿔 드릴|변경해 드릴) 수 없(지만|으나|습니다|어요)"
)
POLICY = rx(
    r"규정|정책|약관|방침|기준|원칙|보증|조건|약정|제도|\bpolic(y|ies)|\bterms\b|\brules?\b|\bwarrant(y|ies)|\bguarantee|"
    r"non-refundable|\bconditions\b|\blimits?\b|grace period|\ballowance\b"
)
POLICY_REASON = rx(
    r"\d|이내|지난|위생|[가-힣]면 |[가-힣]이라 |므로|해당|적용 대상|\bunder\b|\bcovers?\b|\bapplies to\b|지나|경과|초과|이후|후에는|경우|개봉|사용|착용|수령|때문|이라서|이어서|으로 인해|"
    r"에 따라|따라|위해|기준으로|\bbased on|\bdepends on|\baccording to|보호|공정|\bbecause|\bafter\b|\bwithin\b|\bonce\b|\bsince\b|\bopened|\bused\b|"
    r"\bworn\b|\bbeyond\b|\bpast\b|\bonly\b|\bso that\b|\bto keep\b"
)
ALTERNATIVE = rx(
    r"교환|적립금|포인트|부분 ?환불|일부 ?환불|쿠폰|할인|수선|수리|A/S|무상|대신|대안|다른 (상품|옵션|방법)|"
    r"재발송|크레딧|무료로|무상으로|다른 날짜|날짜 변경|양도|마일리지|상품권|차액|반품 배송비|배송비(를|는)? .{0,6}(부담|지원)|"
    r"\bexchange|store credit|\bcredit\b|partial refund|voucher|coupon|discount|\brepair|replacement|"
    r"\b(brand-)?new (one|case|item|unit|pair|device|product)|\bsent (you )?a (new|replacement)|새 (상품|제품|것)|"
    r"\binstead\b|alternative|gift card|\bpoints\b|\bresell|\bmove you to|\bat no (extra )?cost|\bfree of charge|\bfree \w+|\bfree (week|month|upgrade|shipping|delivery)|\badded .{0,30} to your account|"
    # What can be given after the refusal ("다만 … 감면을 추가로 적용해 드릴 수 있습니다", "9천 원을
    # 바로 환불해 드리거나", "what I can do is", "brings it down to $15").
    r"감면|면제|돌려 ?드리|환불해 ?드리(거나|고|겠|ㄹ)|다시 보내 ?드릴|다만 [^.!?]{0,60}(드릴 수 있|드리겠|가능합니다|해 드립니다|해 드려요)|"
    r"\bwhat (i|we) can (do|offer)|\b(i|we) can (offer|give|arrange)|\bbrings? (it|that|the \w+) down to|"
    r"\brefund the [$£€]?[\d,.]* ?difference|\bcan (still )?(fly|travel|ride|sit|go) (in|on|with)\b"
)
FINAL_OFFER = rx(r"최종|마지막으로|더 이상 .{0,10}(어렵|불가|없)|\bfinal offer|\bthe most we can")
# Codes and system names are upper case by nature; matching them case-insensitively would
# flag "third-party" or "next-day".
CODES = re.compile(
    r"\b[A-Z]{2,}[_-][A-Z0-9_-]+\b|\bSKU-?\w*|\b(ERP|OMS|WMS|CRM|API|DB|SLA|RMA|VOC|PG|TID|MID|SQL)\b"
)
JARGON = rx(
    r"CS ?툴|CS ?tool|\bHTTP ?\d{3}|\b[45]\d\d ?(에러|오류|error)|에스컬레이션|트랜잭션|타임아웃|롤백|"
    r"레거시|핫픽스|디플로이|인시던트|백엔드|프론트엔드|어드민|티켓 ?번호|"
    r"\bescalat\w* to (tier|level|l\d)|\btier[- ]?\d\b|\bbackend\b|\bticket (id|number)|"
    r"\bincident (id|number)|\bdeploy(ment)?\b|\brollback\b|\btimeout\b"
)
BLAME = rx(
    r"고객님(이|께서|이 직접)? ?(직접 )?(잘못 |착각|실수로)|(잘못|실수)(하신|하셨|하셔서)|"
    r"잘못 ?(쓰|사용하|누르|입력하|보|이해하|읽|아|알)(신|셨|시)|저희더러|어쩌라는|어쩌라고|어떻게 하라는|"
    r"(규정|약관|공지|안내|설명|상세 ?페이지|주의 ?사항)(을|를|도|은)? ?(안|못|제대로 안) ?(읽|보|확인하)|"
    r"(읽어|확인해) ?(보셨|보시긴|보신 ?거)|제대로 (보셨|읽으셨|확인하셨|보시|읽으시)|"
    r"(분명히|이미|여러 번|몇 번|아까) .{0,10}(안내|말씀|설명)(을|를)? ?(드렸|했|드린)|"
    r"그건 고객님 (사정|책임|문제|잘못)|고객님 (탓|책임|부주의|과실)(?!을 (하|했))|본인 (과실|부주의|책임|실수)|"
    r"언성을|그렇게 말씀하시면|억지|말이 안 되|말도 안 (되|됩|돼)|이해를 못 하시|이해 못 하시|무리한 요구|생떼|"
    r"진정(하세요|하시고)|왜 .{0,12}(안 하셨|안 보셨|안 읽으셨)|"
    r"(?<!something.)(?<!never.)\byou should have|\byou (didn'?t|did not|failed to) (read|check|follow|notice|see)|"
    r"\bas (i|we) (already )?(said|told you|explained|mentioned)|\byour (own )?(fault|mistake)|"
    r"\bnot our problem|\bwhat (do|did) you expect|\bcalm down|\byou (clearly|obviously)|"
    r"\bif you had (read|followed|checked)|\bdid you (even )?(read|check)|\bthat'?s (on you|your problem)|"
    r"\bstop (yelling|shouting)|\bclearly (states|says|explains|mentions)|\bplease read (our|the) (faq|terms|policy|guide|manual)|\bbefore contacting us|"
    r"(확인|읽|보)(하)?셨어야|고객님(께서|이)? .{0,15}(안 해 주셔서|안 하셔서|안 주셔서|안 하시니까|하셔서 그렇)|"
    r"(확인|읽|보)(하)?지 (않으신|않으셨|못하신|않으셔서)|(안|못) (보신|읽으신|확인하신) (것|거) 같|분명히 (나와|적혀|명시)|"
    r"(공지|FAQ|자주 묻는 질문|상세 ?페이지)(를|을)? (먼저 )?(읽|확인|참고)(하)?(시고|신 후|고) (문의|연락)|\b(is|isn'?t|is not) going to work|\bthreatening us|협박|\b(unreasonable|ridiculous) (demand|request)|"
    # Reminding the customer they were told or agreed, judging the demand, and denying fault
    # ("가입 시 안내드린 바 있습니다", "동의서에 포함된 내용입니다", "과도하신 것 같습니다",
    # "저희 잘못이 아닙니다").
    r"(안내|고지|설명)(해 )?드린 바 있|동의(서|하신 서류)에 (포함|명시)|과도하신|"
    r"(저희|당사) ?(쪽)? ?(잘못|책임|과실)(은|이)? (아니|아닙|아닌)|\b(that|this|it)('s| is) not our fault|"
    # Lecturing: "구매 시 안내된 바와 같이", "상식적으로 판단해 주시면", "예민하게 받아들였을 수",
    # "약관을 다시 한번 확인해 주시기 바랍니다", "귀책이 아니므로", "rather than relying on".
    r"안내(된|드린|해 드린) (바와 같이|대로)|상식적으로|예민하게 (받아들|반응)|다독여 주시|"
    r"(약관|규정|이용 ?안내|공지|안내문)(을|를)? 다시 ?(한번|한 번)? ?확인해 주시|(귀책|과실)(이|은)? 아니|귀책 ?사유가 (아니|없)|"
    r"\brather than relying\b|\b(passengers|customers|members|users) are (advised|reminded|expected) to\b"
)
GREETING = rx(
    r"안녕하세요|안녕하십니까|고객님|상담사|입니다|감사합니다|좋은 하루|행복한 하루|\bhello\b|\bhi\b|"
    r"\bdear\b|\bcustomer\b|\bregards\b|\bbest\b|\bthanks\b|\bsupport team\b"
)
APOLOGY_KEYS = frozenset({"죄송", "사과", "sorry"})


def detect_refusal(text: str) -> re.Match[str] | None:
    """Return the refusing phrase of a reply that refuses something, if any."""
    return for_text(REFUSAL, text).search(text)


def check_no_template(ctx: CoachContext) -> RuleResult:
    """`no_template`: not boilerplate, not a stock apology alone, not a copy of other replies."""
    copy = find_near_copy(ctx.text, ctx.previous_replies)
    if copy:
        snippet = copy.previous[:40] + ("…" if len(copy.previous) > 40 else "")
        return failed(
            "no_template",
            ctx.say(
                f'다른 고객에게 보낸 답장 #{copy.index + 1}과 {copy.similarity:.0%} 같습니다: "{snippet}"',
                f'{copy.similarity:.0%} similar to reply #{copy.index + 1} to another customer: "{snippet}"',
            ),
            ctx.say(
                f"복사한 답장 대신 이 고객님의 '{ctx.topic}' 상황에 맞춰 새로 쓰세요.",
                f"Write for this customer's '{ctx.topic}' situation instead of reusing a reply.",
            ),
        )
    residual = _residual_units(ctx)
    cliched, sentences = _cliched_sentences(ctx)
    boilerplate_only = ctx.cliches and (
        residual <= 3
        or cliched == sentences
        or (cliched * 2 >= sentences and ctx.verdict("context", check_context).status == FAIL)
    )
    if boilerplate_only:
        start, end, _ = ctx.cliches[0]
        return failed(
            "no_template",
            ctx.say(
                f"상투 문구뿐입니다: '{ctx.text[start:end]}'",
                f"only boilerplate: '{ctx.text[start:end]}'",
            ),
            ctx.say(
                f"상투 문구 대신 '{ctx.topic}'에 대해 무엇이 잘못됐고 무엇을 언제 할지 적으세요.",
                f"Replace the boilerplate with what went wrong with '{ctx.topic}' and what you will do when.",
            ),
            (start, end),
        )
    apologies = [c for c in ctx.cliches if _is_apology(c[2])]
    # The acknowledge rule's own reading decides whether anything beside the stock apology
    # names what went wrong.
    if (
        apologies
        and ctx.situation in FAILURES
        and ctx.verdict("acknowledge", check_acknowledge).status == FAIL
    ):
        start, end, _ = apologies[0]
        return failed(
            "no_template",
            ctx.say(
                f"사과가 상투 문구뿐입니다: '{ctx.text[start:end]}'",
                f"the only apology is boilerplate: '{ctx.text[start:end]}'",
            ),
            ctx.say(
                f"'{ctx.topic}'에서 무엇이 잘못됐는지 넣어 구체적으로 사과하세요.",
                f"Apologize for exactly what went wrong with '{ctx.topic}'.",
            ),
            (start, end),
        )
    # A boilerplate opener is fine before a reply written for this case; before a reply that
    # could go to anyone, the reply is a template.
    generic = ctx.verdict("context", check_context).status == FAIL
    # Naming the failure in the business's words ("배송 지연") shows context, but beside stock
    # phrases and nothing else of this customer's, the reply is still a template.
    named_only = not generic and ctx.verdict("context-specifics", check_specifics).status == FAIL
    # A reply with nothing of this customer's case could be pasted to anyone: a template,
    # with or without stock phrases in it.
    if generic and not ctx.cliches:
        sentence = next(SENTENCE.finditer(ctx.text))
        policy = _only_general_statements(ctx)
        return failed(
            "no_template",
            ctx.say(
                "규정·절차 안내뿐, 누구에게나 보낼 수 있는 답장입니다"
                if policy
                else "누구에게나 보낼 수 있는 답장입니다",
                "only general policy or process text that could go to anyone"
                if policy
                else "a reply that could go to anyone",
            ),
            ctx.say(
                f"누구에게나 맞는 문장 대신 고객님의 '{ctx.topic}' 상황에 맞춰 무엇이 됐고 무엇을 할지 적으세요.",
                f"Instead of lines that fit anyone, say what happened with '{ctx.topic}' and what you will do.",
            ),
            sentence.span(),
        )
    if ctx.cliches and (generic or named_only):
        start, end, _ = _opening_cliche(ctx) or ctx.cliches[0]
        return failed(
            "no_template",
            ctx.say(
                f"상투 문구('{ctx.text[start:end]}')에 누구에게나 보낼 수 있는 문장뿐입니다",
                f"boilerplate ('{ctx.text[start:end]}') and sentences that could go to anyone",
            ),
            ctx.say(
                f"상투 문구 대신 고객님의 '{ctx.topic}' 이야기로 시작하세요.",
                f"Open with the customer's '{ctx.topic}' problem itself instead of boilerplate.",
            ),
            (start, end),
        )
    return passed("no_template", ctx.say("고객님 상황에 맞춘 답장", "written for this customer"))


def _content_sentences(text: str) -> list[tuple[re.Match[str], str]]:
    """The sentences that say something beyond a greeting, each with its letters and digits."""
    sentences = []
    for sentence in SENTENCE.finditer(text):
        body = re.sub(r"[^가-힣A-Za-z0-9]", "", GREETING.sub("", sentence.group()))
        if len(body) >= 4:
            sentences.append((sentence, body))
    return sentences


def _only_general_statements(ctx: CoachContext) -> bool:
    """Every sentence with content reads as policy or process text that fits anyone."""
    sentences = [sentence.group() for sentence, _ in _content_sentences(ctx.text)]
    return bool(sentences) and all(
        GENERAL_STATEMENT.search(sentence) or REFUSAL.search(sentence) for sentence in sentences
    )


def _is_apology(phrase: str) -> bool:
    lowered = phrase.lower()
    return any(key in lowered for key in ("죄송", "사과", "sorry", "apolog"))


_GREETING_KEYS = frozenset(
    {
        "안녕",
        "고객",
        "고객님",
        "감사",
        "상담사",
        "좋",
        "하루",
        "되",
        "hello",
        "hi",
        "dear",
        "customer",
        "regards",
        "best",
        "thanks",
        "thank",
        "team",
        "support",
    }
)


def _residual_units(ctx: CoachContext) -> int:
    """How many meaning-bearing units are left outside clichés and greetings."""
    spans = ctx.cliche_spans
    return sum(
        1
        for unit in ctx.reply.units
        if unit.key.lower() not in _GREETING_KEYS
        and not any(start <= unit.start < end for start, end in spans)
    )


def _cliched_sentences(ctx: CoachContext) -> tuple[int, int]:
    """(sentences holding a cliché, sentences with content) — greetings excluded."""
    sentences = _content_sentences(ctx.text)
    cliched = sum(
        any(sentence.start() <= start < sentence.end() for start, _ in ctx.cliche_spans)
        for sentence, _ in sentences
    )
    return cliched, len(sentences)


def _opening_cliche(ctx: CoachContext) -> tuple[int, int, str] | None:
    """The cliché that fills most of the first non-greeting sentence, if any."""
    sentences = _content_sentences(ctx.text)
    if not sentences:
        return None
    sentence, body = sentences[0]
    for cliche in ctx.cliches:
        start, end, _ = cliche
        if sentence.start() <= start < sentence.end():
            covered = re.sub(r"[^가-힣A-Za-z0-9]", "", ctx.text[start:end])
            if len(covered) >= 0.6 * len(body):
                return cliche
    return None


WALL_KO = 600
WALL_EN = 1000


def check_plain_language(ctx: CoachContext) -> RuleResult:
    """`plain_language`: no internal codes, no very long sentences, no wall of text."""
    jargon = CODES.search(ctx.text) or JARGON.search(ctx.text)
    if jargon:
        return failed(
            "plain_language",
            jargon.group(),
            ctx.say(
                f"'{jargon.group()}' 같은 내부 용어 대신 고객님이 쓰는 말로 바꾸세요 (예: '{ctx.topic}' 오류).",
                f"Replace the internal term '{jargon.group()}' with the customer's words (e.g. the '{ctx.topic}' error).",
            ),
            (jargon.start(), jargon.end()),
        )
    for sentence in SENTENCE.finditer(ctx.text):
        body = sentence.group().strip()
        too_long = len(body) > 120 if ctx.ko else len(body.split()) > 40
        if too_long:
            return failed(
                "plain_language",
                body[:60] + "…",
                ctx.say(
                    f"{len(body)}자 문장입니다. 한 문장에 한 가지만, 60자 안팎으로 나누세요.",
                    f"A {len(body.split())}-word sentence: split it, one point per sentence.",
                ),
                (sentence.start(), sentence.end()),
            )
    # Hangul packs about twice the meaning per character of English: the same paragraph length
    # is a wall in Korean well before it is one in English.
    wall = WALL_KO if ctx.ko else WALL_EN
    if len(ctx.text) > wall and "\n" not in ctx.text.strip():
        return failed(
            "plain_language",
            ctx.say(
                f"줄바꿈 없는 {len(ctx.text)}자 글", f"{len(ctx.text)} characters without a break"
            ),
            ctx.say(
                "문단을 나누고 핵심(원인·조치·시점)을 앞에 두세요.",
                "Break it into short paragraphs; lead with cause, fix and time.",
            ),
        )
    return passed("plain_language", ctx.say("쉬운 말, 짧은 문장", "plain words, short sentences"))


def check_policy_alternative(ctx: CoachContext) -> RuleResult:
    """`policy_alternative`: a refusal explains the policy and offers a concrete alternative."""
    refusal = detect_refusal(ctx.text)
    refusing_sentences = [s for s in SENTENCE.finditer(ctx.text) if REFUSAL.search(s.group())]
    # The policy is explained when a sentence names it with its reason or condition, or when
    # the refusal itself says why ("암표 방지를 위해 본인 확인 후 입장하는 공연이라", "since the
    # discount is priced on the full year").
    explained = any(
        POLICY.search(s.group())
        and POLICY_REASON.search(s.group())
        and len(s.group().strip()) >= 20
        for s in SENTENCE.finditer(ctx.text)
    ) or any(POLICY_REASON.search(s.group()) for s in refusing_sentences)
    alternative = next(
        (
            m
            for s in SENTENCE.finditer(ctx.text)
            if not REFUSAL.search(s.group())
            for m in [ALTERNATIVE.search(s.group())]
            if m
        ),
        None,
    )
    if explained and alternative:
        return passed("policy_alternative", alternative.group())
    missing = []
    if not explained:
        missing.append(ctx.say("규정의 이유·조건 설명", "the policy's reason or condition"))
    if not alternative:
        missing.append(ctx.say("구체적인 대안", "a concrete alternative"))
    final = (
        ""
        if ctx.situation not in REFUSALS or FINAL_OFFER.search(ctx.text)
        else ctx.say(
            " 요구가 계속되면 이것이 최종 제안임을 분명히 하세요.",
            " If demands continue, state clearly that this is the final offer.",
        )
    )
    span = refusing_sentences[0].span() if refusing_sentences else None
    return failed(
        "policy_alternative",
        ctx.say("거절만 있고 ", "refusal without ")
        + " / ".join(missing)
        + ctx.say("이 없습니다", "")
        + (f": '{refusal.group()}'" if refusal else ""),
        ctx.say(
            f"'{ctx.topic}' 요청이 왜 규정상 안 되는지(기간·조건)를 설명하고, 교환·적립금·부분 환불처럼 "
            "지금 드릴 수 있는 대안을 구체적으로 제시하세요.",
            f"Explain why policy rules out the '{ctx.topic}' request (period, condition) and offer a "
            "concrete alternative you can give now (exchange, store credit, partial refund).",
        )
        + final,
        span,
    )


def check_calm_tone(ctx: CoachContext) -> RuleResult:
    """`calm_tone`: calm and non-defensive; never blames or argues with the customer."""
    blame = for_text(BLAME, ctx.text).search(ctx.text)
    if blame:
        return failed(
            "calm_tone",
            blame.group(),
            ctx.say(
                f"고객님 잘못을 따지지 말고, '{ctx.topic}'을(를) 어떻게 해결할지로 바로 넘어가세요.",
                f"Do not argue about whose fault it is; move straight to how '{ctx.topic}' gets solved.",
            ),
            (blame.start(), blame.end()),
        )
    return passed("calm_tone", ctx.say("차분한 어조", "calm, non-defensive"))


RULES = {
    "no_template": check_no_template,
    "plain_language": check_plain_language,
    "policy_alternative": check_policy_alternative,
    "calm_tone": check_calm_tone,
}
