"""Words for the organisation's own intents."""

KO: dict[str, str] = {
    "nav.intents": "문의 유형",
    "intents.title": "문의 유형 관리",
    "intents.hint": "기본 10가지 문의 유형 외에 우리 조직만의 유형을 추가합니다. "
    "단서 문구가 기본 유형보다 더 잘 맞을 때만 이 유형으로 분류됩니다.",
    "intents.builtin": "기본 유형",
    "intents.own": "추가한 유형",
    "intents.none": "아직 추가한 유형이 없습니다.",
    "intents.name": "이름 (영문 소문자, 숫자, _)",
    "intents.label_ko": "한국어 표시 이름",
    "intents.label_en": "영어 표시 이름",
    "intents.cues_ko": "한국어 단서 문구 (한 줄에 하나)",
    "intents.cues_en": "영어 단서 문구 (한 줄에 하나)",
    "intents.cues": "단서 문구",
    "intents.team": "담당 팀",
    "intents.no_team": "담당 팀 없음 (기본 배정)",
    "intents.add": "유형 추가",
    "intents.remove": "삭제",
    "intents.remove_confirm": "이 문의 유형을 삭제할까요? 이미 분류된 상담은 그대로 둡니다.",
}

EN: dict[str, str] = {
    "nav.intents": "Intents",
    "intents.title": "Intents",
    "intents.hint": "Add your organisation's own intents beside the ten defaults. A message "
    "gets one only when its cue phrases match better than the defaults.",
    "intents.builtin": "Built-in intents",
    "intents.own": "Your intents",
    "intents.none": "No intents added yet.",
    "intents.name": "Name (lower-case letters, digits, _)",
    "intents.label_ko": "Korean label",
    "intents.label_en": "English label",
    "intents.cues_ko": "Korean cue phrases (one per line)",
    "intents.cues_en": "English cue phrases (one per line)",
    "intents.cues": "Cue phrases",
    "intents.team": "Owning team",
    "intents.no_team": "No team (default routing)",
    "intents.add": "Add intent",
    "intents.remove": "Remove",
    "intents.remove_confirm": "Remove this intent? Conversations already labelled keep it.",
}
