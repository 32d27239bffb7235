"""Words of the messaging adapters: public posts, channel limits, callbacks, walk-in entry."""

from __future__ import annotations

KO: dict[str, str] = {
    "channels.public.title": "공개 게시글",
    "channels.public.explain": (
        "다른 고객도 보는 공개 글입니다. 빠르게 사과하고, 개인정보가 드러나지 않도록 "
        "1:1 채널로 옮겨 해결하세요."
    ),
    "channels.public.suggestion": (
        "안녕하세요, 불편을 드려 정말 죄송합니다. 주문 정보 같은 개인정보가 공개되지 않도록, "
        "자세한 확인을 위해 1:1 채팅{link}으로 연락 주시면 담당자가 바로 도와드리겠습니다."
    ),
    "channels.public.insert": "답장에 넣기",
    "channels.public.open": "원문 보기",
    "channels.review.ask": "후기 업데이트 요청 보내기",
    "channels.review.asked": "후기 업데이트를 요청했습니다 (한 번만 보냅니다)",
    "channels.review.after_resolve": "해결 후 후기 업데이트를 한 번 요청할 수 있습니다",
    "channels.limit": (
        "{channel} 메시지는 {n}자까지 보낼 수 있습니다. 더 긴 답장은 나눠서 보냅니다."
    ),
    "channels.split": "{n}자 제한으로 {parts}개로 나눠 보냄",
    "event.public_post": "공개 게시글",
    "event.callback_requested": "콜백 요청",
    "event.recorded_for_customer": "상담사가 대신 기록",
    "event.review_update_requested": "후기 업데이트 요청",
    "event.reply_split": "답장 분할 발송",
    "event.delivery_failed": "발송 실패",
    "walkin.title": "새 문의 기록 (방문·전화)",
    "walkin.channel": "경로",
    "walkin.name": "고객 이름",
    "walkin.phone": "전화번호",
    "walkin.email": "이메일",
    "walkin.text": "고객이 말한 내용",
    "walkin.text.placeholder": "고객이 한 말을 그대로 적어 주세요",
    "walkin.hint": (
        "전화번호나 이메일 중 하나는 꼭 적어 주세요. 같은 고객의 이전 문의와 이어집니다."
    ),
    "walkin.submit": "기록하기",
    "walkin.text_required": "고객이 말한 내용을 적어 주세요.",
    "walkin.identity_required": "전화번호나 이메일 중 하나를 적어 주세요.",
    "walkin.invalid_identity": "전화번호나 이메일 형식이 맞지 않습니다. 다시 확인해 주세요.",
}

EN: dict[str, str] = {
    "channels.public.title": "Public post",
    "channels.public.explain": (
        "Other customers can read this. Apologise quickly and move to a private channel so no "
        "personal data is exposed."
    ),
    "channels.public.suggestion": (
        "We are very sorry for the trouble. So that your order details stay private, please "
        "contact us through our 1:1 chat{link} and we will help you right away."
    ),
    "channels.public.insert": "Insert into reply",
    "channels.public.open": "Open post",
    "channels.review.ask": "Ask to update the review",
    "channels.review.asked": "Review update requested (sent only once)",
    "channels.review.after_resolve": "Once resolved, you can ask once for a review update",
    "channels.limit": "{channel} messages carry up to {n} characters; longer replies go in parts.",
    "channels.split": "sent in {parts} parts ({n}-character limit)",
    "event.public_post": "Public post",
    "event.callback_requested": "Callback requested",
    "event.recorded_for_customer": "Recorded by an agent",
    "event.review_update_requested": "Review update requested",
    "event.reply_split": "Reply sent in parts",
    "event.delivery_failed": "Delivery failed",
    "walkin.title": "Record a new inquiry (walk-in / phone)",
    "walkin.channel": "Channel",
    "walkin.name": "Customer name",
    "walkin.phone": "Phone",
    "walkin.email": "E-mail",
    "walkin.text": "What the customer said",
    "walkin.text.placeholder": "Write down the customer's own words",
    "walkin.hint": "A phone number or an e-mail is needed; it links earlier inquiries.",
    "walkin.submit": "Record",
    "walkin.text_required": "Write down what the customer said.",
    "walkin.identity_required": "Enter a phone number or an e-mail.",
    "walkin.invalid_identity": "That phone number or e-mail does not look right.",
}
