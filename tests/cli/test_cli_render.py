"""`kupang-layout render`: a page to PNG with the Qt renderer or through the PDF."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pytest
from PIL import Image
from qt_samples import sample_edition

from kupang_layout.cli.main import main
from kupang_layout.model import mm
from kupang_layout.storage import save_edition


@pytest.fixture
def edition_file(tmp_path: Path) -> Path:
    path = tmp_path / "edisi.kpl"
    save_edition(sample_edition(n_words=300), path)
    return path


def test_render_qt(edition_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "p1.png"
    assert main(["render", str(edition_file), "--page", "1", "--png", str(out), "--dpi", "40"]) == 0
    with Image.open(out) as img:
        assert img.size == (math.ceil(mm(280 + 6) * 40 / 72), math.ceil(mm(430 + 6) * 40 / 72))
        dark = img.convert("L").point(lambda v: 255 if v < 100 else 0).histogram()[255]
        assert dark > 1000  # the headline, the text and the photo
    assert str(out) in capsys.readouterr().out


def test_render_missing_page_is_a_usage_error(
    edition_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["render", str(edition_file), "--page", "7", "--png", str(tmp_path / "x.png")])
    assert code == 2
    assert "7" in capsys.readouterr().err
    assert main(["render", str(tmp_path / "nope.kpl"), "--png", str(tmp_path / "x.png")]) == 2


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm not found")
def test_render_pdf_backend_matches_qt_size(edition_file: Path, tmp_path: Path) -> None:
    pytest.importorskip("kupang_layout.render.pdf.exporter")
    qt, pdf = tmp_path / "qt.png", tmp_path / "pdf.png"
    assert main(["render", str(edition_file), "--png", str(qt), "--dpi", "30"]) == 0
    assert (
        main(["render", str(edition_file), "--png", str(pdf), "--dpi", "30", "--backend", "pdf"])
        == 0
    )
    with Image.open(qt) as a, Image.open(pdf) as b:
        assert abs(a.width - b.width) <= 1 and abs(a.height - b.height) <= 1
