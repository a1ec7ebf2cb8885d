"""Editing stage: the frames clipboard payload as bytes: JSON written and read back with checks.

Qt-free. The payload (clipboard.py) travels as JSON under the program's own
MIME type, written with storage's serialisers and read back with their checks
(and the edition's reference check), so a payload from another window or
another running copy is trusted no more than an edition file. Photos go along
base64-encoded and are checked against their SHA-256.
"""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

from kupang_layout.editing.clipboard import MAX_ASSET_BYTES, Payload
from kupang_layout.errors import KupangError
from kupang_layout.model import Asset, Edition, Page
from kupang_layout.storage import StorageError
from kupang_layout.storage.fields import At
from kupang_layout.storage.references import check_edition
from kupang_layout.storage.serialize_frames import frame_from_dict, frame_to_dict
from kupang_layout.storage.serialize_stories import story_from_dict, story_to_dict
from kupang_layout.storage.serialize_styles import (
    asset_from_dict,
    asset_to_dict,
    character_style_from_dict,
    character_style_to_dict,
    paragraph_style_from_dict,
    paragraph_style_to_dict,
    swatch_from_dict,
    swatch_to_dict,
)

PAYLOAD_FORMAT = "kupang-layout-frames"
PAYLOAD_VERSION = 1
MAX_PAYLOAD_BYTES = MAX_ASSET_BYTES * 4 // 3 + 64 * 1024 * 1024  # base64 photos + the rest
MAX_FRAMES = 2000

__all__ = ["ClipboardError", "payload_from_bytes", "payload_to_bytes"]


class ClipboardError(KupangError):
    """What is on the clipboard is not a payload this program can paste."""


def payload_to_bytes(payload: Payload) -> bytes:
    doc = {
        "format": PAYLOAD_FORMAT,
        "version": PAYLOAD_VERSION,
        "page": {
            "id": payload.page_id,
            "width": payload.page_size[0],
            "height": payload.page_size[1],
        },
        "frames": [frame_to_dict(f) for f in payload.frames],
        "stories": [story_to_dict(s) for s in payload.stories.values()],
        "paragraph_styles": [paragraph_style_to_dict(s) for s in payload.paragraph_styles.values()],
        "character_styles": [character_style_to_dict(s) for s in payload.character_styles.values()],
        "swatches": [swatch_to_dict(s) for s in payload.swatches.values()],
        "assets": [
            {
                "asset": asset_to_dict(a),
                "data": (
                    base64.b64encode(payload.asset_data[sha]).decode("ascii")
                    if sha in payload.asset_data
                    else None
                ),
            }
            for sha, a in payload.assets.items()
        ],
    }
    return json.dumps(doc, ensure_ascii=False, allow_nan=False).encode("utf-8")


def _list(doc: dict[str, Any], key: str) -> list[Any]:
    value = doc.get(key, [])
    if not isinstance(value, list):
        raise ClipboardError(f"clipboard: {key} must be a list")
    return value


def payload_from_bytes(data: bytes) -> Payload:
    """Read a payload back, checked as an edition file is; ClipboardError if it is not one."""
    if len(data) > MAX_PAYLOAD_BYTES:
        raise ClipboardError("clipboard: the copied frames are too large to paste")
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ClipboardError(f"clipboard: not readable ({exc})") from exc
    if not isinstance(doc, dict) or doc.get("format") != PAYLOAD_FORMAT:
        raise ClipboardError("clipboard: not frames of Kupang Layout")
    if doc.get("version") != PAYLOAD_VERSION:
        raise ClipboardError("clipboard: written by another version of Kupang Layout")
    at = At("clipboard")
    try:
        frames = [
            frame_from_dict(v, at.key("frames").index(i))
            for i, v in enumerate(_list(doc, "frames"))
        ]
        if not frames or len(frames) > MAX_FRAMES:
            raise ClipboardError("clipboard: no frames, or too many")
        stories = [
            story_from_dict(v, at.key("stories").index(i))
            for i, v in enumerate(_list(doc, "stories"))
        ]
        pstyles = [
            paragraph_style_from_dict(v, at.key("paragraph_styles").index(i))
            for i, v in enumerate(_list(doc, "paragraph_styles"))
        ]
        cstyles = [
            character_style_from_dict(v, at.key("character_styles").index(i))
            for i, v in enumerate(_list(doc, "character_styles"))
        ]
        swatches = [
            swatch_from_dict(v, at.key("swatches").index(i))[0]
            for i, v in enumerate(_list(doc, "swatches"))
        ]
        assets: dict[str, Asset] = {}
        asset_data: dict[str, bytes] = {}
        for i, item in enumerate(_list(doc, "assets")):
            if not isinstance(item, dict):
                raise ClipboardError(f"clipboard: assets[{i}] must be an object")
            asset = asset_from_dict(item.get("asset"), at.key("assets").index(i).key("asset"))
            assets[asset.sha256] = asset
            raw = item.get("data")
            if isinstance(raw, str):
                blob = base64.b64decode(raw.encode("ascii"), validate=True)
                if hashlib.sha256(blob).hexdigest() != asset.sha256:
                    raise ClipboardError(f"clipboard: the bytes of {asset.name!r} do not match")
                asset_data[asset.sha256] = blob
        page = doc.get("page")
        page = page if isinstance(page, dict) else {}
        width, height = page.get("width", 0.0), page.get("height", 0.0)
        payload = Payload(
            frames=frames,
            stories={s.id: s for s in stories},
            paragraph_styles={s.name: s for s in pstyles},
            character_styles={s.name: s for s in cstyles},
            swatches={s.name: s for s in swatches},
            assets=assets,
            asset_data=asset_data,
            page_id=str(page.get("id", "")),
            page_size=(
                float(width) if isinstance(width, int | float) else 0.0,
                float(height) if isinstance(height, int | float) else 0.0,
            ),
        )
        scratch = Edition(
            pages=[Page(id="clipboard", number=1, width=1.0, height=1.0, frames=payload.frames)],
            stories=payload.stories,
            paragraph_styles=payload.paragraph_styles,
            character_styles=payload.character_styles,
            swatches=payload.swatches,
            assets=payload.assets,
        )
        check_edition(scratch, at)
    except (StorageError, ValueError, TypeError) as exc:
        raise ClipboardError(f"clipboard: {exc}") from exc
    return payload
