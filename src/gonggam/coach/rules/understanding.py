"""Rules about understanding the customer: context, acknowledge, impact, empathy.

- `context` passes when the reply repeats one of the customer's own specifics (noun phrases
  Kiwi finds in their message: product, order, payment, delivery…) or asks a confirming
  question; without a customer message, a concrete domain noun or order number in the reply.
- `acknowledge` passes when the reply names the failure ("저희가 배송지를 잘못 입력했습니다",
  "we charged you twice"); a bare "sorry for the inconvenience" fails.
- `impact` passes when the reply says what the problem did to the customer's work, money,
  time or plans ("주문을 못 하셔서", "left you unable to pay").
- `empathy` passes when the reply speaks from the customer's side ("많이 답답하셨겠어요",
  "in your shoes"); boilerplate like "we understand your frustration" does not count.
"""

# ruff: noqa: E501 — cue lexicons keep one alternation group per line; Hangul counts double width.

from __future__ import annotations

import re

from gonggam.coach.patterns import rx
from gonggam.coach.result import RuleResult
from gonggam.coach.rules.base import CoachContext, failed, passed, passed_by
from gonggam.coach.situation import Situation
from gonggam.coach.text import DOMAIN_NOUNS

_NUMBER = re.compile(r"\d+")

CONFIRMING_QUESTION = rx(
    r"(주문 ?번호|운송장|송장|결제 (일시|시간|금액)|카드사|아이디|연락처|화면|캡처|사진|어떤 .{0,10}|"
    r"언제|어느|몇).{0,30}(알려|말씀|보내|확인해) ?(주시|주실|주세요|주겠)|"
    r"(맞으신가요|맞을까요|맞나요|맞으실까요|인지 여쭤|여쭤 ?봐도|여쭙)|"
    r"\b(could|can|would) you (please )?(confirm|tell me|share|send|let me know)|\bjust to confirm|"
    r"\bis (that|this) (right|correct)\?"
)

ACKNOWLEDGE = rx(
    r"저희 ?(쪽|측)?(의|가|에서)? ?(\S{1,8} ){0,3}(실수|잘못|착오|불찰|누락|오류)|"
    r"(잘못|틀리게|틀린|부정확하게|부정확한|엉뚱한|다른) ?(넣|드렸|챙겨|안내|알려|말씀|발송|보내|보냈|처리|청구|결제|입력|등록|기재|포장|배송|전달|상품|주소)|"
    r"(안내|발송|처리|청구|결제|입력|기재|포장|배송|출고|환불|정산|설정|접수)(가|이|를|을)? ?(잘못|누락|지연|늦어|늦게|빠져|빠뜨|중복|두 번|이중|되지 않|안 되)|"
    r"(이중|중복|두 번)(으로|이나)? ?(결제|청구|출금|승인|빠져|나가)|"
    r"(문제|오류|결함|실수)(로|로 인해|으로|때문에)? ?(발생|생긴|난)|발생한 (장애|오류|문제)|"
    r"(오류|장애|문제|지연|버그|결함|먹통|에러)(가|이)? ?(발생|생겨|생기|생겼|있었|있어|있습니다|있는|났|일어|이어지)|"
    r"(늦어지|늦어졌|늦어진|늦게 도착|지연되|지연됐|지연돼|지연된|밀리|밀렸)|"
    r"(접속|로그인|결제|이체|주문|앱|서비스|사이트|송금)(이|가)? ?(안 되|되지 않|중단|멈추|멈췄|끊기|끊겼|막혔|실패)|"
    r"약속(을|드린)? .{0,10}(지키지 못|어기|어겼)|"
    r"\b(our|my) (mistake|error|fault|bad)\b|"
    r"\b(we|i) (made|gave|sent|charged|shipped|quoted|told|processed|got|entered|billed)\b.{0,40}"
    r"\b(wrong|incorrect|twice|mistake|error|double|late|two)|"
    r"\b(was|were|is) (wrong|incorrect|inaccurate|delayed|missing|broken|down|late)\b|"
    r"\b(has|have) been (delayed|down|unavailable|failing|held up)|\b(hasn'?t|has not|haven'?t|have not) (moved|arrived|shipped|updated|been (sent|shipped|processed))|"
    r"\b(payment|order|charge|app|site|login|transfer|delivery|update) (failed|was declined|crashed|broke)|"
    r"\b(outage|error|failure|delay|problem|bug|glitch)\b.{0,12}\b(was|were|has been) caused|"
    r"제대로 (하지|처리하지|확인하지|챙기지|안내하지|전달하지) 못|못한 탓|저희 탓|"
    r"\b(another customer|someone else)'?s?\b|\bthe wrong (item|size|colou?r|address|order|invoice|product)|"
    r"\bshould(n'?t| not| never) have happened|\bmix-?up\b|\bcharged (you )?twice|double[- ]charg|\b(had|has|developed) (a )?(fault|glitch|bug|problem|outage)|"
    r"\bwe (failed|didn'?t|did not|missed|forgot)\b|"
    r"\b(outage|glitch|bug|error|failure) (on our|in our|that|which|caused)"
)
GENERIC_APOLOGY = rx(
    r"(불편|번거|심려|혼란).{0,12}(죄송|송구|미안|사과)|"
    r"\b(sorry|apologi[sz]e|apologies|regret)\b.{0,20}\b(inconvenience|trouble|any issues|frustration)"
)

IMPACT = [
    rx(
        r"(업무|일정|계획|장사|영업|매출|가게|시간|돈|비용|출근|약속|선물|행사|여행|생일|마감|"
        r"거래|판매|하루|주말|손님|생활|아이|회의|출장|이사|결혼식)(에|을|를|이|가|도|까지)? .{0,15}"
        r"(차질|지장|손해|손실|피해|못 |못하|막히|막혀|날리|버리|허비|낭비|놓치|곤란|멈|묶|쓰지|미뤄|망치)"
    ),
    rx(
        r"(결제|이체|송금|주문|배송|사용|이용|접속|로그인|업무|판매|영업|출근|예약|수령|입금|장사|"
        r"일|구매|발송|출고)(을|를|이|가|도)? ?(못 |못하|못 하|하지 못|안 되|막히|막혀|멈추|멈춰|중단)"
    ),
    rx(r"\S+(으)?시려던|\S+(으)?시려고 (하신|하셨|했)"),
    rx(
        r"못 (받으|쓰시|하시|가시|드시|오시|보시|입으)|(하셔야|받으셔야|쓰셔야|보내셔야|내셔야) 하는데|"
        r"(생일|선물|행사|여행|결혼식|출장|시험|면접|마감|이사|잔치|기념일|재료|준비물|식사|수업)\S{0,4} .{0,20}"
        r"(인데|는데|이라|라서|에 맞춰|전에|못 받|늦|안 와|안 오)"
    ),
    rx(
        r"기다리게|기다리시|기다리셨|기다려야|기다리신|헛걸음|두 번 걸음|다시 (하셔야|하시게|주문하셔야)"
    ),
    rx(
        r"(돈|금액|요금|대금|잔액|생활비|월세|카드값|급여|월급|용돈)(이|가)? .{0,8}(빠져|나가|묶여|묶이|이중)"
    ),
    rx(r"(더|추가로|이중으로|두 번) ?(내셨|내신|내시게|결제하셨|결제되|지불하셨|나갔|빠져)"),
    rx(
        r"(이자|수수료|위약금|요금|비용|배송비)(가|를|이)? ?(붙|물|내시|더 나|청구되)|원이 (붙|더 나|빠져|청구)"
    ),
    rx(
        r"(반차|연차|휴가|월차)(까지|를|을)? ?(쓰|내)|(일부러|멀리서|먼 길) .{0,10}(가셨|오셨|쓰셨)|"
        r"(하셔야|주무셔야|가셔야|기다리셔야|다시 오셔야|받으셔야) (할|하는|했던)"
    ),
    rx(r"(비용|손해|손실|피해)(가|를|이|을)? ?(보셨|입으셨|발생|생기|생겼|끼쳐|드렸)"),
    rx(r"(시간|하루|이틀|주말|저녁|오전)(을|를)? ?(낭비|허비|쓰시|버리|빼앗|뺏|날리)"),
    rx(
        r"\b(cost|costing) you\b|(?<!for\s)\byour (business|work|shop|store|plans?|money|sales|customers|"
        r"trip|deadline|event|weekend|evening|payroll|launch|morning|afternoon)\b|"
        r"\bleft you (unable|without|waiting|stuck|out of pocket|facing|with)|[$£€₩] ?\d|\bhaving to\b|"
        r"\b(losing|lost) your\b|\blocked out\b|\b(being|getting) (locked|stuck|stranded)|"
        r"\byour (wedding|interview|flight|exam|party|birthday|anniversary|funeral|move|bank|rent)\b|\b(need|needed) (it |them )?for (a|an|your|the) \w+|\b(took|take|taking) (a|the) day off|\bday off work|"
        r"\b(couldn'?t|could not|can'?t|cannot|unable to|weren'?t able to|were not able to) "
        r"(pay|work|access|use|log ?in|sell|order|finish|complete|get|receive|open|take|run|ship|"
        r"check ?out|book|buy|transfer)|"
        r"\b(blocked|stranded|out of pocket|lost (sales|money|time|a day|business)|wasted|"
        r"kept you waiting|had to wait|have to wait|tied up)\b"
    ),
]

EMPATHY = rx(
    r"(답답|속상|당황|당혹|기운 빠지|맥 빠지|불안|걱정|황당|번거로|번거롭|힘드|힘들|난감|실망|초조|애타|애가 타|짜증|"
    r"화가 나|화나|서운|불쾌|억울|놀라|놀랐|곤란|막막|신경 쓰이|마음 ?고생|스트레스|괴로|언짢|"
    r"기분(이)? (나쁘|상하|좋지)|아쉬|민망|창피|면목|화가 (많이 |정말 |너무 )?나|속이 타|조마조마|허탈|어이없)\s?\S{0,8}"
    r"(셨|실|으셨|시겠|겠|을지|었을|었겠|셨을|셨겠|였을|으실|시죠|셨죠|시는|으시)|"
    r"(제가 고객님|저라도|저였어도|제가 그 상황|누구라도|누구든).{0,15}(입장|이라도|였어도|같아도|라도|였다면|마찬가지)|"
    r"(입장|처지)(에서|이라면|을 생각|이 되어)|마음이 (아프|무겁|쓰이)|걱정이 (되|됩)|마음(은|을|이)? ?(충분히 )?(이해|헤아|알 것)|"
    r"충분히 (그러실|이해가 ?갑니다|화가 나실|속상하실)|"
    r"\b(must|must have|would|would have|can'?t have) (be|been|feel|felt) .{0,25}"
    r"(frustrat|stress|worr|upset|annoy|disappoint|awful|difficult|hard|alarm|scary|confus|"
    r"madden|exhaust|unsettl|nerve)|"
    r"\b(i|we) (can|completely|totally|fully|really)? ?(imagine|see|understand) (how|why|what)|"
    r"\bin your (shoes|place|position)\b|\b(is|was|sounds|must be|would be) (really |so |incredibly |genuinely )?"
    r"(stressful|frustrating|worrying|upsetting|annoying|disappointing|awful|embarrassing|maddening|"
    r"frightening|scary|alarming|horrible)|\b(is|was) a (real |total |complete )?(waste|pain|hassle|nightmare)|"
    r"\b(i|we) (completely |totally |fully )?(get|understand|see) why you|\byou'?re (absolutely )?right to be|"
    r"\bi (understand|get) (that )?(paying|losing|having|waiting|being|getting)|"
    r"\bis no way to\b|\b(would|could) (wear|drive) anyone|\bi know (how|what|that|every|this)|\b(i|we) can (hear|tell|see) (how|that|you)|"
    r"\b(i'?d|i would|anyone would|anyone'?d) (be|feel|have been) .{0,15}(same|frustrat|upset|annoy|angry)|"
    r"\b(that|this|it)('s| is| was| sounds| has been) (really |so |incredibly |genuinely )?"
    r"(frustrat|stressful|worrying|upsetting|annoying|disappointing|awful|maddening|a pain)|"
    r"\bhow (frustrat|stressful|worrying|upsetting|annoying|disappointing)|\bno wonder\b"
)


def check_context(ctx: CoachContext) -> RuleResult:
    """`context`: the reply refers to this customer's specifics or asks to confirm them.

    One shared everyday word ("배송", "refund") is not enough on its own — "배송 지연으로 불편을
    드려 죄송합니다" fits every late parcel — so it takes a specific word (운동화, 생일, 58211),
    two shared words, a shared number, or one shared word together with the named failure.
    """
    reply_text = ctx.text.lower()
    matched: list[tuple[str, int]] = []
    for phrase in ctx.specifics:
        for word in phrase.split():
            key = word.lower()
            if len(key) >= 2 and key in reply_text and all(key != m[0] for m in matched):
                matched.append((key, reply_text.index(key)))
    if ctx.customer is not None:
        reply_numbers = set(_NUMBER.findall(ctx.text))
        for number in _NUMBER.findall(ctx.customer.text):
            if number in reply_numbers:
                matched.append((number, ctx.text.index(number)))
                break
    specific = [m for m in matched if m[0] not in DOMAIN_NOUNS]
    # For a question or praise one shared word is enough: a short question has only one.
    lenient = ctx.situation in (Situation.QUESTION, Situation.PRAISE)
    if specific or len(matched) >= 2 or (matched and (lenient or ctx.find(ACKNOWLEDGE))):
        word, start = (specific or matched)[0]
        return passed("context", word, (start, start + len(word)))
    if ctx.customer is not None and not ctx.specifics:
        shared = sorted(ctx.customer.nouns & ctx.reply.nouns)
        if shared:
            return passed("context", shared[0])
    question = ctx.find(CONFIRMING_QUESTION)
    if question:
        return passed_by("context", question)
    if ctx.customer is None:
        domain = sorted(n for n in ctx.reply.nouns if n.lower() in DOMAIN_NOUNS or n[:1].isdigit())
        if domain:
            return passed("context", domain[0])
    if ctx.specifics:
        named = "', '".join(ctx.specifics[:3])
        return failed(
            "context",
            ctx.say(
                f"고객님이 말한 '{named}' 중 어느 것도 답장에 없습니다",
                f"none of the customer's specifics ('{named}') appear in the reply",
            ),
            ctx.say(
                f"'{ctx.specifics[0]}' 문제를 고객님 말 그대로 짚어 주세요. 불분명하면 "
                f"'{ctx.specifics[0]}' 관련해 확인할 점(주문번호, 시점)을 한 가지 여쭤보세요.",
                f"Name the customer's '{ctx.specifics[0]}' problem in their words; if it is unclear, "
                "ask one confirming question (order number, when it happened).",
            ),
        )
    return failed(
        "context",
        ctx.say(
            "누구에게나 보낼 수 있는 일반적인 답장입니다", "generic reply that could go to anyone"
        ),
        ctx.say(
            "무슨 주문·결제·서비스 문제인지 구체적으로 적거나, 주문번호와 발생 시점을 여쭤보세요.",
            "Say which order, payment or service this is about, or ask for the order number "
            "and when it happened.",
        ),
    )


def check_acknowledge(ctx: CoachContext) -> RuleResult:
    """`acknowledge`: the reply names the specific failure instead of a bare apology."""
    admission = ctx.find(ACKNOWLEDGE)
    if admission:
        return passed_by("acknowledge", admission)
    issue = ctx.customer_issue
    apology = GENERIC_APOLOGY.search(ctx.text)
    evidence = (
        ctx.say(
            f"'{apology.group()}' — 무엇이 잘못됐는지는 말하지 않았습니다",
            f"'{apology.group()}' names nothing that went wrong",
        )
        if apology
        else ctx.say(
            "무엇이 잘못됐는지 인정하는 문장이 없습니다", "no sentence admits what went wrong"
        )
    )
    span = (apology.start(), apology.end()) if apology else None
    hint = (
        f' (고객님 말씀: "{issue}")'
        if issue and ctx.ko
        else f' (customer: "{issue}")'
        if issue
        else ""
    )
    return failed(
        "acknowledge",
        evidence,
        ctx.say(
            f"'{ctx.topic}'에서 무엇이 잘못됐는지 저희 쪽 일로 분명히 인정하세요{hint}.",
            f"Admit plainly what went wrong with '{ctx.topic}' on our side{hint}.",
        ),
        span,
    )


def check_impact(ctx: CoachContext) -> RuleResult:
    """`impact`: the reply says what the problem does to the customer's work, money or time."""
    for pattern in IMPACT:
        match = ctx.find(pattern)
        if match:
            return passed_by("impact", match)
    stated = ctx.customer_impact
    return failed(
        "impact",
        ctx.say(
            "문제가 고객님의 일·돈·시간에 끼친 영향을 언급하지 않았습니다",
            "nothing says what the problem cost the customer (work, money, time, plans)",
        ),
        ctx.say(
            f'고객님이 직접 말한 피해를 짚어 주세요: "{stated}".'
            if stated
            else f"'{ctx.topic}' 문제로 고객님이 못 하게 된 일이나 잃은 시간·비용을 한 문장으로 인정하세요.",
            f'Acknowledge the impact the customer described: "{stated}".'
            if stated
            else f"Say in one sentence what the '{ctx.topic}' problem kept the customer from doing "
            "or what it cost them.",
        ),
    )


def check_empathy(ctx: CoachContext) -> RuleResult:
    """`empathy`: the reply speaks from the customer's side, not only procedure."""
    match = ctx.find(EMPATHY)
    if match:
        return passed_by("empathy", match)
    for start, end in ctx.reply.felt:
        if not any(s <= start < e for s, e in ctx.cliche_spans):
            return passed("empathy", ctx.text[start:end], (start, end))
    return failed(
        "empathy",
        ctx.say(
            "절차만 있고 고객님 입장에서 한 말이 없습니다",
            "purely procedural; nothing from the customer's side",
        ),
        ctx.say(
            f"'{ctx.topic}' 일로 고객님이 어떤 기분이었을지 한마디 먼저 해 주세요 (예: 많이 답답하셨겠어요).",
            f"Start with how the '{ctx.topic}' problem must have felt for them "
            "(e.g. 'that must have been stressful').",
        ),
    )


RULES = {
    "context": check_context,
    "acknowledge": check_acknowledge,
    "impact": check_impact,
    "empathy": check_empathy,
}
