"""The etlcheck pytest plugin, registered through the ``pytest11`` entry point.

Every option exists as a command-line flag and as an ini key
(``getoption(...) or getini(...)``), as in pytest-postgresql. The fixtures come
from factories in :mod:`etlcheck.fixtures`. With pytest-xdist the pipeline runs once per
session and the workers share it (:mod:`etlcheck.xdist_share`).
"""

from __future__ import annotations

import html
import inspect
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

from etlcheck import heap
from etlcheck.cases import WORKER_INPUT, Cases, Source, for_workers
from etlcheck.cores import run_on
from etlcheck.engines.registry import ENGINES, engine_names
from etlcheck.errors import EtlcheckError, UsageError
from etlcheck.fixture_share import overridden_fixtures
from etlcheck.fixture_support import get_option, option_source, prepare_validation
from etlcheck.fixtures import (
    etl_after_factory,
    etl_before_factory,
    etl_engine_factory,
    etl_expectations_dir,
    etl_expectations_factory,
    etl_lint_factory,
    etl_options_factory,
    etl_pipeline_tables,
    etl_run_factory,
    etl_seed_factory,
    etl_share_the_run,
)
from etlcheck.session import SESSION_KEY, EtlSession, session_run_id
from etlcheck.suite_workers import drop_idle_workers, header_line, workers_choice
from etlcheck.values import RewriteMode, Scale
from etlcheck.xdist_share import CONTROLLER, RunShare

WORKER_CORES = "etl_cores"
"""workerinput: the cores a worker started without gets back once it has collected."""

pytest_plugins = ["etlcheck.bench.pytest_plugin"]
"""Benchmarks (``--etl-bench-*``) live in a plugin of their own."""

OPTIONS: tuple[tuple[str, str, str | None], ...] = (
    (
        "etl_config",
        "etlcheck.toml or pyproject.toml of the pipeline (default: searched upwards)",
        None,
    ),
    ("etl_engine", f"engine to run on: {', '.join(engine_names())}", None),
    ("etl_scale", "sample scale: poc, seed or N", None),
    (
        "etl_seed_from",
        "seed sources instead of [seed] sources, space-separated: sample:insurance, a "
        ".sql file or folder, a folder of data files, postgresql://… or mssql://…",
        None,
    ),
    (
        "etl_seed_allow_writable",
        "true: go on (with a warning) when a live seed database's login could write to it",
        None,
    ),
    ("etl_rewrite", "how scripts move into the sandbox: ast, regex or none", None),
    ("etl_report_dir", "where reports go (default: the config's report_dir)", None),
    ("etl_expectations", "folder of Great Expectations suite JSON files", None),
    ("etl_db", "DuckDB file to use instead of a temporary one per worker", None),
    *(
        (f"etl_{name}_url", f"URL of an existing disposable {entry.title} database to use", None)
        for name, entry in ENGINES.items()
        if entry.url_schemes
    ),
    (
        "etl_allow_external_target",
        "true: seed and run in a database etlcheck did not create (refused by default)",
        None,
    ),
    (
        "etl_workers",
        "with pytest-xdist and only etlcheck suites given: auto (no workers, since the "
        "suites' tests share one run) or keep",
        None,
    ),
    (
        "etl_require_engine",
        "comma-separated engines whose absence fails the tests instead of skipping them",
        None,
    ),
)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("etlcheck", "etlcheck: verify a SQL-script ETL pipeline")
    for name, help_text, default in OPTIONS:
        flag = "--" + name.replace("_", "-")
        group.addoption(flag, action="store", dest=name, default=None, help=help_text)
        parser.addini(name, help_text, default=default)


def etl_session_of(config: pytest.Config) -> EtlSession:
    """This process's EtlSession. An xdist worker takes the controller's run id (one run,
    one report folder, for the whole session) and the folder the workers share the run in."""
    if SESSION_KEY not in config.stash:
        workerinput = getattr(config, "workerinput", None)
        if workerinput is None:
            config.stash[SESSION_KEY] = EtlSession(session_run_id())
        else:
            share = RunShare(Path(workerinput["etl_share_dir"]), workerinput["workerid"])
            config.stash[SESSION_KEY] = EtlSession(workerinput["etl_run_id"], share=share)
    return config.stash[SESSION_KEY]


_BAD_INPUT_KEY = pytest.StashKey[str]()
"""Bad input met while collecting, shown as one line at the end of the session."""


def pytest_configure(config: pytest.Config) -> None:
    """After the suites' conftests (theirs run first) and before xdist's (it runs last)."""
    etl_session = etl_session_of(config)
    check_options(config)
    if not hasattr(config, "workerinput"):
        drop_idle_workers(config, etl_session.suite_folders)


def pytest_report_header(config: pytest.Config) -> str | None:
    return header_line(config)


def check_options(config: pytest.Config) -> None:
    """Refuse a bad --etl-* value at start-up, as one line, before any test runs."""
    scale, engine, rewrite, seed_from = (
        get_option(config, name)
        for name in ("etl_scale", "etl_engine", "etl_rewrite", "etl_seed_from")
    )
    try:
        if scale:
            Scale.parse(scale)
        if engine and engine.lower() not in engine_names():
            raise UsageError(
                f"unknown engine {engine!r}", hint=f"choose one of: {', '.join(engine_names())}"
            )
        if rewrite:
            RewriteMode.parse(rewrite)
        workers_choice(config)
        if seed_from:
            from etlcheck.seed_specs import parse_seed_spec

            for spec in seed_from.split():
                parse_seed_spec(spec)
    except EtlcheckError as error:
        raise pytest.UsageError(f"etlcheck: {error}") from None


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """pytest-xdist: hand the controller's run id and the share folder to each worker."""
    etl_session = etl_session_of(node.config)
    node.workerinput["etl_run_id"] = etl_session.run_id
    node.workerinput["etl_share_dir"] = str(share_folder(etl_session))
    if etl_session.suite:
        if etl_session.worker_cases is None:
            etl_session.worker_cases = _cases_for_workers(node.config)
        node.workerinput[WORKER_INPUT] = etl_session.worker_cases
    held = etl_session.controller_run
    if held is not None:  # the worker's process exists by now
        if held.worker_cores is not None:
            node.workerinput[WORKER_CORES] = sorted(held.worker_cores)
        held.worker_started()


def share_folder(etl_session: EtlSession) -> Path:
    """The folder the workers of this session share the run in (made once)."""
    if etl_session.share_folder is None:
        etl_session.share_folder = Path(tempfile.mkdtemp(prefix="etlcheck-share-"))
    return etl_session.share_folder


@pytest.hookimpl(tryfirst=True)
def pytest_sessionstart(session: pytest.Session) -> None:
    """Get Great Expectations ready for the process that will validate the suite's run,
    and on the xdist controller, make that run while the workers start."""
    config = session.config
    if hasattr(config, "workerinput") or not etl_session_of(config).suite:
        return
    controller = config.pluginmanager.has_plugin("dsession")
    if controller and overridden_fixtures(config, sys.modules[__name__]):
        return  # a worker makes the run (and validates), through the overriding fixtures
    prepare_validation(config)  # before xdist starts its workers
    if not controller:
        return
    from etlcheck.session_run import ControllerRun

    etl_session = etl_session_of(config)
    share = RunShare(share_folder(etl_session), CONTROLLER)
    etl_session.share = share
    etl_session.controller_run = ControllerRun(config, etl_session, share)
    etl_session.controller_run.start()


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_setupnodes(config: pytest.Config, specs: list[Any]) -> None:
    """pytest-xdist, before it starts its workers: the controller's run may hold them."""
    etl_session = config.stash.get(SESSION_KEY, None)
    if etl_session is not None and etl_session.controller_run is not None:
        etl_session.controller_run.hold_workers(len(specs))


def pytest_collection_finish(session: pytest.Session) -> None:
    """On a worker: a conftest the controller did not load (below the suite's folder)
    overrides one of the run's fixtures, so the run it made cannot be this one's."""
    spared = getattr(session.config, "workerinput", {}).get(WORKER_CORES)
    if spared:  # started off one core (session_run): its tests may use them all
        run_on(spared)
    etl_session = session.config.stash.get(SESSION_KEY, None)
    if etl_session is not None and etl_session.suite:
        heap.settle()  # what the suite imported lives until exit
    share = etl_session.share if etl_session is not None else None
    if share is None or share.producer != CONTROLLER:
        return
    overrides = overridden_fixtures(session.config, sys.modules[__name__])
    if overrides:
        assert etl_session is not None
        etl_session.share_conflict = (
            f"{', '.join(overrides)} overrides a fixture of the run, and with pytest-xdist "
            "the controller made the run from the suite's own conftest.py: move the "
            "override there, or run without -n"
        )


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: object) -> None:
    """pytest-xdist: the worker that ran the pipeline says where its report is."""
    output = getattr(node, "workeroutput", {})
    if output.get("etl_report"):
        etl_session_of(node.config).report = Path(output["etl_report"])
    if output.get("etl_bad_input"):
        node.config.stash[_BAD_INPUT_KEY] = output["etl_bad_input"]


def pytest_sessionfinish(session: pytest.Session) -> None:
    if _BAD_INPUT_KEY in session.config.stash and not hasattr(session.config, "workerinput"):
        session.exitstatus = pytest.ExitCode.USAGE_ERROR
    etl_session = session.config.stash.get(SESSION_KEY, None)
    if etl_session is None:
        return
    if etl_session.controller_run is not None:
        etl_session.controller_run.finish()
    written = etl_session.finish()
    if written is not None and hasattr(session.config, "workeroutput"):
        session.config.workeroutput["etl_report"] = str(written)
    if etl_session.share is not None and hasattr(session.config, "workerinput"):
        etl_session.share.release_database()
    if etl_session.share_folder is not None:
        shutil.rmtree(etl_session.share_folder, ignore_errors=True)
    if etl_session.suite:
        heap.settle()  # pytest's collections as it ends need not scan the run's objects
    _skip_idle_hypothesis_summary(session.config)


def _skip_idle_hypothesis_summary(config: pytest.Config) -> None:
    """Hypothesis's pytest plugin imports Hypothesis in its terminal summary, in every
    process, whether or not a test used it: about 0.15 CPU-s with Hypothesis 6.155, in the
    controller and in each xdist worker, while the session ends. Where Hypothesis was never
    imported it has nothing to report (no statistics, failing examples or observations), so
    it leaves the session here."""
    if "hypothesis" not in sys.modules:
        plugin = config.pluginmanager.get_plugin("hypothesispytest")
        if plugin is not None:
            config.pluginmanager.unregister(plugin)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """The run's report, where a person looks last: the end of pytest's output."""
    etl_session = terminalreporter.config.stash.get(SESSION_KEY, None)
    if etl_session is not None and etl_session.report is not None:
        terminalreporter.write_sep("-", f"etlcheck report: {etl_session.report}")
    if etl_session is not None and etl_session.options is not None:
        from etlcheck.uncalled import pipeline_notes

        for note in pipeline_notes(etl_session.options.config):
            terminalreporter.write_line(f"etlcheck: {note}", yellow=True)
    error = terminalreporter.config.stash.get(_BAD_INPUT_KEY, None)
    if error is not None:
        terminalreporter.write_line(f"ERROR: etlcheck: {error}", red=True)


@pytest.hookimpl(optionalhook=True)
def pytest_html_results_summary(
    prefix: list[str], summary: list[str], postfix: list[str], session: pytest.Session
) -> None:
    """pytest-html: link the run's report (beside pytest.html, in the same folder)."""
    etl_session = session.config.stash.get(SESSION_KEY, None)
    report = etl_session.report if etl_session is not None else None
    htmlpath = getattr(session.config.option, "htmlpath", None)
    if report is not None and report.exists() and htmlpath:
        link = html.escape(os.path.relpath(report, Path(htmlpath).resolve().parent))
        prefix.append(
            f'<p>etlcheck report of this run: <a href="{link}">{link}</a> '
            f"(<code>{html.escape(str(report))}</code>)</p>"
        )


def use_config(config: pytest.Config, path: Path) -> None:
    """Point the etlcheck fixtures at ``path`` (a suite's own etlcheck.toml) unless
    ``--etl-config``, the ``etl_config`` ini key or ``ETLCHECK_CONFIG`` names one."""
    if get_option(config, "etl_config") is None:
        config.option.etl_config = str(path)


def enable_pytest_reports(config: pytest.Config) -> None:
    """Write pytest-html and JUnit XML for this pytest run into the report folder
    (only on the controller, and only where the user did not choose other paths). The
    calling conftest's folder is a suite's (:mod:`etlcheck.suite_workers`)."""
    etl_session_of(config).suite = True
    frame = inspect.currentframe()
    caller = frame.f_back.f_globals.get("__file__") if frame and frame.f_back else None
    if caller:
        etl_session_of(config).suite_folders.add(Path(caller).resolve().parent)
    if hasattr(config, "workerinput"):
        return
    base = Path(get_option(config, "etl_report_dir") or _report_dir(config))
    folder = base / etl_session_of(config).run_id
    if getattr(config.option, "xmlpath", None) is None:
        config.option.xmlpath = str(folder / "junit.xml")
    if hasattr(config.option, "htmlpath") and not config.option.htmlpath:
        config.option.htmlpath = str(folder / "pytest.html")
        config.option.self_contained_html = True


def _report_dir(config: pytest.Config) -> Path:
    """``[run] report_dir`` of the suite's configuration (where run.json goes too)."""
    from etlcheck.config import load_config

    try:
        etl_config = load_config(get_option(config, "etl_config"))
    except EtlcheckError as error:
        raise pytest.UsageError(f"etlcheck: {error}") from None
    return etl_config.root / etl_config.run.report_dir


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """One test case per phase, per expectation suite and per protected table."""
    names = metafunc.fixturenames
    if not {"etl_phase", "etl_expectation_suite", "etl_protected_table"} & set(names):
        return
    cases = _cases(metafunc.config)
    try:
        folder = get_option(metafunc.config, "etl_expectations")
        where = Path(folder) if folder else metafunc.definition.path.parent / "expectations"
        if not _takes_the_controllers_run(metafunc.config):
            from etlcheck.expectations import start_for_folder

            start_for_folder(where, get_option(metafunc.config, "etl_engine") or cases.engine())
        if "etl_phase" in names:
            phases = cases.phases()
            metafunc.parametrize("etl_phase", phases, ids=phases)
        if "etl_expectation_suite" in names:
            suites = cases.suites(where)
            if suites:
                metafunc.parametrize("etl_expectation_suite", suites, ids=suites)
            else:
                reason = f"no expectation suites in {where}: add ExpectationSuite JSON files"
                skipped = [pytest.param(None, marks=pytest.mark.skip(reason=reason))]
                metafunc.parametrize("etl_expectation_suite", skipped, ids=["no-suites"])
        if "etl_protected_table" in names:
            tables: list[str | None] = list(cases.tables())
            # None: no declaration names a table; the case checks every table the
            # before-fingerprint holds.
            ids = [str(t) for t in tables] if tables else [EVERY_PROTECTED_TABLE]
            metafunc.parametrize("etl_protected_table", tables or [None], ids=ids)
    except EtlcheckError as error:
        # Raised here, pytest would show it as a collection error with a traceback;
        # pytest_collection_modifyitems stops the session with it as one line.
        metafunc.config.stash[_BAD_INPUT_KEY] = str(error)


_CASES_KEY = pytest.StashKey[Cases]()


def _cases(config: pytest.Config) -> Cases:
    """This session's cases (those the xdist controller handed over, on a worker)."""
    if _CASES_KEY not in config.stash:
        given = getattr(config, "workerinput", {}).get(WORKER_INPUT)
        config.stash[_CASES_KEY] = Cases(_case_source(config), given)
    return config.stash[_CASES_KEY]


def _case_source(config: pytest.Config) -> Source:
    return Source(get_option(config, "etl_config"), get_option(config, "etl_seed_from"))


def _cases_for_workers(config: pytest.Config) -> dict[str, Any]:
    """On the xdist controller of a suite: the cases its workers will collect, for the
    suites' folders the command line names (``--etl-expectations``, or ``expectations``
    beside each path given)."""
    given = get_option(config, "etl_expectations")
    if given:
        folders = [Path(given)]
    else:
        paths = [config.invocation_params.dir / arg.split("::")[0] for arg in config.args]
        folders = [(p if p.is_dir() else p.parent) / "expectations" for p in paths]
    return for_workers(_case_source(config), folders)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Bad input found while the suite's cases were listed (an expectation suite that
    does not read, a seed that cannot be listed): one line, no test runs.

    An xdist worker cannot stop the session, so it runs nothing and hands the line to
    the controller, which ends with it (pytest_testnodedown, pytest_sessionfinish)."""
    error = config.stash.get(_BAD_INPUT_KEY, None)
    if error is None:
        return
    if not hasattr(config, "workeroutput"):
        del config.stash[_BAD_INPUT_KEY]  # pytest shows the UsageError itself
        raise pytest.UsageError(f"etlcheck: {error}")
    config.workeroutput["etl_bad_input"] = error
    config.hook.pytest_deselected(items=list(items))
    items.clear()


def _takes_the_controllers_run(config: pytest.Config) -> bool:
    """An xdist worker whose run the controller makes (it never validates suites itself,
    so it has no Great Expectations to get ready)."""
    etl_session = config.stash.get(SESSION_KEY, None)
    share = etl_session.share if etl_session is not None else None
    return share is not None and share.producer == CONTROLLER


EVERY_PROTECTED_TABLE = "every-protected-table"


etl_options = etl_options_factory()
etl_engine = etl_engine_factory()
etl_seed = etl_seed_factory()
etl_before = etl_before_factory()
etl_lint = etl_lint_factory()
etl_run = etl_run_factory()
etl_after = etl_after_factory()
etl_expectations = etl_expectations_factory()

__all__ = [
    "etl_after",
    "etl_before",
    "etl_engine",
    "etl_expectations",
    "etl_expectations_dir",
    "etl_lint",
    "etl_options",
    "etl_pipeline_tables",
    "etl_run",
    "etl_seed",
    "etl_share_the_run",
    "get_option",
    "option_source",
]
