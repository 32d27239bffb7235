# ruff: noqa: E501  (regular-expression data reads better unwrapped)
"""Built-in cues for the ten SPEC intents.

`morphs` are Kiwi morpheme forms (noun/verb stems) with a weight; `phrases` are regular
expressions on the lower-cased message (Korean spacing varies, so `\\s?` is common) with a weight.
English cues sit beside Korean ones: a mixed message gets both.
"""

from __future__ import annotations

IntentCues = dict[str, tuple[dict[str, float], tuple[tuple[str, float], ...]]]
# (any of these verbs or nouns, together with any of these, weight): what the customer does to
# what. "바꾸" with a size is an exchange, with a payment date a billing change; "끊기" with a
# chat is the service, with a payment a payment error.
IntentCombos = dict[str, tuple[tuple[frozenset[str], frozenset[str], float], ...]]

_CHANGE = frozenset({"바꾸", "변경", "교체", "옮기"})
_FAILURE = frozenset({"오류", "실패", "에러", "거절", "멈추", "튕기", "먹통", "declined", "failed"})

INTENT_COMBOS: IntentCombos = {
    "refund_exchange": (
        (_CHANGE, frozenset({"사이즈", "치수", "색상", "컬러", "옵션", "다른색", "사이즈업"}), 2.5),
    ),
    "billing": (
        (_CHANGE, frozenset({"요금제", "결제일", "날짜", "플랜", "결제수단", "정기결제"}), 2.0),
        (
            frozenset({"해지", "취소", "탈퇴", "갱신", "cancel"}),
            frozenset(
                {"구독", "멤버십", "정기결제", "자동결제", "연회비", "요금제", "subscription"}
            ),
            2.0,
        ),
        (frozenset({"나가", "빠지", "청구", "결제"}), frozenset({"연회비", "갱신", "구독료"}), 1.5),
    ),
    "payment_error": (
        (frozenset({"결제", "결제창", "결제버튼", "승인", "checkout"}), _FAILURE, 2.0),
        (frozenset({"결제"}), frozenset({"대기", "나가", "빠지", "출금"}), 1.5),
    ),
    "delivery": (
        (
            frozenset({"박스", "상자", "택배", "포장지", "겉포장"}),
            frozenset({"찌그러지", "찌그러", "젖", "구겨지", "뜯기"}),
            2.5,
        ),
    ),
    "service_complaint": (
        (
            frozenset({"상담", "채팅", "통화", "상담원", "상담사", "담당자", "고객센터"}),
            frozenset({"끊기", "바뀌", "처음", "돌리", "떠넘기"}),
            2.5,
        ),
    ),
}

INTENT_CUES: IntentCues = {
    "payment_error": (
        {"결제": 1.0, "승인": 0.8, "출금": 1.0, "결제창": 1.5, "페이": 0.5, "한도": 0.8},
        (
            (r"(이중|중복|두\s?번|2번|두번)\s?(결제|승인|출금|빠져)", 3.0),
            (r"(결제|승인|출금)\S*\s?(가|이)?\s?(두\s?번|2번|두번|이중|중복)", 3.0),
            (r"결제\s?(가|는|이)?\s?(오류|실패|에러|안\s?(돼|되|됨|됐)|거절|취소\s?안|튕)", 3.0),
            (
                r"(결제|계산)\s?(했|하)\S*\s?(는데|데)\S*\s?(주문|내역|결제\s?내역)\S*\s?(없|안)",
                2.5,
            ),
            (r"(돈|금액)(만|은|이)?\s?(빠져|나갔|출금|빠졌)", 2.5),
            (r"승인\s?(거절|실패|오류)|카드\s?(가|는)?\s?(안\s?먹|거절|결제\s?안)", 2.5),
            (r"payment\s?(failed|error|declined|didn.?t go through|not (go|gone) through)", 3.0),
            (r"(charged|billed)\s?(me\s?)?(twice|two times|double)|double[- ]?charged", 3.0),
            (r"card\s?(was\s?)?(declined|rejected)|checkout\s?(fails|error|failed)", 2.5),
            (r"(money|amount)\s?(was\s?)?(taken|deducted|withdrawn)", 2.0),
            (r"(무통장\s?입금|입금\s?기한|입금은\s?(제때|했)|입금했는데)", 2.5),
            (
                r"payment.{0,20}(rejected|declined|failed)|(rejected|declined) at checkout"
                r"|(apple|google|samsung) pay",
                2.5,
            ),
            (
                r"(paid|payment).{0,40}(unpaid|not (received|confirmed|showing)|no order)|money is gone|gone from my (balance|account)",
                2.5,
            ),
        ),
    ),
    "refund_exchange": (
        {"환불": 2.5, "교환": 2.0, "반품": 2.5, "반송": 1.0, "환급": 2.0, "취소": 0.8, "회수": 2.0},
        (
            (r"(돈|금액)\s?(돌려|반환)", 2.0),
            (r"(주문|구매)\s?취소", 1.5),
            (r"입금\s?(해\s?주|부탁)", 1.5),
            (
                r"(바꿀\s?수|바꿔\s?주|다른\s?(색|색상|사이즈|걸로|제품으로)|취소\s?(요청|신청))",
                2.0,
            ),
            (
                r"refund|money back|return (it|this|the|my)|exchange (it|this|for)|send (it )?back",
                2.5,
            ),
            (r"cancel (my|the) order", 1.5),
        ),
    ),
    "delivery": (
        {
            "배송": 2.0,
            "통관": 2.0,
            "직구": 1.0,
            "지연": 0.8,
            "집하": 1.5,
            "택배": 2.0,
            "배달": 2.0,
            "송장": 1.5,
            "운송장": 1.5,
            "출고": 1.5,
            "도착": 1.2,
            "기사": 0.8,
            "오배송": 2.5,
            "배송지": 2.0,
            "발송": 1.5,
            "수령": 1.0,
        },
        (
            (r"ship (the|my) order|ship it to|left the warehouse|재배송|부재중", 2.0),
            (r"(언제|아직|아직도)\s?(와|오|도착|안\s?와|안\s?오)", 2.0),
            (r"(물건|상품|택배|주문한\s?거)\S*\s?(안|못)\s?(와|왔|받)", 2.0),
            (r"(delivery|shipping|shipment|parcel|package|courier|tracking)", 2.0),
            (
                r"(hasn.?t|has not|never|didn.?t|not yet)\s?(arrived|come|been delivered|shipped)",
                2.5,
            ),
            (r"where is my (order|package|parcel)", 2.5),
            (r"(문\s?앞에?\s?(놔|두)|경비실|\bdeliver|편의점\s?택배|wrong address)", 1.5),
            (r"받는\s?(주소|사람|분)", 0.8),
            (r"(배송|운송|배달|택배)\s?(중|과정)에|오는\s?(중|길)에|in transit", 2.5),
        ),
    ),
    "account_access": (
        {
            "로그인": 2.5,
            "회원정보": 1.5,
            "2단계": 1.5,
            "재설정": 1.5,
            "비밀번호": 2.5,
            "비번": 2.5,
            "아이디": 2.0,
            "계정": 2.0,
            "인증번호": 2.0,
            "본인인증": 2.0,
            "휴면": 2.0,
            "잠기": 1.5,
            "해킹": 2.0,
            "도용": 2.0,
            "인증": 1.0,
            "접속": 0.6,
        },
        (
            (r"(계정|아이디)\S*\s?(잠|정지|막|해킹|도용)", 2.5),
            (r"인증\s?(번호|문자)\S*\s?(안|못)\s?(와|옴|오|받)", 2.5),
            (r"log\s?in|sign\s?in|password|account (is )?(locked|suspended|hacked|blocked)", 2.5),
            (r"(verification|otp|2fa|two[- ]factor)\s?(code)?", 2.0),
            (r"reset (my )?password|can.?t access (my )?account", 2.5),
        ),
    ),
    "technical_issue": (
        {
            "재부팅": 2.0,
            "펌웨어": 2.0,
            "와이파이": 1.5,
            "블루투스": 1.5,
            "브라우저": 1.5,
            "크롬": 1.5,
            "버튼": 1.0,
            "앱": 1.2,
            "알림": 1.5,
            "푸시": 1.5,
            "느려": 1.5,
            "실행": 1.0,
            "어플": 1.2,
            "오류": 1.0,
            "에러": 1.2,
            "버그": 2.0,
            "먹통": 2.0,
            "튕기": 2.0,
            "업데이트": 1.0,
            "업로드": 1.5,
            "다운로드": 1.0,
            "버전": 1.0,
            "로그아웃": 1.5,
            "로딩": 1.5,
            "서버": 1.0,
            "화면": 1.0,
            "사이트": 0.8,
            "홈페이지": 0.8,
            "작동": 0.8,
            "렉": 1.5,
            "다운": 0.6,
            "재설치": 1.5,
            "프로그램": 1.0,
        },
        (
            (
                r"(아무\s?)?반응이\s?없|\b(button|browser|chrome|safari|firmware|ipad|iphone|android|latest update)\b",
                1.5,
            ),
            (
                r"(앱|어플|사이트|홈페이지|화면|프로그램)\S*\s?(이|가)?\s?(자꾸|계속)?\s?(꺼|튕|멈|안\s?(열|켜|떠|들어가)|먹통|하얗|검)",
                2.5,
            ),
            (r"(접속|연결)\S*\s?(이|가)?\s?(안|불가|끊)", 1.5),
            (
                r"\b(app|website|site|page)\b.{0,30}(crash|freez|not load|won.?t load|down|blank|error|bug)",
                2.5,
            ),
            (
                r"(crash(es|ed|ing)?|freez(es|ing)|bug|glitch|error message|not loading|keeps closing)",
                2.0,
            ),
        ),
    ),
    "billing": (
        {
            "요금": 2.0,
            "청구": 2.0,
            "고지서": 2.5,
            "명세서": 2.0,
            "이용료": 2.0,
            "구독료": 2.0,
            "요금제": 2.5,
            "과금": 2.0,
            "세금계산서": 2.5,
            "영수증": 1.5,
            "부가세": 1.5,
            "정기결제": 2.0,
            "자동결제": 2.0,
            "구독": 1.2,
            "위약금": 2.0,
            "할부": 1.0,
            "인상": 1.0,
            "청구서": 2.5,
            "수수료": 1.5,
        },
        (
            (r"무료\s?체험|유료\s?전환|free trial", 3.0),
            (r"(요금|금액|돈)\S*\s?(이|가)?\s?(더|많이|이상하게|잘못)\s?(나왔|청구|빠져)", 2.5),
            (r"(bill|invoice|statement|subscription|plan|pricing|overcharg|receipt|fee)", 2.0),
        ),
    ),
    "product_quality": (
        {
            "불량": 2.5,
            "불꽃": 2.0,
            "뚜껑": 1.0,
            "제품": 0.6,
            "색상": 0.8,
            "금이": 2.0,
            "하자": 2.5,
            "파손": 2.0,
            "고장": 2.0,
            "품질": 2.0,
            "이물질": 2.5,
            "냄새": 1.5,
            "얼룩": 1.5,
            "변색": 1.5,
            "유통기한": 2.0,
            "찢어지": 2.0,
            "깨지": 2.0,
            "상하": 1.0,
            "녹": 1.0,
            "누수": 1.5,
            "스크래치": 2.0,
            "흠집": 2.0,
            "보풀": 1.5,
            "곰팡이": 2.5,
            "이어폰": 1.0,
            "노트북": 1.0,
            "키보드": 1.0,
            "충전기": 1.0,
            "모니터": 1.0,
            "본체": 1.0,
            "배터리": 1.0,
            "액정": 1.5,
            "코팅": 1.5,
        },
        (
            (
                r"(떨어졌|떨어져|벗겨|풀려|늘어났|줄어들|두드러기|트러블|부작용|발진|가려워|과열|뜨거워)",
                2.0,
            ),
            (r"(overheat\w*|gets (extremely |very |too )?hot|rash)", 2.0),
            (
                r"(물이\s?(새|샌)|새요|새네|색이?\s?(다\s?)?빠|안\s?닫|불꽃이?\s?튀|찢어|깨져|깨졌|부서|망가|금이\s?가|구멍|터져|터졌|녹슬|상했|썩었|뜯어져)",
                2.0,
            ),
            (
                r"(사진|상세\s?페이지|설명)\S*\s?(이랑|과|와|하고)?\s?(색|색상|크기|사이즈|디자인)?\S*\s?(너무\s?|많이\s?|완전\s?)?(다르|달라|틀려)",
                2.0,
            ),
            (r"(작동|전원)\S*\s?(이|가)?\s?(안|않)", 1.2),
            (
                r"(defective|broken|damaged|faulty|poor quality|stopped working|cracked|chipped|torn|scratched|smells|leak(s|ing)?|faded|missing parts)",
                2.5,
            ),
            (r"(doesn.?t|does not|won.?t) (work|turn on|charge)", 1.5),
            # A thing just bought that misbehaves is the product, not the app.
            (
                r"((산|구매한|구입한|받은)\s?지|받자마자|개봉하자마자|새\s?(거|제품|상품)\s?(맞|인데))",
                1.5,
            ),
        ),
    ),
    "service_complaint": (
        {
            "욕설": 2.0,
            "상담원": 0.8,
            "점원": 1.2,
            "대꾸": 2.0,
            "챗봇": 1.0,
            "불쾌": 1.0,
            "상담사": 0.8,
            "불친절": 3.0,
            "응대": 1.0,
            "태도": 2.0,
            "직원": 1.2,
            "고객센터": 1.5,
            "대기": 1.2,
            "무시": 1.5,
            "떠넘기": 2.0,
            "책임": 0.8,
            "상담": 0.8,
        },
        (
            (
                r"교육\s?(좀|을)?\s?(제대로|똑바로)|support chat|chat (closed|ended)|nobody followed up|no follow.?up",
                2.0,
            ),
            (
                r"(전화|연락|답변|답장|회신)\S*\s?(을|를|이|가|도)?\s?(안\s?(받|해|와|오|주)|못\s?(받|해)|없)",
                2.0,
            ),
            (r"(연결|통화)\S*\s?(이|가)?\s?(안\s?(돼|되|됨)|불가|어렵)", 2.0),
            (r"(몇\s?시간|한\s?시간|\d+\s?(분|시간))\S*\s?(째|동안|넘게|이나)?\s?(기다|대기)", 2.5),
            (
                r"(emailed|called|contacted) .{0,20}(times|twice)|nobody helps|no one (replied|helps)",
                2.0,
            ),
            (
                r"(돌려\s?막|떠넘|뺑뺑|핑퐁|같은\s?말만|앵무새|매크로\s?답변|복붙|다른\s?부서|말이\s?달라|말이\s?다르|태도|반말|소리를\s?질)",
                2.5,
            ),
            (
                r"(rude|unprofessional|customer service|no one (answers|responds|replied)|on hold)",
                2.5,
            ),
            (
                r"(waited|waiting) (for )?(\d+|hours|days|an hour)|transferred|keep(s)? transferring",
                2.0,
            ),
            (r"your (agent|staff|representative|support)", 1.5),
            (
                r"(같은|똑같은)\s?(얘기|이야기|말|설명|내용)|처음부터\s?(다시\s?)?(설명|얘기|말)",
                2.0,
            ),
        ),
    ),
    "general_inquiry": (
        {
            "문의": 1.0,
            "할인": 1.0,
            "궁금": 1.5,
            "방법": 1.0,
            "가능": 0.8,
            "영업시간": 2.0,
            "위치": 1.0,
            "알려주": 0.8,
        },
        (
            (
                r"(어떻게|어디서|언제부터|몇\s?시|얼마|되나요|가능한가요|있나요|하나요|인가요|건가요|추천\s?(좀|해\s?주|부탁))",
                1.0,
            ),
            (
                r"(how (do|can|to)|is it possible|do you (have|offer|ship)|what are your|opening hours|question about|wondering)",
                1.5,
            ),
        ),
    ),
    "praise": (
        {
            "감사": 1.2,
            "꼼꼼": 1.5,
            "고맙": 1.5,
            "친절": 1.5,
            "최고": 2.0,
            "만족": 2.0,
            "칭찬": 3.0,
            "덕분": 2.0,
            "좋": 0.6,
            "훌륭": 2.0,
            "감동": 2.5,
        },
        (
            (
                r"(칭찬\s?(합니다|해요|하고\s?싶)|덕분에|감동|최고예요|최고에요|짱이|빨리\s?해결|잘\s?해결)",
                2.0,
            ),
            (
                r"(thank(s| you)|great (job|service)|excellent|amazing|love (it|this|your)|so helpful|appreciate)",
                2.0,
            ),
            (r"(👍|❤️|😊|🥰|💕|👏)", 1.0),
            (r"((맘|마음)에\s?들|재구매|미쳤다|좋아요|빨라요|빠르네|대박)", 1.5),
        ),
    ),
}
