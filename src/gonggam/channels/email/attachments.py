"""Keeping e-mail attachments on disk, under names we make, within size limits.

Files are named by their SHA-256 (content-addressed): a re-delivered message writes the same
file again instead of leaving a stray copy, and no name a customer chose ever reaches the file
system. What the customer called the file is kept in the metadata only.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gonggam.channels.email.parse import Part

_EXTENSION = re.compile(r"\.([A-Za-z0-9]{1,8})$")


@dataclass(frozen=True)
class AttachmentLimits:
    folder: Path
    max_attachment_bytes: int
    max_message_bytes: int


def store_attachments(parts: list[Part], limits: AttachmentLimits) -> list[dict[str, Any]]:
    """Write the parts that fit the limits; returns metadata for all of them.

    An attachment over a limit is recorded with `skipped` and its size, never stored, and never
    stops the message itself.
    """
    stored: list[dict[str, Any]] = []
    total = 0
    for part in parts:
        size = len(part.payload)
        entry: dict[str, Any] = {
            "filename": part.filename,
            "content_type": part.content_type,
            "size": size,
        }
        if size > limits.max_attachment_bytes:
            entry["skipped"] = "attachment_too_large"
        elif total + size > limits.max_message_bytes:
            entry["skipped"] = "message_too_large"
        else:
            digest = hashlib.sha256(part.payload).hexdigest()
            entry["sha256"] = digest
            entry["stored_name"] = _write(limits.folder, digest, part)
            total += size
        stored.append(entry)
    return stored


def _write(folder: Path, digest: str, part: Part) -> str:
    match = _EXTENSION.search(part.filename or "")
    name = f"{digest[:2]}/{digest}{'.' + match.group(1).lower() if match else ''}"
    target = folder / name
    if target.exists():
        return name
    target.parent.mkdir(parents=True, exist_ok=True)
    # Written under a temporary name and renamed, so a reader never sees half a file.
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(part.payload)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return name
