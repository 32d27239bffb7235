"""Every channel adapter's HTTP routes, mounted by the app in one line."""

from __future__ import annotations

from fastapi import APIRouter

from gonggam.channels.social.api import router as social
from gonggam.channels.social.views import router as social_pages
from gonggam.channels.voice.api import router as voice
from gonggam.channels.walkin.api import router as walkin
from gonggam.channels.webhook.api import router as webhook

# Voice first: its fixed paths (/channels/voice/…) must win over /channels/{channel}/….
ADAPTER_ROUTERS: tuple[APIRouter, ...] = (voice, webhook, social, social_pages, walkin)
