"""End-to-end test of the pre-commit hooks in ``.pre-commit-hooks.yaml``.

A scratch git repository holding one dirty dump is checked with
``pre-commit try-repo <cleannews> cleannews-check`` and fixed with
``cleannews-fix``, exactly as a user's pre-commit would run the hooks: the hook
environment is a fresh virtualenv into which pre-commit pip-installs cleannews.

try-repo clones the repository's *committed and tracked* files (plus
uncommitted changes to tracked files), so an untracked, not yet committed
``.pre-commit-hooks.yaml`` would be invisible to it. The test therefore
snapshots the working tree (tracked files plus untracked files that git does
not ignore) into a temporary repository with one commit, and points try-repo at
that.

try-repo always builds the hook virtualenv in a throw-away store of its own
(``Store(tempfile.TemporaryDirectory())`` in pre_commit/commands/try_repo.py),
whatever ``PRE_COMMIT_HOME`` says, so every try-repo run pip-installs cleannews
afresh (~20 s each here; it needs PyPI or a local wheel index). The test keeps
to three runs: check, fix, then both hooks together. ``PRE_COMMIT_HOME`` still
points at a module-wide temporary directory so that nothing is written to the
user's ~/.cache/pre-commit. Every subprocess has a timeout; the module takes
about a minute.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / ".pre-commit-hooks.yaml"

# Signs that building the hook environment failed for lack of network/index,
# not because of a bug in the manifest or the package.
_NETWORK_ERRORS = (
    "NewConnectionError",
    "Temporary failure in name resolution",
    "Name or service not known",
    "Network is unreachable",
    "Failed to establish a new connection",
    "Could not find a version that satisfies",
    "No matching distribution found",
    "ProxyError",
    "ConnectTimeoutError",
    "ReadTimeoutError",
)

# Each try-repo run clones the snapshot, creates a virtualenv and pip-installs cleannews.
TRY_REPO_TIMEOUT = 120

DIRTY = (
    "首页 > 新闻 > 本地新闻\n"
    "我市举办冬季长跑活动 千余名市民参加\n"
    "2024-01-05 10:00 来源：某某网\n"
    "【字号：大 中 小】\n"
    "小字号\n"
    "1月4日上午，我市冬季长跑活动在市体育中心开跑，千余名市民参加了比赛。\n"
    "活动由市体育局主办，全程约五公里，沿途设有多个补给站。\n"
    "返回顶部\n"
)

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git_env() -> dict[str, str]:
    env = dict(os.environ)
    # Running inside a git hook leaks these; they would point git at the wrong repository.
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES"):
        env.pop(name, None)
    env.update(
        GIT_AUTHOR_NAME="cleannews test",
        GIT_AUTHOR_EMAIL="test@example.invalid",
        GIT_COMMITTER_NAME="cleannews test",
        GIT_COMMITTER_EMAIL="test@example.invalid",
        GIT_CONFIG_NOSYSTEM="1",
    )
    return env


def _git(cwd: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=_git_env(), capture_output=True, text=True, timeout=60, check=True
    )
    return done.stdout


def _init_repo(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)
    _git(path, "init", "-q")
    _git(path, "config", "user.name", "cleannews test")
    _git(path, "config", "user.email", "test@example.invalid")
    _git(path, "config", "commit.gpgsign", "false")


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if importlib.util.find_spec("pre_commit") is None:
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A one-commit snapshot of the cleannews working tree, including uncommitted and untracked files."""
    if not (ROOT / ".git").exists():
        pytest.skip(f"{ROOT} is not a git checkout")
    if not MANIFEST.is_file():
        pytest.fail(f"{MANIFEST} is missing")
    listing = _git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    snapshot = tmp_path_factory.mktemp("cleannews-snapshot")
    _init_repo(snapshot)
    for name in sorted(set(filter(None, listing.split("\0")))):
        source = ROOT / name
        if not source.is_file():  # deleted in the working tree, or a submodule
            continue
        target = snapshot / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    _git(snapshot, "add", "-A")
    _git(snapshot, "commit", "-q", "-m", "snapshot of the cleannews working tree")
    return snapshot


def _try_repo(hook_repo: Path, hook_id: str | None, cwd: Path, home: Path) -> subprocess.CompletedProcess:
    """``pre-commit try-repo HOOK_REPO [HOOK_ID] --all-files`` in ``cwd``; no HOOK_ID runs every hook."""
    env = _git_env()
    env["PRE_COMMIT_HOME"] = str(home)
    env.pop("PRE_COMMIT", None)
    env.pop("SKIP", None)
    cmd = [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), *([hook_id] if hook_id else []),
           "--all-files", "--verbose", "--color", "never"]
    try:
        done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=TRY_REPO_TIMEOUT)
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"`{' '.join(cmd[3:])}` took more than {TRY_REPO_TIMEOUT} s:\n{exc.stdout}\n{exc.stderr}")
    output = done.stdout + done.stderr
    if done.returncode == 3:  # pre-commit's "unexpected error", e.g. the environment could not be built
        log = home / "pre-commit.log"
        details = output + (log.read_text(encoding="utf-8", errors="replace") if log.is_file() else "")
        if any(sign in details for sign in _NETWORK_ERRORS):
            pytest.skip(f"building the hook environment needs PyPI, which is unreachable:\n{details[-2000:]}")
    return done


@pytest.fixture
def dump_repo(tmp_path: Path) -> tuple[Path, Path]:
    repo = tmp_path / "news"
    _init_repo(repo)
    dump = repo / "dumps" / "local.txt"
    dump.parent.mkdir()
    dump.write_bytes(DIRTY.encode("utf-8"))
    (repo / "notes.md").write_text("not a dump: 首页 > 新闻\n", encoding="utf-8")  # outside `files`
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "add a raw dump")
    return repo, dump


def test_manifest_validates() -> None:
    if importlib.util.find_spec("pre_commit") is None:
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", str(MANIFEST)],
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_manifest_rejects_a_broken_copy(tmp_path: Path) -> None:
    """validate-manifest really validates (guards against a vacuous pass above)."""
    if importlib.util.find_spec("pre_commit") is None:
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    broken = tmp_path / ".pre-commit-hooks.yaml"
    broken.write_text(MANIFEST.read_text(encoding="utf-8").replace("language: python", "language: pythn", 1), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", str(broken)],
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode != 0


def test_check_then_fix_through_pre_commit(hook_repo: Path, pre_commit_home: Path, dump_repo: tuple[Path, Path]) -> None:
    repo, dump = dump_repo
    notes = (repo / "notes.md").read_bytes()

    # cleannews-check: fails, names the file, writes nothing.
    done = _try_repo(hook_repo, "cleannews-check", repo, pre_commit_home)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "would clean dumps/local.txt" in output, output
    assert "files were modified" not in output, output
    assert dump.read_bytes() == DIRTY.encode("utf-8")

    # cleannews-fix: exits 0 itself, but pre-commit fails the run because the file changed.
    done = _try_repo(hook_repo, "cleannews-fix", repo, pre_commit_home)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "files were modified by this hook" in output, output
    fixed = dump.read_text(encoding="utf-8")
    assert fixed != DIRTY
    assert "标题：我市举办冬季长跑活动 千余名市民参加" in fixed
    assert "日期：2024-01-05" in fixed
    assert "来源：某某网" in fixed
    assert "千余名市民参加了比赛" in fixed
    for debris in ("首页 > 新闻", "小字号", "返回顶部"):
        assert debris not in fixed, fixed
    assert (repo / "notes.md").read_bytes() == notes  # not matched by `files`

    # Both hooks (try-repo without a hook id runs every hook in the manifest) pass on the fixed
    # tree, and nothing changes any more.
    done = _try_repo(hook_repo, None, repo, pre_commit_home)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "- hook id: cleannews-check" in output and "- hook id: cleannews-fix" in output, output
    assert output.count("Passed") == 2, output
    assert dump.read_text(encoding="utf-8") == fixed
