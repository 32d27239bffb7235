"""Rendering pages: one Jinja2 environment (autoescape on) and the context every page gets."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from gonggam.accounts.principal import Principal
from gonggam.accounts.security import new_csrf_token
from gonggam.channels.limits import limit_for
from gonggam.config import Settings
from gonggam.kit.clock import ensure_aware, utcnow
from gonggam.web.i18n import LOCALE_COOKIE, LOCALES, label, pick_locale, translate

TEMPLATES = Path(__file__).parent / "templates"
KST = timezone(timedelta(hours=9))

# Autoescape everywhere: customer text is hostile until proven otherwise. Never mark it |safe.
environment = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
environment.globals["channel_limit"] = limit_for  # the composer shows each channel's limit


def csrf_token(request: Request) -> str:
    """This browser session's CSRF token, created on first use."""
    token = request.session.get("csrf")
    if not isinstance(token, str):
        token = new_csrf_token()
        request.session["csrf"] = token
    return token


def waiting_label(locale: str, since: datetime | None, now: datetime | None = None) -> str:
    """How long the customer has been waiting, in words ("12분 대기")."""
    if since is None:
        return translate(locale, "wait.none")
    seconds = max(0, int(((now or utcnow()) - ensure_aware(since)).total_seconds()))
    minutes = seconds // 60
    if minutes < 1:
        return translate(locale, "wait.now")
    if minutes < 60:
        return translate(locale, "wait.minutes", n=minutes)
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return translate(locale, "wait.hours", h=hours, m=minutes)
    days, hours = divmod(hours, 24)
    return translate(locale, "wait.days", d=days, h=hours)


def waiting_level(since: datetime | None) -> str:
    """A colour band for the waiting time: calm, warm (15 min+) or hot (60 min+)."""
    if since is None:
        return "none"
    minutes = (utcnow() - ensure_aware(since)).total_seconds() / 60
    return "hot" if minutes >= 60 else "warm" if minutes >= 15 else "calm"


def local_time(value: datetime | None) -> str:
    """A short Korean-time stamp (KST, UTC+9) for timelines."""
    if value is None:
        return ""
    kst = ensure_aware(value).astimezone(KST)
    return kst.strftime("%m-%d %H:%M")


def lang_url(request: Request, locale: str) -> str:
    """This page in another language (the rest of the query string kept)."""
    query = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
    return f"{request.url.path}?{urlencode([*query, ('lang', locale)])}"


def _label(locale: str, prefix: str, value: str | None) -> str:
    """`i18n.label`, with an organisation's own intents shown under their own labels."""
    if prefix == "intent":
        from gonggam.intents.catalog import custom_label

        own = custom_label(locale, value)
        if own:
            return own
    return label(locale, prefix, value)


def render(
    request: Request,
    template: str,
    context: dict[str, Any],
    *,
    principal: Principal | None,
    status_code: int = 200,
) -> HTMLResponse:
    """Render a page with the locale, the CSRF token and the helpers every template uses."""
    settings: Settings = request.app.state.settings
    locale = pick_locale(request, principal.locale if principal else None, settings.default_locale)
    page = {
        "request": request,
        "principal": principal,
        "locale": locale,
        "t": partial(translate, locale),
        "label": partial(_label, locale),
        "waiting": partial(waiting_label, locale),
        "waiting_level": waiting_level,
        "local_time": local_time,
        "csrf": csrf_token(request),
        "lang_url": partial(lang_url, request),
        "live_poll_ms": int(settings.live_poll_seconds * 1000),
        **context,
    }
    body = environment.get_template(template).render(page)
    response = HTMLResponse(body, status_code=status_code)
    chosen = request.query_params.get("lang")
    if chosen in LOCALES:
        response.set_cookie(LOCALE_COOKIE, chosen, max_age=365 * 24 * 3600, samesite="lax")
    return response
