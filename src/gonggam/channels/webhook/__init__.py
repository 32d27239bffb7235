"""Messaging webhooks (SMS, Kakao/Naver-style and generic): signed inbound, signed outbound."""
