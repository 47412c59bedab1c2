"""The report writer gets ready (its modules imported, its templates compiled) while the
run waits for Great Expectations' process, so writing the report after it takes less.

Each case runs in a fresh interpreter: the compiled templates live for the process."""

from __future__ import annotations

from tests.fresh import run_fresh

COUNT_LOADS = """
    from etlcheck.report import warm
    from etlcheck.report.templates import environment, template

    loader = environment().loader
    loads = []
    original = loader.load_func
    loader.load_func = lambda name: loads.append(name) or original(name)
"""


def test_after_the_warm_up_no_template_is_read_or_compiled_again() -> None:
    out = run_fresh(
        COUNT_LOADS
        + """
    warm.start()
    warm.finish()
    names = warm.template_names()
    compiled = len(loads)
    for name in names:
        template(name)
    print("report.html" in names, compiled == len(names), len(loads) == len(names))
    """
    )
    assert out == "True True True"


def test_without_the_warm_up_the_writer_reads_each_template() -> None:
    out = run_fresh(
        COUNT_LOADS
        + """
    template("report.html")
    print(loads)
    """
    )
    assert out.startswith("['report.html'")


def test_a_template_that_does_not_compile_is_left_to_the_writer_to_report() -> None:
    out = run_fresh(
        """
        from jinja2 import TemplateSyntaxError

        from etlcheck.report import warm
        from etlcheck.report.templates import environment, template

        environment().loader.load_func = lambda name: "{% if %}"
        warm.start()
        warm.finish()  # the thread swallowed it: nothing on stderr
        try:
            template("report.html")
        except TemplateSyntaxError as error:
            print("writer:", error.lineno)
        """
    )
    assert out == "writer: 1"
