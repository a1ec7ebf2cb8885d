"""Storage: the shared edition folder, with real processes on real files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kupang_layout.model import Paragraph
from kupang_layout.model.plan import FlatPlan, PlanEntry
from kupang_layout.storage.edition_folder import (
    create_shared_edition,
    key_numbers,
    load_page_file,
    page_files,
    page_key,
    read_shared_edition,
    update_plan,
)
from kupang_layout.storage.errors import DocumentFileError

CHILD = Path(__file__).parents[1] / "shared_edition_child.py"


def test_keys_name_pages_and_groups() -> None:
    assert page_key([2]) == "page-02"
    assert page_key([7, 1]) == "page-01+07"
    assert key_numbers("page-01+07") == [1, 7]
    assert key_numbers("page-xx") == []


def test_a_new_shared_edition_reads_back(tmp_path: Path) -> None:
    plan = FlatPlan(page_count=16, entries={2: PlanEntry(2, section="Daerah")})
    create_shared_edition(tmp_path / "KT537", number="537", date="2026-12-07", plan=plan)
    shared = read_shared_edition(tmp_path / "KT537")
    assert (shared.number, shared.date, shared.plan) == ("537", "2026-12-07", plan)
    with pytest.raises(DocumentFileError):
        create_shared_edition(tmp_path / "KT537")
    with pytest.raises(DocumentFileError):
        read_shared_edition(tmp_path)


def test_two_desks_saving_their_pages_and_the_plan_lose_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "KT537"
    create_shared_edition(folder, number="537", plan=FlatPlan(page_count=4))
    rounds = 200
    desks = {"Rina": ["1", "3"], "Yos": ["2", "4"]}
    children = {
        name: subprocess.Popen(
            [sys.executable, str(CHILD), str(folder), name, str(seed), str(rounds), *pages],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for seed, (name, pages) in enumerate(desks.items())
    }
    results = {}
    for name, child in children.items():
        out, err = child.communicate(timeout=600)
        assert child.returncode == 0, err
        results[name] = out.split()
    shared = read_shared_edition(folder)
    assert sorted(page_files(shared)) == ["page-01", "page-02", "page-03", "page-04"]
    for name, pages in desks.items():
        assert results[name] == ["DONE", name, str(rounds), str(rounds // 5)]
        written: list[int] = []
        for number in pages:
            key = page_key([int(number)])
            edition = load_page_file(shared, key)
            texts = [p.text for p in edition.stories[f"s{number}"].paragraphs]
            assert all(t.startswith(f"{name}-") for t in texts)
            indices = [int(t.split("-")[1]) for t in texts]
            assert indices == sorted(indices)  # every save saw the one before it
            written.extend(indices)
        assert sorted(written) == list(range(rounds))  # no save lost
    by_desk = {name: [d for d in shared.plan.deliveries if d.by == name] for name in desks}
    assert {n: len(v) for n, v in by_desk.items()} == {n: rounds // 5 for n in desks}
    assert shared.revision == 2 * (rounds // 5)


def test_plan_changes_keep_what_others_wrote(tmp_path: Path) -> None:
    folder = tmp_path / "KT"
    create_shared_edition(folder, plan=FlatPlan(page_count=2))

    def ready(n: int):  # type: ignore[no-untyped-def]
        def change(s):  # type: ignore[no-untyped-def]
            s.plan.entries[n] = PlanEntry(n, ready=True)

        return change

    update_plan(folder, ready(1))
    update_plan(folder, ready(2))
    plan = read_shared_edition(folder).plan
    assert plan.entry(1).ready and plan.entry(2).ready


def test_page_file_save_based_on_an_old_revision_is_refused(tmp_path: Path) -> None:
    from kupang_layout.storage.edition_folder import save_page_file
    from kupang_layout.storage.errors import ConcurrentChangeError

    sys.path.insert(0, str(CHILD.parent))
    from shared_edition_child import _new_page

    folder = tmp_path / "KT"
    shared = create_shared_edition(folder)
    save_page_file(shared, "page-03", _new_page(3))
    mine = load_page_file(shared, "page-03")
    theirs = load_page_file(shared, "page-03")
    theirs.stories["s3"].paragraphs.append(Paragraph.plain("Body", "theirs"))
    save_page_file(shared, "page-03", theirs)
    mine.stories["s3"].paragraphs.append(Paragraph.plain("Body", "mine"))
    with pytest.raises(ConcurrentChangeError):
        save_page_file(shared, "page-03", mine)
    texts = [p.text for p in load_page_file(shared, "page-03").stories["s3"].paragraphs]
    assert texts == ["theirs"]


def test_unpack_then_pack_gives_the_same_pages_and_keeps_jumps_together(tmp_path: Path) -> None:
    from feature_editions import jump

    from kupang_layout.cli.sample_edition import build_sample_edition
    from kupang_layout.storage.edition_pack import pack_edition, page_groups, unpack_edition

    sample = build_sample_edition().edition
    jumping = jump()
    for name, edition in (("sample", sample), ("jump", jumping)):
        shared = unpack_edition(edition, tmp_path / name)
        keys = sorted(page_files(shared))
        expected = sorted(page_key(p.number for p in group) for group in page_groups(edition))
        assert keys == expected
        packed = pack_edition(tmp_path / name)
        assert packed.warnings == []
        back = packed.edition
        assert [p.number for p in back.pages] == sorted(p.number for p in edition.pages)
        for page in edition.pages:
            assert back.page_by_number(page.number) == page
        shown = {
            f.story_id for p in edition.pages for f in p.frames if getattr(f, "story_id", None)
        }
        for sid in shown:
            assert back.stories[sid] == edition.stories[sid]
        for sha in back.assets:
            assert back.asset_source.read(sha) == edition.asset_source.read(sha)
    assert sorted(page_files(read_shared_edition(tmp_path / "jump"))) == ["page-01+02"]
