"""Command line: ``lsmitoitus run``, ``validate``, ``dimension``, ``compare``, ``calibrate``,
``backtest`` and ``app``.

User errors (bad scenario, existing output folder, bad flags) print one clear message and exit
with status 2; they never show a traceback. Heavy libraries are imported by the command that
needs them, so ``--help`` and ``validate`` start quickly.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from . import __version__
from .calibration.candidates import DEFAULT_FIT
from .output.folders import OutputExistsError, atomic_folder, default_out_dir, refuse_existing, write_new_text
from .output.i18n import LANGS, Lang, t
from .scenario.files import ScenarioError, load_scenario, resolve_scenario_path, scenario_to_toml


def _number(
    kind: type[int] | type[float], low: float, high: float, what: str, below_high: bool = False
) -> Callable[[str], float]:
    """An argparse type: a number of ``kind`` with low ≤ value ≤ high (or < high)."""
    name = "a whole number" if kind is int else "a number"
    relation = "<" if below_high else "≤"

    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected {name}, got {text!r}") from None
        if not (low <= value and (value < high if below_high else value <= high)):
            raise argparse.ArgumentTypeError(f"allowed range: {low} ≤ {what} {relation} {high}, got {value}")
        return value

    return parse


_replications = _number(int, 1, 10_000, "replications")
_jobs = _number(int, 1, 1024, "jobs")
_rounds = _number(int, 1, 20, "rounds")
_port = _number(int, 1024, 65535, "port")
_seed = _number(int, 0, 2**63, "seed", below_high=True)
_target = _number(int, 1, 100, "target")
_confidence = _number(float, 0.5, 1.0, "confidence", below_high=True)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lsmitoitus", description="Child-protection caseload and staffing simulator.")
    parser.add_argument("--version", action="version", version=f"lsmitoitus {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="simulate a scenario (default: bundled Kanta-Häme) and write results")
    run.add_argument("scenario", nargs="?", help="scenario TOML file or bundled name (default: kanta-hame)")
    run.add_argument("--replications", "-n", type=_replications, help="number of replications (default: from scenario)")
    run.add_argument("--seed", type=_seed, help="root random seed (default: from scenario)")
    run.add_argument("--jobs", "-j", type=_jobs, help="worker processes (default: one per core)")
    run.add_argument(
        "--out", type=Path, help="output folder (default: tulokset/<scenario>-<timestamp>/); never overwritten"
    )
    run.add_argument("--lang", choices=LANGS, default="fi", help="language of the summary, headers and chart")
    run.add_argument("--no-progress", action="store_true", help="no progress bar")

    calibrate = sub.add_parser("calibrate", help="fit pathway parameters to published indicators (THL history)")
    calibrate.add_argument(
        "history", type=Path, help="history CSV in long format (indicator, region, year, value, unit)"
    )
    calibrate.add_argument("--scenario", help="base scenario file or bundled name (default: kanta-hame)")
    calibrate.add_argument(
        "--out", type=Path, required=True, help="calibrated scenario TOML to write (not overwritten)"
    )
    _calibration_options(calibrate)

    backtest = sub.add_parser("backtest", help="calibrate on years up to Y, predict later years, compare with observed")
    backtest.add_argument("history", type=Path, help="history CSV in long format")
    backtest.add_argument("--scenario", help="base scenario file or bundled name (default: kanta-hame)")
    backtest.add_argument("--fit-until", type=int, required=True, help="last year used for fitting")
    backtest.add_argument("--out", type=Path, help="output folder (default: tulokset/backtest-<timestamp>/)")
    _calibration_options(backtest)

    dim = sub.add_parser("dimension", help="required social-worker posts per area, unit and month; shortages")
    dim.add_argument("scenario", nargs="?", help="scenario TOML file or bundled name (default: kanta-hame)")
    _dimension_options(dim)
    cmp_ = sub.add_parser("compare", help="several scenarios side by side with common random numbers")
    cmp_.add_argument("scenarios", nargs="+", help="scenario TOML files or bundled names")
    _dimension_options(cmp_)

    app = sub.add_parser("app", help="start the what-if web app in the browser (Streamlit)")
    app.add_argument("--port", type=_port, default=8501, help="local port (default 8501)")
    app.add_argument("--no-browser", action="store_true", help="do not open a browser window")

    validate = sub.add_parser("validate", help="check a scenario file and report every problem")
    validate.add_argument("file", help="scenario TOML file or bundled name")
    validate.add_argument("--lang", choices=LANGS, default="fi")
    return parser


def _calibration_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--fit", help=f"comma-separated parameters to fit (default: {','.join(DEFAULT_FIT)})")
    parser.add_argument("--region", default="Kanta-Häme", help="region in the history file (default: Kanta-Häme)")
    parser.add_argument("--replications", "-n", type=_replications, default=10, help="DES replications per check round")
    parser.add_argument("--rounds", type=_rounds, default=2, help="fit + DES-check rounds (default 2)")
    parser.add_argument("--jobs", "-j", type=_jobs, help="worker processes (default: one per core)")
    parser.add_argument("--lang", choices=LANGS, default="fi")


def _dimension_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--target",
        type=_target,
        help="children per worker (e.g. 30 law, 25 recommendation); default: the scenario's dated statutory limit",
    )
    parser.add_argument("--confidence", type=_confidence, default=0.9, help="probability that nobody is over (0.9)")
    parser.add_argument("--replications", "-n", type=_replications, help="replications (default: from scenario)")
    parser.add_argument("--seed", type=_seed, help="root random seed (default: from scenario)")
    parser.add_argument("--jobs", "-j", type=_jobs, help="worker processes (default: one per core)")
    parser.add_argument("--out", type=Path, help="output folder (default: tulokset/mitoitus-<scenario>-<timestamp>/)")
    parser.add_argument("--lang", choices=LANGS, default="fi")


def _dimension(args: argparse.Namespace) -> int:
    from .dimensioning import dimension
    from .output.dimensioning_report import answer_lines, tables, write_dimensioning

    lang: Lang = args.lang
    scenario = load_scenario(resolve_scenario_path(args.scenario))
    target_dir = args.out or default_out_dir(f"mitoitus-{scenario.name}")
    refuse_existing(target_dir)
    result = dimension(
        scenario, args.target, args.confidence, replications=args.replications, seed=args.seed, jobs=args.jobs
    )
    print("\n".join(answer_lines(result, lang)))
    print()
    print(tables(result, lang)[t("sheet_units", lang)].to_string(index=False))
    write_dimensioning(result, target_dir, lang)
    print(t("written_to", lang, path=target_dir))
    return 0


def _compare(args: argparse.Namespace) -> int:
    from .comparison import compare, comparison_table
    from .output.dimensioning_report import tables, write_excel

    lang: Lang = args.lang
    scenarios = [load_scenario(resolve_scenario_path(s)) for s in args.scenarios]
    target_dir = args.out or default_out_dir("vertailu")
    refuse_existing(target_dir)
    results = compare(scenarios, args.target, args.confidence, args.replications, args.seed, args.jobs)
    table = comparison_table(results)
    translated = table.rename(columns={c: t(c, lang) for c in table.columns})
    print(t("comparison_title", lang))
    print(translated.to_string(index=False))
    with atomic_folder(target_dir) as tmp:
        translated.to_csv(tmp / "vertailu.csv", index=False)
        sheets = {t("sheet_comparison", lang): translated}
        for result in results:
            name = result.scenario.name[:28]
            sheets[name] = tables(result, lang)[t("sheet_yearly", lang)]
        write_excel(sheets, tmp / "vertailu.xlsx")
    print(t("written_to", lang, path=target_dir))
    return 0


def _app(args: argparse.Namespace) -> int:
    """Run the Streamlit page on localhost."""
    import subprocess
    from importlib.util import find_spec

    if find_spec("streamlit") is None:
        raise ScenarioError("the web app needs Streamlit: pip install -e '.[app]'")
    page = Path(__file__).parent / "app" / "page.py"
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(page),
        "--server.port",
        str(args.port),
        "--server.address",
        "127.0.0.1",
        "--browser.gatherUsageStats",
        "false",
        "--server.headless",
        "true" if args.no_browser else "false",
    ]
    return subprocess.call(command)


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _calibrate(args: argparse.Namespace) -> int:
    from .calibration.fit import Calibrator, calibration_header
    from .history import load_history

    if args.out.exists():
        raise OutputExistsError(f"{args.out} already exists; choose another --out (nothing was overwritten)")
    base = load_scenario(resolve_scenario_path(args.scenario))
    history = load_history(args.history, region=args.region)
    fit = args.fit.split(",") if args.fit else list(DEFAULT_FIT)
    calibrator = Calibrator(
        base, history, fit=fit, replications=args.replications, rounds=args.rounds, jobs=args.jobs, progress=_progress
    )
    result = calibrator.run()
    header = calibration_header(result, str(args.history), __version__)
    print(header)
    write_new_text(args.out, scenario_to_toml(result.scenario, header))
    print()
    print(t("calibrated_to", args.lang, path=args.out))
    return 0


def _backtest(args: argparse.Namespace) -> int:
    from .calibration.backtest import backtest
    from .calibration.fit import calibration_header
    from .history import load_history
    from .output.backtest_report import backtest_figure, backtest_text, translated_table
    from .output.charts import save_figure

    lang: Lang = args.lang
    base = load_scenario(resolve_scenario_path(args.scenario))
    target = args.out or default_out_dir(f"backtest-{base.name}")
    refuse_existing(target)
    history = load_history(args.history, region=args.region)
    fit = args.fit.split(",") if args.fit else list(DEFAULT_FIT)
    result = backtest(
        base,
        history,
        args.fit_until,
        replications=max(args.replications, 10),
        jobs=args.jobs,
        progress=_progress,
        fit=fit,
        rounds=args.rounds,
    )
    text = backtest_text(result, lang)
    print(text)
    with atomic_folder(target) as tmp:
        translated_table(result, lang).to_csv(tmp / "backtest.csv", index=False)
        header = calibration_header(result.calibration, str(args.history), __version__)
        (tmp / "scenario.toml").write_text(scenario_to_toml(result.scenario, header), encoding="utf-8")
        (tmp / "backtest.txt").write_text(text + "\n\n" + header + "\n", encoding="utf-8")
        save_figure(backtest_figure(result, lang), tmp / "backtest.png")
    print(t("written_to", lang, path=target))
    return 0


def _run(args: argparse.Namespace) -> int:
    from .history import default_history
    from .output.run_folder import write_run
    from .output.summary import summary_text
    from .runner import simulate

    lang: Lang = args.lang
    source = resolve_scenario_path(args.scenario)
    scenario = load_scenario(source)
    target = args.out or default_out_dir(scenario.name)
    refuse_existing(target)
    results = simulate(
        scenario,
        replications=args.replications,
        seed=args.seed,
        jobs=args.jobs,
        progress=not args.no_progress and sys.stderr.isatty(),
    )
    observed = default_history(scenario)
    print(summary_text(results, lang, observed))
    print()
    print(
        t(
            "ran",
            lang,
            n=results.scenario.simulation.replications,
            events=results.events,
            seconds=results.seconds,
            jobs=results.jobs,
        )
    )
    write_run(results, target, lang, source=str(source), observed=observed)
    print(t("written_to", lang, path=target))
    return 0


def _validate(args: argparse.Namespace) -> int:
    from .vocabulary import UNITS

    lang: Lang = args.lang
    scenario = load_scenario(args.file)
    sim = scenario.simulation
    posts = ", ".join(
        f"{t(unit, lang)} {sum(s.social_workers for s in scenario.staffing[unit].values())}" for unit in UNITS
    )
    print(
        t(
            "valid",
            lang,
            path=args.file,
            name=scenario.name,
            areas=", ".join(scenario.area_names),
            first=sim.start.year,
            last=sim.end.year,
            n=sim.replications,
            posts=posts,
        )
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    lang: Lang = getattr(args, "lang", "fi")
    try:
        commands = {
            "run": _run,
            "validate": _validate,
            "calibrate": _calibrate,
            "backtest": _backtest,
            "dimension": _dimension,
            "compare": _compare,
            "app": _app,
        }
        return commands[args.command](args)
    except (ScenarioError, OutputExistsError) as exc:
        print(f"{t('error', lang)}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{t('error', lang)}: interrupted; no output folder was written", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
