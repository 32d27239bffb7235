"""Channels: how customers reach the desk and how replies reach them.

Each adapter (e-mail, chat, messaging webhooks, social, voice, walk-in, importers) lives in its
own sub-folder and hands inbound messages to `conversations.pipeline.ingest`. Outbound replies
go through the outbox (`outbox.py`), which retries per channel sender.
"""
