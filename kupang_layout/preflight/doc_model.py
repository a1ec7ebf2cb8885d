"""Preflight stage: document rules read from the model alone (slots, assets, fonts).

These need no layout, so they still run on a page the engine cannot lay out.
"""

from __future__ import annotations

from kupang_layout.fonts.registry import FACES, FontRegistry, face_key
from kupang_layout.model.frames import ImageFrame, TextFrame
from kupang_layout.model.story import PLACEHOLDER_HEADLINE, Story
from kupang_layout.model.styles import StyleError, apply_character_style, resolve_paragraph_style
from kupang_layout.preflight.context import PageContext
from kupang_layout.preflight.issues import Issue

#: Slots a page cannot go to press without.
REQUIRED_TEXT_ROLES = ("headline", "body")
#: Slots that are reported (warning) when a template's frame was left empty.
OPTIONAL_TEXT_ROLES = (
    "deck",
    "section",
    "photo_credit",
    "caption",
    "dateline",
    "pull_quote",
    "tagline",
    "credits",
    "teaser",
)


def is_placeholder_headline(text: str) -> bool:
    """The importer's placeholder, or any text wholly in square brackets ('[JUDUL]')."""
    t = text.strip()
    if PLACEHOLDER_HEADLINE and t == PLACEHOLDER_HEADLINE:
        return True
    return len(t) >= 2 and t.startswith("[") and t.endswith("]")


def _first_on_page(ctx: PageContext, frame: TextFrame) -> bool:
    """True when `frame` is the first frame of its story's chain (reported once per story)."""
    if frame.story_id is None:
        return True
    chain = ctx.edition.chain(frame.story_id)
    return not chain or chain[0] is frame


def slot_rules(ctx: PageContext) -> list[Issue]:
    """Placeholder headline, empty text slots, empty photo frames."""
    out: list[Issue] = []
    for frame in ctx.page.frames:
        if not frame.printable:
            continue
        if isinstance(frame, TextFrame):
            out.extend(_text_slot(ctx, frame))
        elif isinstance(frame, ImageFrame) and frame.asset is None:
            if frame.role == "photo":
                out.append(ctx.issue("error", "photo-empty", frame))
            else:
                out.append(ctx.issue("warning", "image-empty", frame))
    return out


def _text_slot(ctx: PageContext, frame: TextFrame) -> list[Issue]:
    role = frame.role
    if role not in REQUIRED_TEXT_ROLES and role not in OPTIONAL_TEXT_ROLES:
        return []
    story = ctx.edition.stories.get(frame.story_id) if frame.story_id else None
    text = story.text if story is not None else ""
    if not _first_on_page(ctx, frame):
        return []
    if not text.strip():
        if role in REQUIRED_TEXT_ROLES:
            return [ctx.issue("error", "empty-slot", frame, role=role)]
        return [ctx.issue("warning", "empty-slot-optional", frame, role=role)]
    if role == "headline" and is_placeholder_headline(text):
        return [ctx.issue("error", "placeholder-headline", frame, text=text.strip())]
    return []


def asset_rules(ctx: PageContext) -> list[Issue]:
    """An image frame pointing at an asset the edition does not know or cannot read."""
    out: list[Issue] = []
    source = ctx.edition.asset_source
    for frame in ctx.page.frames:
        if not isinstance(frame, ImageFrame) or frame.asset is None or not frame.printable:
            continue
        asset = ctx.edition.assets.get(frame.asset)
        if asset is None:
            out.append(ctx.issue("error", "asset-unknown", frame, asset=frame.asset[:12]))
            continue
        try:
            available = source.has(asset.sha256)
        except OSError:
            available = False
        if not available:
            out.append(ctx.issue("error", "asset-missing", frame, name=asset.name or asset.sha256))
    return out


def _stories_on_page(ctx: PageContext) -> list[tuple[Story, TextFrame]]:
    seen: dict[str, TextFrame] = {}
    for frame in ctx.page.frames:
        if isinstance(frame, TextFrame) and frame.story_id and frame.printable:
            seen.setdefault(frame.story_id, frame)
    out: list[tuple[Story, TextFrame]] = []
    for sid, frame in seen.items():
        story = ctx.edition.stories.get(sid)
        if story is not None:
            out.append((story, frame))
    return out


def font_rules(ctx: PageContext, registry: FontRegistry) -> list[Issue]:
    """Fonts the styles ask for: not bundled (error) or a missing face substituted (warning).

    The styles are resolved the way the composer resolves them (an unknown paragraph
    style falls back to 'Body').
    """
    out: list[Issue] = []
    reported: set[tuple[str, str]] = set()
    families = registry.families()
    styles = ctx.edition.paragraph_styles
    for story, frame in _stories_on_page(ctx):
        for para in story.paragraphs:
            name = para.style if para.style in styles else "Body"
            try:
                base = resolve_paragraph_style(styles, name)
            except StyleError:
                continue  # the layout reports it (layout-failed)
            for run in para.runs:
                if not run.text:
                    continue
                cstyle = ctx.edition.character_styles.get(run.char_style or "")
                st = apply_character_style(base, cstyle)
                family, face = st.font_family, st.font_face
                if registry.has_face(family, face) or (family, face) in reported:
                    continue
                reported.add((family, face))
                font = face_key(family, face)
                if family in families and face in FACES:
                    used = registry.resolve(family, face).key
                    faces = ", ".join(registry.faces(family))
                    out.append(
                        ctx.issue(
                            "warning", "font-substituted", frame, font=font, used=used, faces=faces
                        )
                    )
                else:
                    out.append(
                        ctx.issue(
                            "error", "font-missing", frame, font=font, families=", ".join(families)
                        )
                    )
    return out
