"""Test helper run as a process: a desk working on its own pages of a shared edition.

Usage: python shared_edition_child.py FOLDER NAME SEED ROUNDS PAGE [PAGE ...]

Each round checks out one of its pages at random, adds a paragraph "NAME-i" to the
page's story (making the page file when it is not there yet), saves, gives the page
back, and every fifth round records a delivery line in the shared plan. Prints
"DONE NAME saves plan_changes" at the end.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from kupang_layout.model import Edition, Page, Paragraph, Rect, Story, TextFrame
from kupang_layout.model.plan import Delivery
from kupang_layout.storage import checkout
from kupang_layout.storage.checkout import PageLockedError
from kupang_layout.storage.edition_folder import (
    SharedEdition,
    load_page_file,
    page_key,
    read_shared_edition,
    save_page_file,
    update_plan,
)


def _new_page(number: int) -> Edition:
    edition = Edition()
    story = Story(id=f"s{number}", paragraphs=[])
    edition.stories[story.id] = story
    page = Page(id=f"p{number}", number=number, width=800.0, height=1200.0)
    page.frames.append(TextFrame(id=f"t{number}", rect=Rect(40, 60, 300, 400), story_id=story.id))
    edition.pages.append(page)
    return edition


def main() -> None:
    folder, name, seed, rounds = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    numbers = [int(x) for x in sys.argv[5:]]
    rng = random.Random(seed)
    me = checkout.me(name)
    saves = plan_changes = 0
    for i in range(rounds):
        number = rng.choice(numbers)
        key = page_key([number])
        while True:
            try:
                checkout.acquire(folder, key, me)
                break
            except PageLockedError:
                time.sleep(0.01)
        try:
            shared: SharedEdition = read_shared_edition(folder)
            if shared.page_file(key).exists():
                edition = load_page_file(shared, key)
            else:
                edition = _new_page(number)
            edition.stories[f"s{number}"].paragraphs.append(Paragraph.plain("Body", f"{name}-{i}"))
            save_page_file(shared, key, edition)
            saves += 1
        finally:
            checkout.release(folder, key, me)
        if i % 5 == 0:

            def record(s: SharedEdition, i: int = i, number: int = number) -> None:
                s.plan.deliveries.append(Delivery(number, f"{name}-{i}", "", "", "", name))

            update_plan(folder, record, user=name)
            plan_changes += 1
    print("DONE", name, saves, plan_changes, flush=True)


if __name__ == "__main__":
    main()
