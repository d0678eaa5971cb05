"""Command line: ``lsmitoitus run``, ``validate``, ``dimension``, ``compare``, ``calibrate``,
``backtest``, ``sensitivity``, ``report`` and ``app``.

User errors (bad scenario or history file, an output that exists or cannot be written, bad
flags) print one clear message in the chosen language and exit with status 2; they never show a
traceback. Outputs are checked before any simulating or fitting. Ctrl-C and SIGTERM stop a run
the same way: worker processes are ended, temporary folders removed, status 130 / 143. Heavy
libraries are imported by the command that needs them, so ``--help`` and ``validate`` start
quickly (a test checks that they import none of them).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import signal
import socket
import subprocess
import sys
import time
import warnings
import webbrowser
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from importlib.util import find_spec
from pathlib import Path
from types import FrameType
from typing import Any, NoReturn, TextIO

from ._version import __version__
from .answers.calibration.candidates import DEFAULT_FIT
from .reports.folders import check_output, default_out_dir, write_folder, write_new_text
from .text.i18n import LANGS, Lang, Msg, UserError, echo, render, t
from .text.text_table import text_table
from .vocabulary import UNITS

#: Language of the messages argparse shows while it parses (before ``--lang`` is known to it).
_ARG_LANG: list[Lang] = ["fi"]


def _number(
    kind: type[int] | type[float], low: float, high: float, what: str, below_high: bool = False
) -> Callable[[str], float]:
    """An argparse type: a number of ``kind`` with low ≤ value ≤ high (or < high)."""

    def parse(text: str) -> float:
        lang = _ARG_LANG[0]
        try:
            value = kind(text)
        except ValueError:
            key = "arg_not_integer" if kind is int else "arg_not_number"
            raise argparse.ArgumentTypeError(t(key, lang, value=echo(text))) from None
        if not (low <= value and (value < high if below_high else value <= high)):
            # lazy: only on this error path; formats brings Babel, which --help must not load (tests/test_startup.py)
            from .text.formats import number

            relation = "<" if below_high else "≤"
            shown = str if what in ("year", "port") else (lambda v: number(v, lang))  # years are not grouped
            raise argparse.ArgumentTypeError(
                t(
                    "arg_range",
                    lang,
                    low=shown(low),
                    what=t(f"what_{what}", lang),
                    relation=relation,
                    high=shown(high),
                    value=echo(text, plain=True),
                )
            )
        return value

    return parse


def _date(text: str) -> dt.date:
    """An argparse type: a date as 1.3.2026 (Finnish) or 2026-03-01 (ISO)."""
    try:
        if "." in text:
            day, month, year = (int(part) for part in text.split("."))
            return dt.date(year, month, day)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(t("arg_not_date", _ARG_LANG[0], value=echo(text))) from None


_replications = _number(int, 1, 10_000, "replications")
_jobs = _number(int, 1, 1024, "jobs")
_rounds = _number(int, 1, 20, "rounds")
_port = _number(int, 1024, 65535, "port")
_seed = _number(int, 0, 2**63, "seed", below_high=True)
_target = _number(int, 1, 100, "target")
_confidence = _number(float, 0.5, 1.0, "confidence", below_high=True)
_precision = _number(float, 0.1, 50.0, "precision")
_max_replications = _number(int, 20, 1000, "replications")  # each held in memory: about 3.5 MB
READINGS = ("monitoring_days", "month_ends", "mean_list")  # the schema's Reading, without importing pydantic
_year = _number(int, 1990, 2100, "year")
_samples = _number(int, 2, 4096, "samples")
_sens_replications = _number(int, 2, 1000, "replications")
_top = _number(int, 1, 20, "top")

#: argparse's own error texts and their entries in the translation table.
_ARGPARSE_ERRORS = (
    (re.compile(r"^the following arguments are required: (?P<args>.*)$"), "arg_required"),
    (re.compile(r"^unrecognized arguments: (?P<args>.*)$"), "arg_unrecognized"),
    (
        re.compile(r"^argument (?P<arg>[^:]+): invalid choice: (?P<value>.*?) \(choose from (?P<choices>.*)\)$"),
        "arg_choice",
    ),
    (re.compile(r"^argument (?P<arg>[^:]+): expected one argument$"), "arg_expected_one"),
    (re.compile(r"^argument (?P<arg>[^:]+): (?P<problem>.*)$"), "arg_problem"),
)


class _Parser(argparse.ArgumentParser):
    """argparse with its error messages in the table's language, and echoed values cut short."""

    def error(self, message: str) -> NoReturn:
        lang = _ARG_LANG[0]
        text = message
        for pattern, key in _ARGPARSE_ERRORS:
            found = pattern.match(message)
            if found:
                text = t(key, lang, **{k: echo(v, plain=True) for k, v in found.groupdict().items()})
                break
        usage = self.format_usage().replace("usage:", t("usage", lang), 1)
        self.exit(2, f"{usage}{self.prog}: {t('error', lang)}: {text}\n")


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's help with the usage line's prefix in the table's language."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix if prefix is not None else t("usage", _ARG_LANG[0]) + " ")


def _titles(parser: argparse.ArgumentParser, lang: Lang) -> None:
    """Section titles of argparse's own groups in ``lang`` (argparse has them in English only)."""
    parser._positionals.title = t("help_positionals", lang)
    parser._optionals.title = t("help_options", lang)


def _subparser(sub: Any, name: str, lang: Lang) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        name,
        help=t(f"help_{name}", lang),
        description=t(f"help_{name}", lang),
        add_help=False,
        formatter_class=_HelpFormatter,
    )
    _titles(parser, lang)
    parser.add_argument("-h", "--help", action="help", help=t("help_help", lang))
    return parser


def build_parser(lang: Lang = "fi") -> argparse.ArgumentParser:
    """The command line's parser; every help text comes from the translation table in ``lang``."""
    _ARG_LANG[0] = lang

    def h(key: str, **fmt: object) -> str:
        return t(key, lang, **fmt)

    parser = _Parser(
        prog="lsmitoitus",
        description=h("help_description"),
        epilog=h("help_epilog"),
        add_help=False,
        formatter_class=_HelpFormatter,
    )
    _titles(parser, lang)
    parser.add_argument("-h", "--help", action="help", help=h("help_help"))
    parser.add_argument("--version", action="version", version=f"lsmitoitus {__version__}", help=h("help_version"))
    sub = parser.add_subparsers(dest="command", required=True, title=h("help_commands"), metavar=h("mv_command"))
    lang_help = h("help_lang")
    default_lang = _env_lang()

    run = _subparser(sub, "run", lang)
    run.add_argument("scenario", nargs="?", metavar=h("mv_scenario"), help=h("help_scenario"))
    run.add_argument("--replications", "-n", type=_replications, metavar="N", help=h("help_replications"))
    run.add_argument("--seed", type=_seed, metavar=h("mv_seed"), help=h("help_seed"))
    run.add_argument("--jobs", "-j", type=_jobs, metavar="J", help=h("help_jobs"))
    run.add_argument("--out", type=Path, metavar=h("mv_folder"), help=h("help_out_run"))
    run.add_argument("--lang", choices=LANGS, default=default_lang, help=lang_help)
    _csv_option(run, lang)
    run.add_argument("--no-progress", action="store_true", help=h("help_no_progress"))
    run.add_argument("--format", choices=("csv", "parquet"), default="csv", help=h("help_format"))
    _cluster_option(run, lang)

    calibrate = _subparser(sub, "calibrate", lang)
    calibrate.add_argument("history", type=Path, metavar=h("mv_history"), help=h("help_history"))
    calibrate.add_argument("--scenario", metavar=h("mv_scenario"), help=h("help_base_scenario"))
    calibrate.add_argument("--out", type=Path, required=True, metavar=h("mv_file"), help=h("help_calibrated_out"))
    _calibration_options(calibrate, lang, default_lang)

    backtest = _subparser(sub, "backtest", lang)
    backtest.add_argument("history", type=Path, metavar=h("mv_history"), help=h("help_history"))
    backtest.add_argument("--scenario", metavar=h("mv_scenario"), help=h("help_base_scenario"))
    backtest.add_argument("--fit-until", type=_year, required=True, metavar=h("mv_year"), help=h("help_fit_until"))
    backtest.add_argument("--out", type=Path, metavar=h("mv_folder"), help=h("help_out_backtest"))
    _calibration_options(backtest, lang, default_lang)
    _csv_option(backtest, lang)

    sens = _subparser(sub, "sensitivity", lang)
    sens.add_argument("scenario", nargs="?", metavar=h("mv_scenario"), help=h("help_scenario"))
    sens.add_argument("--method", choices=("morris", "sobol"), default="morris", help=h("help_method"))
    sens.add_argument("--samples", type=_samples, metavar="N", help=h("help_samples"))
    sens.add_argument(
        "--replications", "-n", type=_sens_replications, default=2, metavar="R", help=h("help_sens_replications")
    )
    sens.add_argument("--seed", type=_seed, metavar=h("mv_seed"), help=h("help_seed"))
    sens.add_argument("--ranges", type=Path, metavar=h("mv_file"), help=h("help_ranges"))
    sens.add_argument("--parameters", metavar="P1,P2,…", help=h("help_parameters"))
    sens.add_argument("--top", type=_top, default=3, metavar="K", help=h("help_top"))
    sens.add_argument("--jobs", "-j", type=_jobs, metavar="J", help=h("help_jobs"))
    sens.add_argument("--out", type=Path, metavar=h("mv_folder"), help=h("help_out_sensitivity"))
    sens.add_argument("--lang", choices=LANGS, default=default_lang, help=lang_help)
    sens.add_argument("--no-progress", action="store_true", help=h("help_no_progress"))
    _cluster_option(sens, lang)

    dim = _subparser(sub, "dimension", lang)
    dim.add_argument("scenario", nargs="?", metavar=h("mv_scenario"), help=h("help_scenario"))
    dim.add_argument("--plan", type=Path, metavar=h("mv_plan"), help=h("help_plan"))
    dim.add_argument("--target-from", type=_date, metavar=h("mv_date"), help=h("help_target_from"))
    dim.add_argument("--reading", choices=READINGS, help=h("help_reading"))
    dim.add_argument("--precision", type=_precision, metavar=h("mv_posts"), help=h("help_precision"))
    dim.add_argument("--max-replications", type=_max_replications, metavar="N", help=h("help_max_replications"))
    _dimension_options(dim, lang, default_lang, "help_out_dimension")
    cmp_ = _subparser(sub, "compare", lang)
    cmp_.add_argument("scenarios", nargs="+", metavar=h("mv_scenario"), help=h("help_scenario_list"))
    _dimension_options(cmp_, lang, default_lang, "help_out_compare")

    report = _subparser(sub, "report", lang)
    report.add_argument("folder", type=Path, metavar=h("mv_results"), help=h("help_results_folder"))
    report.add_argument("--out", type=Path, metavar=h("mv_folder"), help=h("help_out_report"))
    report.add_argument("--lang", choices=LANGS, default=None, help=h("help_report_lang"))

    app = _subparser(sub, "app", lang)
    app.add_argument("--port", type=_port, default=8501, metavar=h("mv_port"), help=h("help_port"))
    app.add_argument("--no-browser", action="store_true", help=h("help_no_browser"))
    app.add_argument("--lang", choices=LANGS, default=default_lang, help=h("help_app_lang"))

    scenarios = _subparser(sub, "scenarios", lang)
    scenarios.add_argument("--lang", choices=LANGS, default=default_lang, help=lang_help)

    validate = _subparser(sub, "validate", lang)
    validate.add_argument("file", metavar=h("mv_scenario"), help=h("help_scenario_file"))
    validate.add_argument("--lang", choices=LANGS, default=default_lang, help=lang_help)
    return parser


def _calibration_options(parser: argparse.ArgumentParser, lang: Lang, default_lang: Lang) -> None:
    parser.add_argument("--fit", metavar="P1,P2,…", help=t("help_fit", lang, default=",".join(DEFAULT_FIT)))
    parser.add_argument("--region", default="Kanta-Häme", metavar=t("mv_region", lang), help=t("help_region", lang))
    parser.add_argument(
        "--replications", "-n", type=_replications, default=20, metavar="N", help=t("help_check_replications", lang)
    )
    parser.add_argument("--rounds", type=_rounds, default=4, metavar="R", help=t("help_rounds", lang))
    parser.add_argument("--jobs", "-j", type=_jobs, metavar="J", help=t("help_jobs", lang))
    parser.add_argument("--lang", choices=LANGS, default=default_lang, help=t("help_lang", lang))
    _cluster_option(parser, lang)


def _dimension_options(parser: argparse.ArgumentParser, lang: Lang, default_lang: Lang, out_help: str) -> None:
    parser.add_argument("--target", type=_target, metavar=t("mv_target", lang), help=t("help_target", lang))
    parser.add_argument(
        "--confidence", type=_confidence, default=0.9, metavar=t("mv_share", lang), help=t("help_confidence", lang)
    )
    parser.add_argument("--replications", "-n", type=_replications, metavar="N", help=t("help_replications", lang))
    parser.add_argument("--seed", type=_seed, metavar=t("mv_seed", lang), help=t("help_seed", lang))
    parser.add_argument("--jobs", "-j", type=_jobs, metavar="J", help=t("help_jobs", lang))
    parser.add_argument("--out", type=Path, metavar=t("mv_folder", lang), help=t(out_help, lang))
    parser.add_argument("--lang", choices=LANGS, default=default_lang, help=t("help_lang", lang))
    _csv_option(parser, lang)
    _cluster_option(parser, lang)


def _cluster_option(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("--cluster", metavar=t("mv_address", lang), help=t("help_cluster", lang))


def _cluster_address(args: argparse.Namespace) -> str | None:
    """The Dask scheduler to use: ``--cluster``, else ``DASK_SCHEDULER_ADDRESS``, for the
    commands that run replications; None means local processes."""
    if not hasattr(args, "cluster"):
        return None
    return args.cluster or os.environ.get("DASK_SCHEDULER_ADDRESS") or None


def _csv_option(parser: argparse.ArgumentParser, lang: Lang) -> None:
    """CSV for a Finnish spreadsheet (fi) or for analysts' tools (en); default: that of --lang."""
    parser.add_argument("--csv", choices=("fi", "en"), metavar="fi|en", help=t("help_csv", lang))


def _notes(notes: Sequence[Msg], lang: Lang) -> None:
    for note in notes:
        print(render(note, lang), file=sys.stderr)


def _prepare(target: Path, lang: Lang, file: bool = False) -> None:
    """Check the output can be written before any work; report temporary folders of killed runs."""
    _notes(check_output(target, file=file), lang)


@contextmanager
def _replication_progress(
    lang: Lang, enabled: bool = True, label: str = "progress_label", line: str = "progress_line"
) -> Iterator[Callable[[int, int], None] | None]:
    """A progress report for replications: a bar on a terminal, plain lines in a log or pipe."""
    # lazy: keeps --help and validate free of numpy, pandas and matplotlib (tests/test_startup.py)
    from .reports.progress import TerminalBar
    from .simulation.runner import LineProgress

    if not enabled:
        yield None
        return
    progress: TerminalBar | LineProgress
    if sys.stderr.isatty():
        progress = TerminalBar(t(label, lang), lang)
    else:
        progress = LineProgress(
            lambda text: print(text, file=sys.stderr, flush=True),
            lambda done, total, percent: t(line, lang, done=done, total=total, percent=percent),
        )
    try:
        yield progress
    finally:
        progress.close()


def _load(spec: str | None) -> Any:
    # lazy: pydantic adds ~0.12 s, which --help does not need (benchmarks/startup.py)
    from .scenario.files import load_scenario, resolve_scenario_path

    return load_scenario(resolve_scenario_path(spec))


def _dimension(args: argparse.Namespace) -> int:
    # lazy: keeps --help and validate free of numpy, pandas and matplotlib (tests/test_startup.py)
    from .answers.dimensioning import dimension
    from .answers.plans import evaluate_plan
    from .answers.staffing_answer import answer_of
    from .reports.dimensioning_report import terminal_text, write_dimensioning

    lang: Lang = args.lang
    scenario = _load(args.scenario)
    target_dir = args.out or default_out_dir(f"mitoitus-{scenario.name}")
    steps = None
    if args.plan is not None:  # read and checked before any work, like the output folder
        # lazy: keeps --help and validate free of numpy, pandas and matplotlib (tests/test_startup.py)
        from .reports.plan_files import read_plan

        steps = read_plan(args.plan, scenario)
        print(t("plan_applied", lang, path=echo(str(args.plan), plain=True), n=len(steps)), file=sys.stderr)
    _prepare(target_dir, lang)
    options: dict[str, Any] = {"replications": args.replications, "seed": args.seed, "jobs": args.jobs}
    with _replication_progress(lang) as progress:
        options |= {"target": args.target, "confidence": args.confidence, "progress": progress}
        options |= {"target_from": args.target_from, "reading": args.reading, "precision": args.precision}
        if args.max_replications is not None:
            options["max_replications"] = args.max_replications
        if steps is None:
            result = dimension(scenario, **options)
        else:
            result = evaluate_plan(scenario, steps, source=echo(str(args.plan), plain=True), **options)
    answer = answer_of(result)
    print(terminal_text(result, lang, answer))
    write_dimensioning(result, target_dir, lang, csv=args.csv, answer=answer)
    print(t("written_to", lang, path=target_dir))
    return 0


def _compare(args: argparse.Namespace) -> int:
    # lazy: keeps --help and validate free of numpy, pandas and matplotlib (tests/test_startup.py)
    from .answers.comparison import compare, comparison_table
    from .reports.comparison_report import write_comparison
    from .reports.comparison_text import comparison_text

    lang: Lang = args.lang
    scenarios = [_load(s) for s in args.scenarios]
    target_dir = args.out or default_out_dir("vertailu")
    _prepare(target_dir, lang)
    with _replication_progress(lang) as progress:
        results = compare(
            scenarios, args.target, args.confidence, args.replications, args.seed, args.jobs, progress=progress
        )
    table = comparison_table(results)
    print(t("comparison_title", lang))
    print(comparison_text(results, lang))
    write_comparison(results, table, target_dir, lang, csv=args.csv)
    print()
    print(t("written_to", lang, path=target_dir))
    return 0


def _report(args: argparse.Namespace) -> int:
    # lazy: keeps --help and validate free of numpy, pandas and matplotlib (tests/test_startup.py)
    from .reports.report import HTML, PDF, write_report

    lang: Lang = args.lang or _env_lang()
    target, notes = write_report(args.folder, args.out, args.lang)
    _notes(notes, lang)
    print(t("report_written", lang, html=target / HTML, pdf=target / PDF))
    return 0


def _sensitivity(args: argparse.Namespace) -> int:
    # lazy: keeps --help and validate free of numpy, pandas and matplotlib (tests/test_startup.py)
    from .answers.sensitivity import factors_from_ranges, run_sensitivity
    from .reports.sensitivity_report import report_text, write_sensitivity
    from .scenario.files import parse_toml, read_text
    from .simulation.runner import cluster_description

    lang: Lang = args.lang
    scenario = _load(args.scenario)
    factors = None
    if args.ranges is not None:
        shown = echo(str(args.ranges), plain=True)
        factors = factors_from_ranges(scenario, parse_toml(read_text(args.ranges), shown), shown)
    target = args.out or default_out_dir(f"herkkyys-{scenario.name}")
    _prepare(target, lang)
    parameters = [p.strip() for p in args.parameters.split(",") if p.strip()] if args.parameters else None
    with _replication_progress(lang, not args.no_progress, "sens_progress_label", "sens_progress_line") as progress:
        result = run_sensitivity(
            scenario,
            args.method,
            factors=factors,
            samples=args.samples,
            replications=args.replications,
            seed=args.seed,
            parameters=parameters,
            top=args.top,
            jobs=args.jobs,
            progress=progress,
        )
    cluster = cluster_description()
    if cluster is not None:
        result.meta["cluster"] = cluster[0]
    print(report_text(result, lang))
    write_sensitivity(result, target, lang)
    print(t("written_to", lang, path=target))
    return 0


def _progress_in(lang: Lang) -> Callable[[Msg], None]:
    """Status lines of a calibration, in the reader's language, on standard error."""

    def show(message: Msg) -> None:
        print(render(message, lang), file=sys.stderr, flush=True)

    return show


def _calibrate(args: argparse.Namespace) -> int:
    # lazy: keeps --help and validate free of numpy, pandas and matplotlib (tests/test_startup.py)
    from .answers.calibration.fit import Calibrator, calibration_header, fit_row
    from .scenario.files import scenario_to_toml
    from .scenario.history import load_history

    lang: Lang = args.lang
    _prepare(args.out, lang, file=True)
    base = _load(args.scenario)
    history = load_history(args.history, region=args.region)
    fit = args.fit.split(",") if args.fit else list(DEFAULT_FIT)
    calibrator = Calibrator(
        base,
        history,
        fit=fit,
        replications=args.replications,
        rounds=args.rounds,
        jobs=args.jobs,
        progress=_progress_in(lang),
    )
    result = calibrator.run()
    header = calibration_header(result, str(args.history), __version__, lang)
    print(header)
    write_new_text(args.out, scenario_to_toml(result.scenario, header))
    print()
    print(t("calibrated_to", lang, path=args.out))
    missed = result.misses()
    if not missed.empty:  # the file is kept (hours of fitting), the status says it must not be used as is
        raise UserError(
            [
                Msg("calib_misses", path=echo(str(args.out), plain=True), n=len(missed)),
                *(fit_row(row, lang) for row in missed.to_dict("records")),
            ]
        )
    return 0


def _backtest(args: argparse.Namespace) -> int:
    # lazy: keeps --help and validate free of numpy, pandas and matplotlib (tests/test_startup.py)
    from .answers.calibration.backtest import backtest
    from .answers.calibration.fit import calibration_header
    from .reports.backtest_report import backtest_figure, backtest_text, translated_table
    from .reports.charts import save_figure
    from .scenario.files import scenario_to_toml
    from .scenario.history import load_history

    lang: Lang = args.lang
    base = _load(args.scenario)
    target = args.out or default_out_dir(f"backtest-{base.name}")
    _prepare(target, lang)
    history = load_history(args.history, region=args.region)
    fit = args.fit.split(",") if args.fit else list(DEFAULT_FIT)
    result = backtest(
        base,
        history,
        args.fit_until,
        replications=args.replications,
        jobs=args.jobs,
        progress=_progress_in(lang),
        fit=fit,
        rounds=args.rounds,
    )
    text = backtest_text(result, lang)
    print(text)
    # lazy: keeps --help and validate free of numpy, pandas and matplotlib (tests/test_startup.py)
    from .reports.csvfiles import csv_style, write_csv

    def write(tmp: Path) -> None:
        write_csv(translated_table(result, lang), tmp / "backtest.csv", csv_style(args.csv, lang))
        header = calibration_header(result.calibration, str(args.history), __version__, lang)
        (tmp / "scenario.toml").write_text(scenario_to_toml(result.scenario, header), encoding="utf-8")
        (tmp / "backtest.txt").write_text(text + "\n\n" + header + "\n", encoding="utf-8")
        save_figure(backtest_figure(result, lang), tmp / "backtest.png")

    write_folder(target, write)
    print(t("written_to", lang, path=target))
    return 0


def _run(args: argparse.Namespace) -> int:
    # lazy: pydantic adds ~0.12 s, which --help does not need (benchmarks/startup.py)
    from .scenario.files import load_scenario, resolve_scenario_path

    lang: Lang = args.lang
    source = resolve_scenario_path(args.scenario)
    scenario = load_scenario(source)
    target = args.out or default_out_dir(scenario.name)
    _prepare(target, lang)

    # lazy: keeps --help and validate free of numpy, pandas and matplotlib (tests/test_startup.py)
    from .reports.run_folder import write_run
    from .reports.summary import summary_text
    from .scenario.history import default_history
    from .simulation.runner import simulate
    from .text import formats

    with _replication_progress(lang, not args.no_progress) as progress:
        results = simulate(
            scenario, replications=args.replications, seed=args.seed, jobs=args.jobs, progress=progress or False
        )
    observed = default_history(scenario)
    print(summary_text(results, lang, observed))
    print()
    ran = {
        "n": formats.integer(results.scenario.simulation.replications, lang),
        "events": formats.integer(results.events, lang),
        "seconds": formats.number(results.seconds, lang, 1),
        "jobs": formats.integer(results.jobs, lang),
    }
    if "cluster" in results.meta:
        print(t("ran_cluster", lang, address=echo(str(results.meta["cluster"]), plain=True), **ran))
    else:
        print(t("ran", lang, **ran))
    write_run(results, target, lang, source=str(source), observed=observed, csv=args.csv, table_format=args.format)
    print(t("written_to", lang, path=target))
    return 0


def _validate(args: argparse.Namespace) -> int:
    # lazy: pydantic and Babel are for validate, not --help (benchmarks/startup.py)
    from .scenario.files import load_scenario
    from .text.formats import number

    lang: Lang = args.lang
    scenario = load_scenario(args.file)
    sim = scenario.simulation
    posts = ", ".join(
        f"{t(unit, lang)} {number(sum(s.social_workers for s in scenario.staffing[unit].values()), lang)}"
        for unit in UNITS
    )
    print(
        t(
            "valid",
            lang,
            path=echo(args.file, plain=True, limit=200),
            name=scenario.name,
            areas=", ".join(scenario.area_names),
            first=sim.start.year,
            last=sim.end.year,
            n=sim.replications,
            posts=posts,
        )
    )
    return 0


def _scenarios(args: argparse.Namespace) -> int:
    """The bundled scenarios by name, the default first, each with its description in ``--lang``."""
    # lazy: keeps --help and validate free of pydantic's schema import (tests/test_startup.py)
    from .scenario.files import BUNDLED_DEFAULT, bundled_scenarios

    lang: Lang = args.lang
    names = sorted(bundled_scenarios(), key=lambda name: (name != BUNDLED_DEFAULT, name))
    rows = [[name, t(f"scenario_desc_{name}", lang)] for name in names]
    example = "kasvu-5" if "kasvu-5" in names else names[-1]
    print(t("scenarios_intro", lang, example=example))
    print()
    print(text_table([t("scenarios_name", lang), t("scenarios_description", lang)], rows, right=[False, False]))
    return 0


# --- the web app --------------------------------------------------------------------------

#: Streamlit settings for ``lsmitoitus app``: no e-mail prompt, no usage statistics, our page
#: only (no Deploy button or developer menu), no tracebacks in the browser, small uploads.
APP_SETTINGS: dict[str, str] = {
    "server.headless": "true",  # no "Email:" prompt; we open the browser ourselves
    "server.showEmailPrompt": "false",
    "browser.gatherUsageStats": "false",
    "server.address": "127.0.0.1",
    "server.maxUploadSize": "1",  # MB
    "server.fileWatcherType": "none",
    "server.runOnSave": "false",
    "client.toolbarMode": "minimal",
    "client.showErrorDetails": "none",
    "global.developmentMode": "false",
    "logger.level": "error",
    "logger.hideWelcomeMessage": "true",  # we print our own line, in the user's language
}


def app_command(port: int) -> list[str]:
    """The command that serves the page on ``port`` with :data:`APP_SETTINGS`."""
    page = Path(__file__).parent / "app" / "page.py"
    command = [sys.executable, "-m", "streamlit", "run", str(page), "--server.port", str(port)]
    for option, value in APP_SETTINGS.items():
        command += [f"--{option}", value]
    return command


def app_environment(base: dict[str, str] | None = None) -> dict[str, str]:
    """Environment of the Streamlit process: the same settings as variables too, so that a
    user's own Streamlit configuration cannot bring the prompt or the menu back."""
    env = dict(os.environ if base is None else base)
    for option, value in APP_SETTINGS.items():
        section, name = option.split(".")
        env["STREAMLIT_" + section.upper() + "_" + re.sub(r"(?<!^)(?=[A-Z])", "_", name).upper()] = value
    return env


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _browser_available() -> bool:
    """Whether a graphical browser can be opened here (not on a server without a display)."""
    if os.environ.get("BROWSER"):
        return True
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return False
    try:
        webbrowser.get()
    except webbrowser.Error:
        return False
    return True


def _wait_until_serving(url: str, child: Any, seconds: float = 120.0) -> bool:
    # lazy: ~17 ms (http.client, email); only the app command polls its server
    import urllib.request

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and child.poll() is None:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.3)
    return False


def _stop_child(child: Any) -> None:
    if child.poll() is None:
        child.terminate()
        try:
            child.wait(timeout=15)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def _app(args: argparse.Namespace) -> int:
    """Serve the Streamlit page on localhost until Ctrl-C or SIGTERM; open the browser if there is one."""
    lang: Lang = args.lang
    if find_spec("streamlit") is None:
        raise UserError(Msg("app_needs_streamlit"))
    if not _port_free(args.port):
        raise UserError(Msg("app_port_busy", port=args.port))
    url = f"http://127.0.0.1:{args.port}"
    # its own session: Ctrl-C reaches us only, and we stop it (also on SIGTERM); no standard
    # input, so nothing can prompt; its banner is replaced by our own line
    child = subprocess.Popen(
        app_command(args.port),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        env=app_environment(),
        start_new_session=True,
    )
    try:
        if not _wait_until_serving(url, child):
            _stop_child(child)
            raise UserError(Msg("app_did_not_start", status=child.returncode))
        print(t("app_started", lang, url=url), file=sys.stderr, flush=True)
        if args.no_browser or not _browser_available():
            print(t("app_open_yourself", lang, url=url), file=sys.stderr, flush=True)
        else:
            try:
                webbrowser.open(url)
            except Exception:  # a browser that fails to start is not worth stopping for
                print(t("app_open_yourself", lang, url=url), file=sys.stderr, flush=True)
        status = child.wait()
        if status != 0:
            raise UserError(Msg("app_stopped", status=status))
        return 0
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM: a normal way to stop the app
        _stop_child(child)
        print(t("app_closed", lang), file=sys.stderr, flush=True)
        return 0
    finally:
        _stop_child(child)


# --- signals and the entry point ----------------------------------------------------------


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C."""


_MAIN_PID = os.getpid()


def _on_signal(signum: int, _frame: FrameType | None) -> None:
    """Ctrl-C or SIGTERM: end worker processes at once and unwind (temporary folders are removed
    on the way). In a worker process (forked from this one) just exit quietly."""
    if os.getpid() != _MAIN_PID:
        os._exit(128 + signum)
    multiprocessing = sys.modules.get("multiprocessing")
    if multiprocessing is not None:
        for child in multiprocessing.active_children():
            child.kill()
    raise Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()


@contextmanager
def _signals_stop_the_run() -> Iterator[None]:
    """Ctrl-C and SIGTERM stop the command at once: this process only waits for worker processes
    (even with one job), so the signal is handled here within moments and ends them."""
    global _MAIN_PID
    _MAIN_PID = os.getpid()
    handled = [signal.SIGINT, signal.SIGTERM]
    try:
        previous = {s: signal.signal(s, _on_signal) for s in handled}
    except ValueError:  # not the main thread (e.g. called from a notebook's worker thread)
        yield
        return
    try:
        # lazy: the cluster module brings pydantic, which --help does not need (benchmarks/startup.py)
        from .simulation.cluster import tasks_in_worker_processes

        with tasks_in_worker_processes():
            yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextmanager
def _notes_for_warnings(lang: Lang) -> Iterator[None]:
    """Warnings reach the user as notes in their language (a renamed key of a scenario file),
    never as Python's "file:line: Warning" lines; a library's own warnings (a chart's layout)
    are for developers, shown only with LSMITOITUS_DEBUG."""
    package = str(Path(__file__).resolve().parent)

    def show(
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: TextIO | None = None,
        line: str | None = None,
    ) -> None:
        note = getattr(message, "note", None)
        if isinstance(note, Msg):
            text = render(note, lang)
        elif str(Path(filename).resolve()).startswith(package) or os.environ.get("LSMITOITUS_DEBUG"):
            text = t("note_line", lang, text=echo(str(message), plain=True, limit=300))
        else:
            return
        print(text, file=sys.stderr, flush=True)

    with warnings.catch_warnings():
        warnings.showwarning = show
        yield


#: Environment variable that sets the default language of the command line (help, messages,
#: outputs); ``--lang`` overrides it.
LANG_VARIABLE = "LSMITOITUS_LANG"


def _env_lang() -> Lang:
    """The language in :data:`LANG_VARIABLE` (Finnish when unset or not a known language)."""
    return "en" if os.environ.get(LANG_VARIABLE, "").strip().lower() == "en" else "fi"


def _lang_in(argv: Sequence[str]) -> Lang:
    """The ``--lang`` given on the command line (else :data:`LANG_VARIABLE`), for the help and
    the messages shown while the command line is parsed."""
    for i, arg in enumerate(argv):
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else arg.removeprefix("--lang=")
        if (arg == "--lang" or arg.startswith("--lang=")) and value in LANGS:
            return "en" if value == "en" else "fi"
    return _env_lang()


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "run": _run,
    "validate": _validate,
    "scenarios": _scenarios,
    "calibrate": _calibrate,
    "backtest": _backtest,
    "dimension": _dimension,
    "compare": _compare,
    "sensitivity": _sensitivity,
    "report": _report,
    "app": _app,
}


def main(argv: list[str] | None = None) -> int:
    """The command line. Run as the program (``argv`` None), a stop by Ctrl-C or SIGTERM ends the
    process at once once its temporary folders are gone: freeing a large replication's objects
    one by one could take seconds."""
    program = argv is None
    argv = sys.argv[1:] if argv is None else argv
    lang: Lang = _lang_in(argv)
    args = build_parser(lang).parse_args(argv)
    lang = getattr(args, "lang", None) or lang

    def fail(message: Msg | str, status: int) -> int:
        print(f"{t('error', lang)}: {render(message, lang)}", file=sys.stderr, flush=True)
        return status

    def stopped(message: str, status: int) -> int:
        fail(Msg(message), status)
        if program:
            sys.stdout.flush()
            os._exit(status)  # the unwinding has removed the temporary folders already
        return status

    with _signals_stop_the_run(), _notes_for_warnings(lang):
        try:
            # lazy: the cluster module brings pydantic, which --help does not need (benchmarks/startup.py)
            from .simulation.cluster import use_cluster

            with use_cluster(_cluster_address(args)):
                return COMMANDS[args.command](args)
        except UserError as exc:
            return fail(exc.text(lang), 2)
        except Terminated:
            return stopped("terminated", 143)
        except KeyboardInterrupt:
            return stopped("interrupted", 130)
        except MemoryError:
            return fail(Msg("out_of_memory"), 1)
        except RecursionError:
            return fail(Msg("too_deep_input"), 1)
        except Exception as exc:
            if os.environ.get("LSMITOITUS_DEBUG"):
                raise
            detail = echo(f"{type(exc).__name__}: {exc}", plain=True, limit=200)
            return fail(Msg("unexpected", detail=detail), 1)


if __name__ == "__main__":
    sys.exit(main())
