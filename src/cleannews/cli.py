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
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Annotated, List, Optional

import typer

from .document import PASS_ORDER, TARGETS, Options
from .textformat import ARTICLE_SEPARATOR

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


class InputFormat(str, Enum):
    text = "text"
    jsonl = "jsonl"
    parquet = "parquet"
    warc = "warc"


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
HtmlReportOpt = Annotated[Optional[Path], typer.Option("--html-report", help="Write a self-contained HTML page showing what every pass did to every file.")]
ConfigOpt = Annotated[Optional[Path], typer.Option("--config", help="Configuration file [default: nearest cleannews.toml or pyproject.toml with [tool.cleannews]].")]

@dataclass
class FileRun:
    """What happened to one input, accumulated piece by piece as results arrive."""

    name: str
    error: Optional[str] = None
    changed: bool = False
    encoding: str = ""
    articles: int = 0
    by_pass: dict = field(default_factory=dict)
    fingerprint: Optional[tuple] = None
    writer: Optional[object] = None  # files.AtomicWriter while the output is being written
    wrote_output: bool = False
    worker_wrote: bool = False  # the worker that cleaned the file took care of its output
    pieces: List = field(default_factory=list)  # batch.PieceResult, kept for --diff and --html-report only

    def summary(self) -> dict:
        """The machine-readable per-file record of ``--report``."""
        return {"file": self.name, "error": self.error, "changed": self.changed, "encoding": self.encoding or None,
                "articles": self.articles, "passes": self.by_pass}


@dataclass
class _Tally:
    """The batch so far, as totals: what stays in memory does not grow with the number of files
    (except the per-file records that ``--report`` and ``--html-report`` ask for)."""

    files: int = 0
    failed: int = 0
    changed: int = 0
    articles: int = 0
    by_pass: dict = field(default_factory=dict)
    summaries: Optional[list] = None  # FileRun.summary() of every file, for --report
    entries: Optional[list] = None  # review entries of every file, for --html-report

    def add(self, run: FileRun, joiner: str) -> None:
        self.files += 1
        self.failed += bool(run.error)
        self.changed += run.changed and not run.error
        self.articles += run.articles
        _add_counts(self.by_pass, run.by_pass)
        if self.summaries is not None:
            self.summaries.append(run.summary())
        if self.entries is not None:
            from .review import entry_from_error, entry_from_pieces

            self.entries.append(entry_from_error(run.name, run.error) if run.error else entry_from_pieces(run.name, run.pieces, joiner))


def _add_counts(into: dict, by_pass: dict) -> None:
    """Add per-pass counts (:func:`cleannews.batch.count_edits`) into running totals."""
    for name, entry in by_pass.items():
        total = into.setdefault(name, dict.fromkeys(entry, 0))
        for key, value in entry.items():
            total[key] += value


def _parse_passes(value: str) -> tuple[str, ...]:
    names = tuple(p.strip() for p in value.split(",") if p.strip())
    unknown = [p for p in names if p not in PASS_ORDER]
    if unknown or not names:
        raise typer.BadParameter(f"unknown pass {unknown[0] if unknown else value!r}; choose from {','.join(PASS_ORDER)}")
    return names


def _diff(run: FileRun, joiner: str, color: bool) -> str:
    lines = difflib.unified_diff(
        "".join(piece.input_text for piece in run.pieces).splitlines(keepends=True),
        joiner.join(piece.output for piece in run.pieces if piece.output).splitlines(keepends=True),
        fromfile=f"{run.name}\t(original)",
        tofile=f"{run.name}\t(cleaned)",
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
    html_report: HtmlReportOpt = None,
    input_format: Optional[InputFormat] = typer.Option(None, "--input-format", help="Read inputs as this format [default: from the file name: .jsonl/.ndjson, .parquet, .warc, text; .gz/.zst are decompressed]."),
    text_field: str = typer.Option("text", "--text-field", help="The field holding the text in JSONL and Parquet records."),
    config: ConfigOpt = None,
    debug: bool = typer.Option(False, "--debug", help="Show the traceback of internal errors."),
) -> None:
    """Clean dumps in place (or to -o / standard output).

    Record files (JSON Lines, Parquet, WARC, and gzip/zstd-compressed inputs) are cleaned
    record by record: the text field is replaced and a `cleannews` field added.
    """
    from .batch import Settings, joiner, run_tasks, tasks_for
    from .config import ConfigError, load_config
    from .files import AtomicWriter, iter_inputs

    try:
        settings = load_config(config)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise typer.Exit(2)
    options, glob, skip = _settings(settings, passes, to, glob)
    stdin, failed = paths == ["-"], 0
    to_stdout = output is not None and str(output) == "-"  # '-o -' is standard output, as '-' is standard input
    output = None if to_stdout else output
    workers = jobs or os.cpu_count() or 1
    if "-" in paths and not stdin:
        raise typer.BadParameter("'-' (standard input) cannot be mixed with paths")
    if stdin:
        inputs = [(Path("-"), Path("-"))]
    else:
        inputs = _unique(iter_inputs(paths, glob, skip))
        if not inputs:
            print("error: no input files found", file=sys.stderr)
            raise typer.Exit(1)
        records = [(f, b) for f, b in inputs if _record_format(f, input_format)]
        if records:
            if to_stdout:
                raise typer.BadParameter("'-o -' writes text dumps; record files (JSONL, Parquet, WARC) need a file or directory")
            if check or diff:
                raise typer.BadParameter("--check and --diff work on text dumps, not on record files (JSONL, Parquet, WARC)")
            inputs = [item for item in inputs if item not in records]
            failed = _clean_record_files(records, output, options, input_format, text_field, jobs, quiet)
            if not inputs:
                raise typer.Exit(1 if failed else 0)
        options = _with_common_lines(options, [str(f) for f, _ in inputs], workers)
    mode = _Mode(
        check=check or diff, diff=diff, jsonl=fmt is Format.jsonl, explain=explain, quiet=quiet,
        stdout=to_stdout or (stdin and output is None) or (fmt is Format.jsonl and output is None),
        single=output if output is not None and (stdin or (not output.is_dir() and not any(Path(p).is_dir() for p in paths))) else None,
        mirror=output if output is not None and not stdin and (output.is_dir() or any(Path(p).is_dir() for p in paths)) else None,
        joiner=joiner(options),
    )
    per_file = not (mode.check or mode.stdout or mode.single is not None)
    tasks = tasks_for([str(f) for f, _ in inputs], stdin=sys.stdin.buffer if stdin else None,
                      targets=[str(_target(source, mode)) for source in inputs] if per_file else None)
    keep_input = diff or html_report is not None
    results = run_tasks(tasks, Settings(options, keep_input=keep_input, keep_edits=explain or keep_removed is not None,
                                        jsonl=mode.jsonl, in_place=mode.mirror is None, debug=debug), workers)
    audit = AtomicWriter(keep_removed) if keep_removed is not None else None
    single = AtomicWriter(mode.single) if mode.single is not None and not mode.check else None
    tally = _Tally(summaries=[] if report is not None else None, entries=[] if html_report is not None else None)
    run: Optional[FileRun] = None
    try:
        with _progress(len(inputs), quiet or stdin) as advance:
            for result in results:
                if result.piece == 0:
                    run = FileRun(name="<stdin>" if stdin else str(inputs[result.file][0]))
                if keep_input:
                    run.pieces.append(result)
                _take(run, result, inputs[result.file], mode, single, audit)
                if result.last:
                    _finish(run, mode, inputs[result.file][0])
                    tally.add(run, mode.joiner)
                    advance()
    except BaseException:
        for writer in (single, audit, run.writer if run else None):
            if writer is not None:
                writer.abort()
        raise
    if single is not None:
        if tally.failed:
            single.abort()
            print(f"error: {mode.single} not written: {tally.failed} input(s) failed", file=sys.stderr)
        else:
            single.commit()
    if audit is not None:
        audit.commit()
    if report is not None:
        from .files import write_atomic

        write_atomic(report, json.dumps({"files": tally.summaries}, ensure_ascii=False, indent=1) + "\n")
    if html_report is not None:
        from .review import write_review

        write_review(html_report, tally.entries)
    if not quiet and not stdin:
        _print_summary(tally, mode)
    raise typer.Exit(1 if tally.failed or failed or (check and tally.changed) else 0)


def _record_format(file: Path, forced: Optional[InputFormat]) -> Optional[str]:
    """The record format of ``file`` when it is not a plain text dump (compressed text counts as records)."""
    from .records import detect_format, split_compression

    try:
        fmt = forced.value if forced else detect_format(file)
    except ValueError:
        return None
    return fmt if fmt != "text" or split_compression(file)[1] else None


def _clean_record_files(files: list, output: Optional[Path], options: Options, forced: Optional[InputFormat],
                        text_field: str, jobs: int, quiet: bool) -> int:
    """Clean JSONL/Parquet/WARC files with :func:`cleannews.records.clean_file`; return how many failed."""
    from .records import clean_file, default_output

    failed = 0
    for file, base in files:
        if output is None:
            target = default_output(file)
        elif output.is_dir() or base != file:
            target = output / (file.relative_to(base) if base != file else default_output(file).name)
        else:
            target = output
        try:
            counts = clean_file(file, target, options, input_format=forced.value if forced else None,
                                text_field=text_field, jobs=jobs)
        except (ValueError, OSError, EOFError, ImportError) as exc:
            failed += 1
            print(f"error: {file}: {exc}", file=sys.stderr)
            continue
        if counts.errors:
            failed += 1
            print(f"error: {file}: {counts.errors} record(s) could not be cleaned and were kept as they were "
                  f"(see their cleannews.error field)", file=sys.stderr)
        if not quiet:
            print(f"cleaned {file} -> {target}: {counts.records} record(s), {counts.changed} changed", file=sys.stderr)
    return failed


@dataclass
class _Mode:
    """Where outputs go and what is printed, decided once from the flags."""

    check: bool
    diff: bool
    jsonl: bool
    explain: bool
    quiet: bool
    stdout: bool
    single: Optional[Path]
    mirror: Optional[Path]
    joiner: str
    single_text: bool = False  # something was already written to the single output


def _unique(inputs) -> list:
    """Each real file once, even when a symlink and its target are both listed."""
    seen, out = set(), []
    for file, base in inputs:
        key = os.path.realpath(file)
        if key not in seen:
            seen.add(key)
            out.append((file, base))
    return out


def _with_common_lines(options: Options, files: List[str], workers: int) -> Options:
    """Find lines repeated across many files of the batch (site chrome) before cleaning any file.

    Each worker reduces a file to its candidate lines (:func:`cleannews.batch.candidate_lines`); counting
    those gives what counting every line of every file would, as only candidates can be common.
    """
    if not options.runs("boilerplate") or len(files) < 3:
        return options
    from dataclasses import replace

    from .batch import candidate_lines, map_files
    from .boilerplate import common_lines

    reduced = ("\n".join(lines) for lines in map_files(candidate_lines, files, workers))
    # a line in at least 3 files and a fifth of the batch is chrome, not news (news rarely repeats verbatim)
    return replace(options, common_lines=common_lines(reduced, max(3, -(-len(files) // 5))))


def _take(run: FileRun, result, source: tuple, mode: _Mode, single, audit) -> None:
    """Fold one piece's result into its file's run and stream its output where it goes."""
    from .batch import jsonl_text

    if run.error:
        return
    if result.error:
        run.error = result.error
        if run.writer is not None:
            run.writer.abort()
            run.writer = None
        return
    run.changed |= result.changed
    run.encoding = run.encoding or result.encoding
    run.fingerprint = run.fingerprint or result.fingerprint
    run.worker_wrote = result.written
    _add_counts(run.by_pass, result.by_pass)
    for edit in result.edits:
        if mode.explain:
            from .edits import Edit

            print(f"{run.name}: {Edit(**edit).describe()}", file=sys.stderr)
        if audit is not None:
            audit.write(json.dumps({"file": run.name, **edit}, ensure_ascii=False) + "\n")
    first_article, run.articles = run.articles, run.articles + result.article_count
    if mode.check or result.written:
        return
    if mode.jsonl:
        text = jsonl_text(result.articles or [], run.name, first_article)
    else:
        text = result.output
        if text and run.wrote_output:
            text = mode.joiner + text
        elif text and single is not None and mode.single_text:  # the next file in one output file
            text = f"\n{ARTICLE_SEPARATOR}\n\n" + text
    if text:
        run.wrote_output = True
    _emit(run, text, source, mode, single)


def _target(source: tuple, mode: _Mode) -> Path:
    """Where a file's output goes when each file has its own: over itself, or at its place in the mirror."""
    file, base = source
    if mode.mirror is None:
        return file
    relative = file.relative_to(base) if base != file else Path(file.name)
    return mode.mirror / (relative.with_suffix(".jsonl") if mode.jsonl else relative)


def _emit(run: FileRun, text: str, source: tuple, mode: _Mode, single) -> None:
    from .files import AtomicWriter

    if mode.stdout and single is None:
        sys.stdout.write(text)
    elif single is not None:
        mode.single_text = mode.single_text or bool(text)
        single.write(text)
    else:
        if run.writer is None:
            run.writer = AtomicWriter(_target(source, mode))
        run.writer.write(text)


def _finish(run: FileRun, mode: _Mode, file: Path) -> None:
    """The last piece of a file arrived: commit or drop its output and say what happened."""
    from .files import changed_since

    writer, run.writer = run.writer, None
    if run.error:
        if writer is not None:
            writer.abort()
        print(f"error: {run.name}: {run.error}", file=sys.stderr)
        return
    if mode.diff and run.changed:
        sys.stdout.write(_diff(run, mode.joiner, sys.stdout.isatty()))
    if mode.check:
        if run.changed and not mode.diff and not mode.quiet:
            print(f"would clean {run.name}", file=sys.stderr)
        return
    in_place = mode.mirror is None
    if writer is not None:  # the pieces of a large file, written here
        if in_place and not run.changed:
            writer.abort()
            return
        if in_place and run.fingerprint is not None and changed_since(file, run.fingerprint):
            writer.abort()
            run.error = "the file changed while it was being cleaned; left as it is now"
            print(f"error: {run.name}: {run.error}", file=sys.stderr)
            return
        writer.commit()
    elif not run.worker_wrote:
        return
    if in_place and run.changed and not mode.quiet:
        print(f"cleaned {run.name}", file=sys.stderr)


@contextmanager
def _progress(total: int, quiet: bool):
    """A rich progress bar on a terminal for batches; nothing when quiet, piped or a single file."""
    if quiet or total < 2 or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("cleaning"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        job = bar.add_task("files", total=total)
        yield lambda: bar.advance(job)


def _print_summary(tally: _Tally, mode: "_Mode") -> None:
    """One line when piped (stable for scripts); a table of what each pass did on a terminal."""
    verb = "would be cleaned" if mode.check else "cleaned"
    line = f"{tally.files} file(s): {tally.changed} {verb}, {tally.failed} failed"
    if not sys.stderr.isatty():
        print(line, file=sys.stderr)
        return
    from rich.console import Console
    from rich.table import Table

    from .pipeline import STEPS

    totals = {name: {"edits": 0, "chars_removed": 0} for name in STEPS}
    totals.update(tally.by_pass)
    table = Table(title=line, title_justify="left", caption=f"{tally.articles:,} article(s)")
    table.add_column("pass")
    table.add_column("edits", justify="right")
    table.add_column("characters removed or replaced", justify="right")
    for name, entry in totals.items():
        table.add_row(name, f"{entry['edits']:,}", f"{entry['chars_removed']:,}")
    Console(stderr=True).print(table)


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
    html_report: HtmlReportOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Report files that are not clean (same as `fix --check`); never writes the files."""
    fix(paths=paths, output=None, fmt=Format.text, passes=passes, to=to, check=True, diff=diff, explain=explain,
        glob=glob, jobs=jobs, quiet=quiet, report=report, keep_removed=None, html_report=html_report,
        input_format=None, text_field="text", config=config, debug=False)


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
