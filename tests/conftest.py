"""Shared fixtures: where the repository's samples and the optional ../shared data live."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run, so CI is reproducible; run with
# HYPOTHESIS_PROFILE=explore to search new examples while developing.
settings.register_profile("ci", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# The derived mojibake tables go to a folder of this test session, never to the user's cache
# (and subprocesses of the CLI tests inherit it).
os.environ.setdefault("CLEANNEWS_CACHE_DIR", tempfile.mkdtemp(prefix="cleannews-tables-"))

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
EXPECTED = ROOT / "tests" / "expected"
SHARED = ROOT.parent / "shared"

# A small dirty dump: breadcrumb, title, metadata line, widgets around one paragraph.
DIRTY = "首页 > 新闻\n某地举行冬季运动会\n2024-01-05 10:00 来源：某某网\n小字号\n运动会吸引了上千名群众参加，现场气氛热烈。\n返回顶部\n"


def cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the command line as a user would, in a fresh process."""
    return subprocess.run([sys.executable, "-m", "cleannews", *args], input=stdin, capture_output=True, cwd=cwd,
                          timeout=300, env={**os.environ, **(env or {})})


@pytest.fixture
def shared() -> Path:
    """The ../shared data directory; tests that need it skip on a user's clone, where it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present (it only exists in the development workspace)")
    return SHARED


@pytest.fixture
def pipeline_inputs(monkeypatch) -> list[int]:
    """The length of every text handed to ``pipeline.clean`` (as the CLI and the record cleaner call it)."""
    from cleannews import pipeline, records

    seen, real = [], pipeline.clean

    def spy(data, *args, **kwargs):
        seen.append(len(data))
        return real(data, *args, **kwargs)

    monkeypatch.setattr(pipeline, "clean", spy)
    monkeypatch.setattr(records, "clean", spy)
    return seen
