"""The demo's people and conversations, written the way Korean customers actually write."""

from __future__ import annotations

from dataclasses import dataclass, field

TEAMS = [
    ("billing", "결제·환불팀", ["payment_error", "billing", "refund_exchange"], False),
    ("delivery", "배송·상품팀", ["delivery", "product_quality"], False),
    ("tech", "기술지원팀", ["technical_issue", "account_access"], False),
    ("general", "고객상담팀", ["general_inquiry", "praise", "service_complaint"], True),
]

# (role, e-mail, name, team)
PEOPLE = [
    ("admin", "admin@demo.gonggam", "김지현", None),
    ("supervisor", "supervisor@demo.gonggam", "박서준 팀장", "general"),
    ("agent", "agent@demo.gonggam", "이하늘", "billing"),
    ("agent", "agent2@demo.gonggam", "최민준", "delivery"),
    ("agent", "agent3@demo.gonggam", "정수아", "tech"),
]

# Who is on shift when the demo opens: (e-mail, skills, chat capacity, e-mail capacity).
# 이하늘 comes online with room for one more live conversation, so she is given 박준영's
# waiting text automatically and is then full; 정수아 is online but busy. New billing and
# tech customers therefore queue with a position and an estimate, and the delivery queue,
# with nobody on shift, shows an unknown wait (and the callback offer).
ON_SHIFT = [
    ("agent@demo.gonggam", ["payment_error", "billing", "refund_exchange"], 2, 1),
    ("agent3@demo.gonggam", ["technical_issue", "account_access"], 1, 5),
]


@dataclass(frozen=True)
class DemoMessage:
    channel: str
    text: str
    minutes_ago: int
    agent_reply: str | None = None  # sent by the assignee right after this message


@dataclass(frozen=True)
class DemoConversation:
    name: str
    email: str | None
    phone: str | None
    external_id: str | None
    messages: list[DemoMessage]
    status: str = "open"
    assignee: str | None = None
    note: str | None = None
    tags: list[str] = field(default_factory=list)


CONVERSATIONS = [
    DemoConversation(
        "한지우",
        "jiwoo.han@example.kr",
        "010-2345-6789",
        None,
        [
            DemoMessage(
                "email",
                "안녕하세요. 어제 오후 3시쯤 프리미엄 요금제 결제를 했는데 카드에서는 "
                "59,000원이 두 번 빠져나갔고 앱에는 아직도 무료 요금제로 나와요. "
                "회사 발표 자료를 오늘 밤까지 올려야 해서 정말 급합니다.",
                95,
            ),
            DemoMessage(
                "chat",
                "메일 보냈는데 답이 없어서 채팅으로 다시 문의드려요 ㅠㅠ 결제 두 번 된 거 "
                "언제 환불되나요? 오늘 안에 업로드 못하면 큰일나요",
                12,
            ),
        ],
        assignee="agent@demo.gonggam",
    ),
    DemoConversation(
        "오세훈",
        None,
        "010-8765-4321",
        None,
        [
            DemoMessage(
                "sms",
                "아니 주문한지 일주일이 넘었는데 아직도 배송준비중이 말이 됩니까??? "
                "몇번을 전화해도 연결도 안되고 진짜 장난하나 ㅡㅡ",
                48,
            )
        ],
    ),
    DemoConversation(
        "윤다은",
        "daeun.yoon@example.com",
        None,
        "kakao-88213",
        [
            DemoMessage(
                "kakao",
                "비밀번호 재설정 메일이 안 와요. 스팸함도 확인했어요",
                210,
                agent_reply="윤다은 고객님, 재설정 메일이 오지 않아 로그인을 못 하고 계셨군요. "
                "방금 메일 발송 기록을 확인해 보니 주소 끝자리가 잘못 등록되어 있었습니다. "
                "저희 쪽에서 주소를 바로잡았고, 5분 안에 새 재설정 메일이 도착합니다. "
                "그래도 오지 않으면 이 채팅에 남겨 주세요. 제가 끝까지 확인하겠습니다.",
            ),
            DemoMessage("kakao", "왔어요! 로그인 됐습니다 감사해요 😊", 190),
        ],
        status="resolved",
        assignee="agent3@demo.gonggam",
    ),
    DemoConversation(
        "강태호",
        "taeho.kang@example.co.kr",
        None,
        None,
        [
            DemoMessage(
                "email",
                "환불 요청합니다. 받은 운동화 밑창이 이틀 만에 떨어졌습니다. "
                "이건 명백한 불량이고 전액 환불에 정신적 피해 보상금 30만원까지 요구합니다. "
                "안 해주시면 소비자원에 신고하겠습니다.",
                30,
            )
        ],
        tags=["불량"],
    ),
    DemoConversation(
        "서민지",
        None,
        "+82 10 5555 1212",
        "naver-minji",
        [
            DemoMessage(
                "naver",
                "상담원 태도가 너무 불쾌했어요. 제가 질문하니까 한숨 쉬면서 그것도 "
                "모르냐는 식으로 말하더라구요. 다시는 이용하고 싶지 않네요.",
                75,
            ),
        ],
        assignee="supervisor@demo.gonggam",
        note="통화 녹취 확인 요청함 — 상담 품질 점검 대상",
    ),
    DemoConversation(
        "Daniel Park",
        "daniel.park@example.com",
        None,
        None,
        [
            DemoMessage(
                "email",
                "Hi, I was charged twice for my annual subscription this morning. "
                "Could you refund the duplicate charge? My card statement shows two "
                "payments of 120,000 KRW.",
                20,
            )
        ],
    ),
    DemoConversation(
        "이수빈",
        None,
        "010-3030-4040",
        None,
        [
            DemoMessage(
                "chat",
                "배송 잘 받았어요! 포장도 꼼꼼하고 기사님도 친절하셨어요 감사합니다",
                400,
                agent_reply="이수빈 고객님, 좋은 말씀 남겨 주셔서 감사합니다! 기사님께도 꼭 "
                "전해 드릴게요. 사용하시다 궁금한 점이 생기면 언제든 이 채팅으로 알려 주세요.",
            ),
        ],
        status="closed",
        assignee="agent2@demo.gonggam",
    ),
    DemoConversation(
        "문재원",
        "jaewon.moon@example.kr",
        None,
        None,
        [
            DemoMessage(
                "web",
                "앱이 업데이트 이후로 실행하자마자 꺼집니다. 갤럭시 S23 쓰고 있고 "
                "재설치도 해봤는데 똑같아요. 매장 재고 확인을 앱으로 해야 해서 업무가 멈췄어요.",
                26,
            )
        ],
        assignee="agent3@demo.gonggam",
    ),
    DemoConversation(
        "김하은",
        "haeun.kim@example.com",
        "010-7777-8888",
        None,
        [
            DemoMessage(
                "phone",
                "[전화 접수] 고객이 지난달 청구서에 부가서비스 요금 4,400원이 "
                "가입한 적 없이 청구되었다고 문의. 확인 후 연락 요청.",
                300,
                agent_reply="김하은 고객님, 가입하지 않은 부가서비스 요금 4,400원이 청구되어 "
                "당황하셨을 것 같습니다. 확인해 보니 저희 쪽 일괄 등록 오류였습니다. "
                "다음 청구서에서 4,400원을 차감해 드리고, 내일 오후 3시까지 처리 결과를 "
                "문자로 다시 알려 드리겠습니다.",
            ),
        ],
        status="pending",
        assignee="agent@demo.gonggam",
    ),
    DemoConversation(
        "박준영",
        None,
        "010-1111-2222",
        None,
        [DemoMessage("sms", "씨X 환불 언제 해줄건데 진짜 미친거 아니냐", 8)],
    ),
    DemoConversation(
        "정유나",
        "yuna.jung@example.kr",
        None,
        None,
        [
            DemoMessage(
                "email",
                "교환 신청한 원피스가 아직 회수가 안 됐어요. 택배 기사님이 오신다고 "
                "했던 날이 지났는데 연락이 없어요.",
                180,
            ),
            DemoMessage(
                "sms",
                "메일로도 문의드렸는데요, 회수 일정 좀 알려주세요. 다음주 여행 가기 "
                "전에 교환 받고 싶어요.",
                40,
            ),
        ],
        assignee="agent2@demo.gonggam",
    ),
    DemoConversation(
        "Emily Choi",
        "emily.choi@example.com",
        None,
        None,
        [
            DemoMessage(
                "chat", "How do I change the delivery address for my order? I moved last week.", 15
            )
        ],
    ),
]
