"""Words for marking a public complaint."""

KO: dict[str, str] = {
    "flag.mark_public": "공개 민원으로 표시",
    "flag.mark_public.hint": "고객이 리뷰·SNS 등 공개된 곳에도 올린 민원이면 표시하세요. "
    "우선순위가 올라갑니다.",
}

EN: dict[str, str] = {
    "flag.mark_public": "Mark as public complaint",
    "flag.mark_public.hint": "The customer also posted this publicly (reviews, social media); "
    "it ranks higher.",
}
