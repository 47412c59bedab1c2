"""The Jinja2 templates of the reports (autoescaped, strict about undefined names) and
the stylesheet every page inlines."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from etlcheck.wording import counted

if TYPE_CHECKING:
    from jinja2 import Environment, Template
    from markupsafe import Markup


@cache
def stylesheet() -> str:
    """report.html's stylesheet, inlined into the other pages too."""
    return resources.files("etlcheck.report").joinpath("style.css").read_text("utf-8")


@cache
def environment() -> Environment:
    from jinja2 import Environment, FunctionLoader, StrictUndefined, select_autoescape

    def load(name: str) -> str:
        return resources.files("etlcheck.report").joinpath(name).read_text("utf-8")

    created = Environment(
        loader=FunctionLoader(load),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    created.filters["breakable"] = breakable
    created.filters["counted"] = counted
    return created


def breakable(text: str) -> Markup:
    """Escaped text that may wrap after each underscore (long expectation type names)."""
    from markupsafe import Markup, escape

    return Markup(str(escape(text)).replace("_", "_<wbr>"))


def template(name: str) -> Template:
    return environment().get_template(name)


def render(name: str, **values: object) -> Markup:
    """A template rendered to markup: safe to place in another template, since every value
    it took was autoescaped (or was itself such markup)."""
    from markupsafe import Markup

    return Markup(template(name).render(**values))
