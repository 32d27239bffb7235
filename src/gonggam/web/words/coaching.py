"""Words of the reply coach, playbooks and the coaching admin screen."""

from __future__ import annotations

KO: dict[str, str] = {
    "coach.score": "코칭 점수",
    "coach.checklist": "답장 점검 항목",
    "coach.cliches": "상투 문구 {n}개",
    "coach.insert": "눌러서 커서 자리에 넣기 (커서가 없으면 끝에)",
    "coach.confirm": "코칭 점수가 {n}점입니다 ({min}점 미만). 이대로 보낼까요?",
    "coach.send_anyway": "그래도 보내기",
    "coach.draft": "초안 쓰기",
    "coach.event": "답장 코칭 {n}점",
    "coach.playbook": "응대 가이드",
    "coach.edit": "편집",
    "coach.admin": "코칭 설정",
    "coach.playbooks": "고객 유형별 응대 가이드",
    "coach.playbooks.hint": "한 줄에 한 단계씩 적습니다. 비워 두면 기본 가이드로 돌아갑니다.",
    "coach.edited": "수정됨",
    "coach.save": "저장",
    "coach.reset": "기본값으로",
    "coach.phrases": "상투 문구 추가",
    "coach.phrases.hint": (
        "코치가 기본 목록과 함께 잡아내는 문구입니다. 조사·어미가 달라도 찾습니다."
    ),
    "coach.phrases.none": "추가한 문구가 없습니다.",
    "coach.phrases.placeholder": "예: 소중한 시간 내어 연락 주셔서 감사합니다",
    "coach.add": "추가",
    "coach.remove": "삭제",
    "coach.error.phrase_length": "문구는 1~{n}자로 적어 주세요.",
    "coach.error.phrase_no_words": (
        "조사나 어미만으로는 코치가 찾을 수 없습니다. 낱말이 들어간 문구를 적어 주세요."
    ),
    "coach.error.steps_empty": (
        "가이드에는 단계가 한 줄 이상 있어야 합니다. "
        "기본 가이드로 돌리려면 '기본값으로'를 누르세요."
    ),
    "coach.error.steps_length": "단계는 {n}개까지, 한 단계에 {m}자까지 적을 수 있습니다.",
    "event.reply_coached": "코칭",
    "coach.rule.context": "맥락",
    "coach.rule.acknowledge": "잘못 인정",
    "coach.rule.impact": "영향",
    "coach.rule.empathy": "공감",
    "coach.rule.no_template": "상투 문구 없음",
    "coach.rule.ownership": "책임",
    "coach.rule.eta": "해결 시점",
    "coach.rule.workaround": "임시 방법",
    "coach.rule.urgency": "긴급 처리",
    "coach.rule.follow_up": "후속 연락",
    "coach.rule.gratitude": "감사",
    "coach.rule.plain_language": "쉬운 말",
    "coach.rule.policy_alternative": "규정과 대안",
    "coach.rule.calm_tone": "차분한 어조",
}

EN: dict[str, str] = {
    "coach.score": "Coaching score",
    "coach.checklist": "Reply checklist",
    "coach.cliches": "{n} boilerplate phrase(s)",
    "coach.insert": "Click to add at the cursor (or at the end)",
    "coach.confirm": "This reply scores {n} (under {min}). Send it anyway?",
    "coach.send_anyway": "Send anyway",
    "coach.draft": "Draft a reply",
    "coach.event": "reply coached: {n}",
    "coach.playbook": "Playbook",
    "coach.edit": "Edit",
    "coach.admin": "Coaching settings",
    "coach.playbooks": "Playbooks per customer type",
    "coach.playbooks.hint": "One step per line. Reset to go back to the default playbook.",
    "coach.edited": "edited",
    "coach.save": "Save",
    "coach.reset": "Reset to default",
    "coach.phrases": "Extra boilerplate phrases",
    "coach.phrases.hint": (
        "The coach flags these on top of its built-in list, whatever the endings."
    ),
    "coach.phrases.none": "No phrases added yet.",
    "coach.phrases.placeholder": "e.g. thank you for taking the time to contact us",
    "coach.add": "Add",
    "coach.remove": "Remove",
    "coach.error.phrase_length": "A phrase has 1 to {n} characters.",
    "coach.error.phrase_no_words": (
        "The coach cannot match particles or endings alone. Enter a phrase with words in it."
    ),
    "coach.error.steps_empty": (
        "A playbook needs at least one step. Use 'Reset to default' to go back to the default."
    ),
    "coach.error.steps_length": "At most {n} steps of {m} characters each.",
    "event.reply_coached": "Coaching",
    "coach.rule.context": "Context",
    "coach.rule.acknowledge": "Admits it",
    "coach.rule.impact": "Impact",
    "coach.rule.empathy": "Empathy",
    "coach.rule.no_template": "No boilerplate",
    "coach.rule.ownership": "Ownership",
    "coach.rule.eta": "Time frame",
    "coach.rule.workaround": "Workaround",
    "coach.rule.urgency": "Urgency",
    "coach.rule.follow_up": "Follow-up",
    "coach.rule.gratitude": "Thanks",
    "coach.rule.plain_language": "Plain words",
    "coach.rule.policy_alternative": "Policy + alternative",
    "coach.rule.calm_tone": "Calm tone",
}
