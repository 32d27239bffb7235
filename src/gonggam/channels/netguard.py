"""Outbound requests only to public addresses (SSRF), checked after DNS resolution.

A provider URL is typed by an admin, but a reply must never become a way to reach the
desk's own network (cloud metadata, databases, admin ports). The check runs at send time on the
addresses the name resolves to *then*, and the connection goes to the checked address.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit


class RefusedAddress(ValueError):
    """The URL cannot be used (bad form, unresolvable, or private without permission)."""


@dataclass(frozen=True)
class Target:
    """A URL with the address it was checked against."""

    url: str
    host: str
    address: str
    port: int


def _is_private(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return bool(
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )


def resolve_target(url: str, *, allow_private: bool) -> Target:
    """Resolve `url`'s host and check every address; raises RefusedAddress with the reason."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RefusedAddress(f"outbound URL must be http(s)://host/…, got {url!r}")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        found = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise RefusedAddress(f"cannot resolve {parts.hostname}: {error}") from error
    addresses = [ipaddress.ip_address(info[4][0]) for info in found]
    if not addresses:
        raise RefusedAddress(f"{parts.hostname} has no address")
    private = [a for a in addresses if _is_private(a)]
    if private and not allow_private:
        raise RefusedAddress(
            f"outbound URL {parts.hostname} resolves to a private or loopback address "
            f"({private[0]}); an admin must allow private outbound for this channel"
        )
    return Target(url=url, host=parts.hostname, address=str(addresses[0]), port=port)


def pinned_url(target: Target) -> str:
    """The URL with its host replaced by the checked address, so a second lookup cannot differ."""
    parts = urlsplit(target.url)
    host = f"[{target.address}]" if ":" in target.address else target.address
    netloc = f"{host}:{parts.port}" if parts.port else host
    return parts._replace(netloc=netloc).geturl()
