"""The ``cleannews`` command: a thin layer over :mod:`cleannews.pipeline`.

Conventions follow black and ruff: files are fixed in place, ``-`` reads
standard input and writes standard output, ``--check`` and ``--diff`` write
nothing, and the exit code is 0 (done or clean), 1 (changes found under
``--check``, or a file failed) or 2 (usage error).
"""

from __future__ import annotations

import difflib
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Annotated, List, Optional

import typer

from .document import PASS_ORDER, TARGETS, Options

app = typer.Typer(
    add_completion=True,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Clean raw dumps of scraped Chinese news: repair mojibake, normalise the script, "
    "strip boilerplate and spam, and split dumps into articles.",
)


class Format(str, Enum):
    text = "text"
    jsonl = "jsonl"


class Target(str, Enum):
    zh_hans = "zh-hans"
    zh_hant = "zh-hant"
    zh_tw = "zh-tw"
    zh_hk = "zh-hk"
    keep = "keep"


assert tuple(t.value for t in Target) == TARGETS



# Options shared by `fix` and `check`, declared once.
PassesOpt = Annotated[Optional[str], typer.Option("--passes", help="Comma-separated passes to run, always in pipeline order [default: mojibake,script,boilerplate,segment].")]
TargetOpt = Annotated[Optional[Target], typer.Option("--to", help="Target script [default: zh-hans].")]
DiffOpt = Annotated[bool, typer.Option("--diff", help="Print a unified diff of the changes; write nothing.")]
ExplainOpt = Annotated[bool, typer.Option("--explain", help="List every edit (pass, rule, span, reason) on standard error.")]
GlobOpt = Annotated[Optional[str], typer.Option("--glob", help="Files to take from directories [default: *.txt].")]
JobsOpt = Annotated[int, typer.Option("-j", "--jobs", help="Worker processes (0 = all cores).")]
QuietOpt = Annotated[bool, typer.Option("-q", "--quiet", help="Print only errors.")]
ReportOpt = Annotated[Optional[Path], typer.Option("--report", help="Write a JSON summary per file (edits and characters removed by pass, articles, encoding).")]
ConfigOpt = Annotated[Optional[Path], typer.Option("--config", help="Configuration file [default: nearest cleannews.toml or pyproject.toml with [tool.cleannews]].")]

@dataclass
class Outcome:
    """What happened to one input."""

    name: str
    original: str = ""
    output: str = ""
    records: str = ""  # JSONL records when requested
    changed: bool = False
    error: Optional[str] = None
    edits: List[dict] = field(default_factory=list)
    encoding: str = ""
    articles: int = 0

    def summary(self) -> dict:
        """The machine-readable per-file record of ``--report``."""
        by_pass: dict[str, dict[str, int]] = {}
        for edit in self.edits:
            entry = by_pass.setdefault(edit["pass_name"], {"edits": 0, "chars_removed": 0, "chars_added": 0})
            entry["edits"] += 1
            entry["chars_removed"] += len(edit["before"])
            entry["chars_added"] += len(edit["after"]) if edit["after"] != "\n" else 0
        return {"file": self.name, "error": self.error, "changed": self.changed, "encoding": self.encoding or None,
                "articles": self.articles, "passes": by_pass}


def _parse_passes(value: str) -> tuple[str, ...]:
    names = tuple(p.strip() for p in value.split(",") if p.strip())
    unknown = [p for p in names if p not in PASS_ORDER]
    if unknown or not names:
        raise typer.BadParameter(f"unknown pass {unknown[0] if unknown else value!r}; choose from {','.join(PASS_ORDER)}")
    return names


def process(data: bytes, name: str, options: Options, want_jsonl: bool, debug: bool = False) -> Outcome:
    """Clean one input; never raises (errors become ``Outcome.error``)."""
    from .decode import InputError
    from .pipeline import SafetyError, clean
    from .textformat import render_jsonl

    outcome = Outcome(name=name)
    try:
        result = clean(data, name=name, options=options)
    except InputError as exc:
        outcome.error = str(exc)
        return outcome
    except SafetyError as exc:
        outcome.error = f"safety check failed, file left unchanged: {exc}"
        return outcome
    except Exception as exc:  # an internal error must not become a traceback for the user
        if debug:
            raise
        outcome.error = f"internal error: {type(exc).__name__}: {exc} (rerun with --debug for the trace)"
        return outcome
    outcome.original = result.input_text
    outcome.output = result.text
    outcome.encoding = result.encoding
    outcome.changed = result.text.encode("utf-8") != data
    outcome.edits = [e.to_dict() for e in result.edits]
    if result.articles is not None:
        outcome.articles = len(result.articles)
        if want_jsonl:
            outcome.records = render_jsonl(result.articles, file=name)
    return outcome


def _process_path(args: tuple[str, Options, bool, bool]) -> Outcome:
    from .files import FileError, read_bytes

    path, options, want_jsonl, debug = args
    try:
        data = read_bytes(Path(path))
    except FileError as exc:
        return Outcome(name=path, error=str(exc))
    return process(data, path, options, want_jsonl, debug)


def _diff(outcome: Outcome, color: bool) -> str:
    lines = difflib.unified_diff(
        outcome.original.splitlines(keepends=True),
        outcome.output.splitlines(keepends=True),
        fromfile=f"{outcome.name}\t(original)",
        tofile=f"{outcome.name}\t(cleaned)",
    )
    text = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
    if not color:
        return text
    from rich.console import Console
    from rich.syntax import Syntax

    console = Console(file=sys.stdout, force_terminal=True)
    with console.capture() as capture:
        console.print(Syntax(text, "diff", theme="ansi_dark", background_color="default"))
    return capture.get()


@app.command()
def fix(
    paths: List[str] = typer.Argument(..., help="Files or directories to clean; '-' reads standard input."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here instead of in place: a file, or a directory that mirrors the input tree."),
    fmt: Format = typer.Option(Format.text, "--format", help="text (the stable article format) or jsonl (one article per line)."),
    passes: PassesOpt = None,
    to: TargetOpt = None,
    check: bool = typer.Option(False, "--check", help="Write nothing; exit 1 if any file would change."),
    diff: DiffOpt = False,
    explain: ExplainOpt = False,
    glob: GlobOpt = None,
    jobs: JobsOpt = 0,
    quiet: QuietOpt = False,
    report: ReportOpt = None,
    keep_removed: Optional[Path] = typer.Option(None, "--keep-removed", help="Write every edit (file, line, span, pass, reason, before, after) as JSON Lines."),
    config: ConfigOpt = None,
    debug: bool = typer.Option(False, "--debug", help="Show the traceback of internal errors."),
) -> None:
    """Clean dumps in place (or to -o / standard output)."""
    from .config import ConfigError, load_config
    from .files import iter_inputs, write_atomic

    try:
        settings = load_config(config)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise typer.Exit(2)
    options, glob, skip = _settings(settings, passes, to, glob)
    want_jsonl = fmt is Format.jsonl
    failures = changed = 0
    err = sys.stderr

    if paths == ["-"]:
        data = sys.stdin.buffer.read()
        outcome = process(data, "-", options, want_jsonl, debug)
        _report_explain(outcome, explain)
        _write_audit([outcome], report, keep_removed)
        if outcome.error:
            print(f"error: <stdin>: {outcome.error}", file=err)
            raise typer.Exit(1)
        if diff:
            sys.stdout.write(_diff(outcome, sys.stdout.isatty()))
        elif not check:
            text = outcome.records if want_jsonl else outcome.output
            if output:
                write_atomic(output, text)
            else:
                sys.stdout.write(text)
        raise typer.Exit(1 if check and outcome.changed else 0)
    if "-" in paths:
        raise typer.BadParameter("'-' (standard input) cannot be mixed with paths")

    inputs = list(iter_inputs(paths, glob, skip))
    if not inputs:
        print("error: no input files found", file=err)
        raise typer.Exit(1)
    workers = jobs or os.cpu_count() or 1
    tasks = [(str(file), options, want_jsonl, debug) for file, _ in inputs]
    if workers > 1 and len(tasks) > 1:
        with ProcessPoolExecutor(max_workers=min(workers, len(tasks))) as pool:
            outcomes = list(pool.map(_process_path, tasks, chunksize=4))
    else:
        outcomes = [_process_path(task) for task in tasks]

    _write_audit(outcomes, report, keep_removed)
    single_output = output is not None and not output.is_dir() and not any(Path(p).is_dir() for p in paths)
    collected: list[str] = []
    for (file, base), outcome in zip(inputs, outcomes):
        _report_explain(outcome, explain)
        if outcome.error:
            failures += 1
            print(f"error: {file}: {outcome.error}", file=err)
            continue
        if diff and outcome.changed:
            sys.stdout.write(_diff(outcome, sys.stdout.isatty()))
        if check or diff:
            if outcome.changed:
                changed += 1
                if check and not quiet:
                    print(f"would clean {file}", file=err)
            continue
        text = outcome.records if want_jsonl else outcome.output
        if single_output:
            collected.append(text)
        elif output is not None:
            relative = file.relative_to(base) if base != file else Path(file.name)
            if want_jsonl:
                relative = relative.with_suffix(".jsonl")
            write_atomic(output / relative, text)
        elif want_jsonl:
            sys.stdout.write(text)
        elif outcome.changed:
            write_atomic(file, text)
            changed += 1
            if not quiet:
                print(f"cleaned {file}", file=err)
    if single_output:
        joiner = "" if want_jsonl else "\n---\n\n"
        write_atomic(output, joiner.join(t for t in collected if t))
    if not quiet:
        verb = "would be cleaned" if check or diff else "cleaned"
        print(f"{len(inputs)} file(s): {changed} {verb}, {failures} failed", file=err)
    raise typer.Exit(1 if failures or (check and changed) else 0)


def _report_explain(outcome: Outcome, explain: bool) -> None:
    if explain:
        from .edits import Edit

        for edit in outcome.edits:
            print(f"{outcome.name}: {Edit(**edit).describe()}", file=sys.stderr)


def _write_audit(outcomes: List[Outcome], report: Optional[Path], keep_removed: Optional[Path]) -> None:
    """``--report``: a JSON summary per file; ``--keep-removed``: every edit, to audit or restore."""
    from .files import write_atomic

    if report is not None:
        write_atomic(report, json.dumps({"files": [o.summary() for o in outcomes]}, ensure_ascii=False, indent=1) + "\n")
    if keep_removed is not None:
        lines = (json.dumps({"file": o.name, **edit}, ensure_ascii=False) for o in outcomes for edit in o.edits)
        write_atomic(keep_removed, "".join(line + "\n" for line in lines))


def _settings(config: dict, passes: Optional[str], to: Optional["Target"], glob: Optional[str]) -> tuple[Options, str, tuple]:
    """Merge command-line flags over the configuration file."""
    chosen_passes = _parse_passes(passes) if passes else tuple(config.get("passes", PASS_ORDER))
    target = to.value if to else config.get("to", "zh-hans")
    try:
        options = Options(
            passes=chosen_passes,
            target=target,
            extra_boilerplate=tuple(config.get("extra-boilerplate", ())),
            protect=tuple(config.get("protect", ())),
        )
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    return options, glob or config.get("glob", "*.txt"), tuple(config.get("skip", ()))


@app.command("check")
def check_command(
    paths: List[str] = typer.Argument(..., help="Files or directories to check; '-' reads standard input."),
    passes: PassesOpt = None,
    to: TargetOpt = None,
    diff: DiffOpt = False,
    explain: ExplainOpt = False,
    glob: GlobOpt = None,
    jobs: JobsOpt = 0,
    quiet: QuietOpt = False,
    report: ReportOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Report files that are not clean (same as `fix --check`); never writes the files."""
    fix(paths=paths, output=None, fmt=Format.text, passes=passes, to=to, check=True, diff=diff, explain=explain,
        glob=glob, jobs=jobs, quiet=quiet, report=report, keep_removed=None, config=config, debug=False)


def main() -> None:
    """Console entry point: no traceback ever reaches the user unless --debug is given."""
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        raise SystemExit(130)
    except Exception as exc:  # pragma: no cover - last line of defence
        if "--debug" in sys.argv:
            raise
        print(f"error: internal error: {type(exc).__name__}: {exc} (rerun with --debug for the trace)", file=sys.stderr)
        raise SystemExit(1)
