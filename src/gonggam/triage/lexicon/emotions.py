# ruff: noqa: E501  (regular-expression data reads better unwrapped)
"""Built-in cues for emotions, customer types and urgency (Korean and English).

Same shape as intents: Kiwi morpheme forms with weights, and regular expressions on the
lower-cased message with weights.
"""

from __future__ import annotations

Cues = tuple[dict[str, float], tuple[tuple[str, float], ...]]

EMOTION_CUES: dict[str, Cues] = {
    "angry": (
        {
            "화나": 2.5,
            "열받": 3.0,
            "빡치": 3.0,
            "어이없": 2.0,
            "최악": 2.0,
            "사기": 2.0,
            "분노": 3.0,
            "황당": 1.5,
            "장난": 1.5,
            "용납": 2.0,
            "괘씸": 3.0,
            "뭐하": 1.0,
            "어처구니": 2.0,
        },
        (
            (
                r"(장난\s?(하|치)(냐|나|세요|십니까|하는)|뭐\s?하는\s?(거|곳|회사)|이게\s?말이\s?(돼|되))",
                2.5,
            ),
            (
                r"(화가\s?나|열\s?받|빡(쳐|치)|어이가\s?없|기가\s?(막|차)|책임\s?져|가만\s?있지\s?않)",
                2.5,
            ),
            (r"(ㅡㅡ|-_-|😡|🤬|💢|😤)", 1.5),
            (
                r"(furious|angry|outrageous|unacceptable|ridiculous|disgusting|worst|scam|pissed|livid)",
                2.5,
            ),
        ),
    ),
    "frustrated": (
        {
            "답답": 2.5,
            "짜증": 2.0,
            "실망": 2.0,
            "불편": 1.0,
            "지치": 2.0,
            "힘들": 1.0,
            "한숨": 2.0,
            "아직도": 1.5,
            "언제까지": 2.0,
            "몇번": 1.5,
            "또": 0.6,
            "계속": 0.6,
            "번거롭": 1.5,
            "귀찮": 1.5,
        },
        (
            (r"(몇\s?번(째|이나)|세\s?번째|두\s?번째|[2-9]\s?번째|벌써\s?\S+\s?(째|번))", 2.0),
            (
                r"(하\.\.+|하아+|후\.\.+|에휴|아\s?진짜|도대체|대체\s?언제|왜\s?(이렇게|자꾸|계속))",
                1.5,
            ),
            (r"(ㅠㅠ|ㅜㅜ|😩|😫|😞|😒|🙄)", 0.7),
            (
                r"(frustrat|annoy|disappoint|fed up|tired of|again\b|still (not|no|hasn|haven)|third time|second time|keeps? happening)",
                2.0,
            ),
        ),
    ),
    "anxious": (
        {
            "걱정": 2.5,
            "불안": 2.5,
            "무섭": 2.0,
            "급하": 2.0,
            "어떡하": 2.5,
            "큰일": 2.5,
            "제발": 1.5,
            "초조": 2.5,
            "당장": 0.8,
            "혹시": 0.6,
            "괜찮": 0.6,
        },
        (
            (
                r"(어떡해|어떻게\s?해야|어쩌죠|어떻게\s?하죠|큰일\s?(났|이)|급해요|급합니다|급한데|제발)",
                2.5,
            ),
            (r"(괜찮을까요|문제\s?없을까요|되는\s?건가요|불안해|걱정돼|걱정이|무서워)", 2.0),
            (r"(😰|😥|😨|😱|🙏|😭)", 1.2),
            (r"(worried|anxious|nervous|scared|afraid|urgent|please help|asap|panic)", 2.5),
        ),
    ),
    "satisfied": (
        {
            "감사": 1.0,
            "고맙": 1.5,
            "만족": 2.5,
            "최고": 2.0,
            "친절": 1.5,
            "덕분": 2.0,
            "감동": 2.5,
            "훌륭": 2.0,
            "칭찬": 2.0,
            "다행": 1.5,
            "기쁘": 2.0,
            "좋": 0.8,
            "빠르": 0.5,
            "추천": 1.0,
        },
        (
            (
                r"(잘\s?해결|해결\s?(해\s?주셔서|됐어요|되었|됐습니다)|빠른\s?(처리|답변|응대)|너무\s?좋|정말\s?좋)",
                2.0,
            ),
            (r"(👍|❤️|😊|🥰|💕|👏|😍|🙂)", 1.5),
            (
                r"(thank(s| you)|great|excellent|amazing|love|happy|appreciate|perfect|awesome|helpful)",
                2.0,
            ),
        ),
    ),
}

# Demands beyond any policy: compensation on top of a refund, multiples, "unconditionally".
EXCESSIVE_DEMAND: tuple[tuple[str, float], ...] = (
    (r"(보상금|위자료|정신적\s?(피해|손해|보상)|손해\s?배상|배상금|피해\s?보상)", 2.0),
    (r"(\d+|열|백|천|두|세)\s?배\s?(로)?\s?(보상|배상|물어|환불|돌려)", 3.0),
    (r"(\d+|열|백|천|두|세)\s?배\S*\s?(로)?\s?(보상|배상|물어|환불|돌려)", 2.0),
    (
        r"(환불|교환)\S*\s?(에|하고|이랑|도\s?하고)?\s?(추가\s?)?(보상|보상금|위자료|배상|사은품|적립금)\S*\s?(까지|도|더|추가)",
        3.0,
    ),
    (r"(무조건|반드시)\s?\S*\s?(보상|환불|해\s?내|해줘|해\s?줘|물어|새\s?제품|새\s?걸로)", 2.0),
    (r"(사장|대표|회장|책임자|본사)\S*\s?(나와|바꿔|연결해|직접\s?사과|불러)", 2.0),
    (r"(평생|1년|일\s?년)\s?(무료|공짜)|무료로\s?(해|달|줘)|공짜로", 2.0),
    (r"(\d{2,4}\s?만\s?원|\d{3},\d{3})\S*\s?(보상|배상|물어|받아야|내놔|달라)", 2.5),
    (r"(다\s?물어\s?내|물어내|내놔|보상\s?안\s?하면)", 2.0),
    (
        r"(compensation|compensate me|\d+\s?times|ten times|free for (life|a year)|i demand|punitive)",
        2.5,
    ),
    (r"(refund|money back).{0,40}(plus|and also|on top|as well as|extra|additional)", 2.0),
)

# Complaints about the service itself: staff attitude, waiting, unanswered contact, transfers.
SERVICE_COMPLAINT: tuple[tuple[str, float], ...] = (
    (
        r"(불친절|태도|응대|말투|반말|비꼬|퉁명|건성|성의\s?없|귀찮다는\s?듯|짜증\s?섞인|한숨\s?쉬)",
        2.5,
    ),
    (r"(전화|연락|답변|답장|채팅)\S*\s?(을|를|이|가)?\s?(안|못|없)\s?(받|해|와|오|주|되)", 2.0),
    (r"(연결|통화)\S*\s?(이|가)?\s?(안\s?(돼|되|됨)|불가|어렵)", 2.0),
    (
        r"(몇\s?시간|한\s?시간|\d+\s?(분|시간)|며칠|일주일)\S*\s?(째|동안|넘게|이나|을|를)?\s?(기다|대기)",
        2.5,
    ),
    (
        r"(돌려막|떠넘|뺑뺑|핑퐁|같은\s?말만|앵무새|매크로|복붙|담당자\s?(가|를)?\s?(없|바뀌|모르))",
        2.5,
    ),
    (
        r"(상담원|상담사|직원|기사님?|매니저|점원)\S*\s?(이|가|은|는|분)?\s?\S*\s?(무시|반말|거짓말|말을\s?바꿔|끊어|끊었)",
        2.5,
    ),
    (
        r"(rude|unprofessional|hung up|no one (answers|responds|replied)|on hold|ignored|transferred)",
        2.5,
    ),
    (r"(waited|waiting) (for )?(\d+|hours|days|an hour|weeks)|nobody (called|got) back", 2.0),
)

URGENT: tuple[tuple[str, float], ...] = (
    # money blocked right now / business stopped
    (
        r"(장사|영업|가게|매장\s?운영|업무|결제\s?시스템|포스|매출)\S*\s?(을|를|이|가)?\s?(못|안\s?(돼|되)|중단|마비|멈|올스톱|스톱)",
        3.0,
    ),
    (
        r"(돈|잔고|대금|월세|급여|월급|보증금|이체)\S*\s?(이|가)?\s?(묶|막혀|막혔|안\s?들어|못\s?받|빠져나가)",
        3.0,
    ),
    (r"(전\s?재산|생활비|병원비|수술비)", 2.5),
    # safety
    (
        r"(화재|불이\s?(났|붙)|연기가|타는\s?냄새|감전|폭발|터졌는데|다쳤|부상|피가|응급|가스\s?(가\s?)?(새|누출)|삼켰|화상|발화)",
        3.0,
    ),
    # legal action and regulators
    (
        r"(고소|소송|변호사|법적\s?(조치|대응)|소비자\s?원|공정위|공정\s?거래|금감원|민원\s?(넣|제기)|경찰|신고(하|할|합))",
        3.0,
    ),
    # public posts
    (
        r"(커뮤니티|맘카페|인스타|블로그|유튜브|뉴스|언론|기자|제보|트위터|sns|에스엔에스|리뷰\s?(에|로)?\s?(다|전부)?\s?(올|남기|쓸))",
        2.5,
    ),
    (r"(fire|smoke|burn(ed|ing)|injur|hurt myself|electric shock|explod|hospital|swallowed)", 3.0),
    (r"(lawyer|lawsuit|sue\b|legal action|court|regulator|attorney|police)", 3.0),
    (
        r"(post (it|this) (online|on)|social media|twitter|instagram|reddit|news|journalist|bad review)",
        2.5,
    ),
    (
        r"(my (business|shop|store) (is|has) (stopped|down)|can.?t (run|operate) my|losing (money|sales|customers))",
        3.0,
    ),
)

HIGH: tuple[tuple[str, float], ...] = (
    (
        r"(오늘\s?(까지|안에|중|내)|내일\s?(까지|이|오전|아침)|당장|지금\s?바로|급합니다|급해요|급한|빨리|시급|최대한\s?빨리)",
        2.0,
    ),
    (r"(해킹|도용|명의\s?도용|모르는\s?(결제|로그인)|이중\s?결제|중복\s?결제|두\s?번\s?결제)", 2.5),
    (r"(몇\s?번(째|이나)|세\s?번째|[3-9]\s?번째|벌써\s?\S+\s?(째|번)|며칠째|일주일\s?째)", 1.5),
    (r"(해지|탈퇴|다른\s?(곳|데|회사)\s?(으로|로)?\s?(갈|옮길|바꿀))", 1.5),
    (
        r"(today|tomorrow|asap|immediately|right now|urgent|hacked|fraud|unauthori[sz]ed|cancel my (account|subscription)|switch(ing)? to)",
        2.0,
    ),
)
