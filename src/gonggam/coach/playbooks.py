"""Default playbooks per customer type (SPEC 2.4), shown to the agent next to the composer.

Admins may override them; these are the defaults a fresh install starts with.
"""

from __future__ import annotations

PLAYBOOK_DEFAULTS: dict[str, list[str]] = {
    "excessive_demand": [
        "규정을 분명하고 쉽게 설명합니다.",
        "규정 안에서 실제로 가치 있는 대안(교환, 적립금, 한도 내 부분 환불)을 제안합니다.",
        "요구가 계속되면 최종 제안임을, 더 이상 추가할 수 없음을 분명히 말합니다.",
    ],
    "emotional": [
        "먼저 감정을 가라앉히도록 끝까지 듣고, 논쟁하지 않습니다.",
        "진정되면 구체적인 질문으로 무엇이 잘못됐는지 정확히 찾습니다.",
        "해결책을 제안합니다.",
    ],
    "service_complaint": [
        "빠르게 응답합니다.",
        "불편에 대한 추가 혜택이나 보상을 제안합니다.",
        "해결 후 다시 연락해 만족하셨는지 확인합니다.",
    ],
    "standard": ["문제를 해결합니다."],
}

PLAYBOOK_DEFAULTS_EN: dict[str, list[str]] = {
    "excessive_demand": [
        "Explain the policy clearly.",
        "Offer an alternative that gives real value (exchange, store credit, partial refund "
        "within policy limits).",
        "If demands continue, state the final offer clearly and that nothing further can be added.",
    ],
    "emotional": [
        "Calm the emotion first: listen to the end, do not argue.",
        "Once calmer, ask specific questions to find exactly what went wrong.",
        "Propose the solution.",
    ],
    "service_complaint": [
        "Respond fast.",
        "Offer an extra benefit or compensation for the trouble.",
        "Follow up after resolution to confirm satisfaction.",
    ],
    "standard": ["Solve it."],
}

PRINCIPLES: list[str] = ["차분함을 유지합니다.", "공감합니다.", "해결로 나아갑니다."]
PRINCIPLES_EN: list[str] = ["Stay calm.", "Empathize.", "Move to a solution."]


def playbook_for(customer_type: str, language: str = "ko") -> list[str]:
    """Return the steps for a customer type (unknown types get the `standard` playbook)."""
    table = PLAYBOOK_DEFAULTS if language == "ko" else PLAYBOOK_DEFAULTS_EN
    return list(table.get(customer_type, table["standard"]))
