"""Words for channel pages (outbox) and e-mail marks."""

KO: dict[str, str] = {
    "nav.outbox": "발송함",
    "outbox.title": "발송함",
    "outbox.hint": (
        "고객에게 나가는 답장입니다. 실패한 발송은 자동으로 다시 시도하고, "
        "끝내 실패하면 상담 기록에도 표시됩니다."
    ),
    "outbox.all": "전체",
    "outbox.status.queued": "대기 중",
    "outbox.status.sent": "발송됨",
    "outbox.status.failed": "실패",
    "outbox.col.conversation": "문의",
    "outbox.col.status": "상태",
    "outbox.col.attempts": "시도",
    "outbox.col.when": "시각",
    "outbox.col.error": "마지막 오류",
    "outbox.sent_at": "{at} 발송",
    "outbox.next_at": "{at} 재시도",
    "outbox.empty": "발송할 답장이 없습니다.",
    "event.tagged": "태그",
    "tag.auto": "자동 응답 메일",
    "tag.bulk": "대량 발송 메일",
    "conv.failed": "발송 실패",
    "event.delivery_failed": "발송 실패",
    "attachment.label": "첨부",
    "attachment.unnamed": "이름 없는 첨부",
    "attachment.attachment_too_large": "너무 커서 저장하지 않음",
    "attachment.message_too_large": "메일 전체 용량 초과로 저장하지 않음",
}

EN: dict[str, str] = {
    "nav.outbox": "Outbox",
    "outbox.title": "Outbox",
    "outbox.hint": (
        "Replies on their way to customers. Failed sends are retried automatically; "
        "a final failure is also shown in the conversation."
    ),
    "outbox.all": "All",
    "outbox.status.queued": "Queued",
    "outbox.status.sent": "Sent",
    "outbox.status.failed": "Failed",
    "outbox.col.conversation": "Conversation",
    "outbox.col.status": "Status",
    "outbox.col.attempts": "Attempts",
    "outbox.col.when": "When",
    "outbox.col.error": "Last error",
    "outbox.sent_at": "sent {at}",
    "outbox.next_at": "next try {at}",
    "outbox.empty": "No replies to deliver.",
    "event.tagged": "Tagged",
    "tag.auto": "auto-reply mail",
    "tag.bulk": "bulk mail",
    "conv.failed": "delivery failed",
    "event.delivery_failed": "Delivery failed",
    "attachment.label": "file",
    "attachment.unnamed": "unnamed attachment",
    "attachment.attachment_too_large": "too large, not kept",
    "attachment.message_too_large": "over the e-mail's size limit, not kept",
}
