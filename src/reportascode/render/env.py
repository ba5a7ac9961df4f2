"""The one Jinja environment factory, and the one place template errors become the tool's errors.

* sandboxed (:class:`~jinja2.sandbox.ImmutableSandboxedEnvironment`): a template cannot reach Python internals
  (``''.__class__``, ``cycler.__init__.__globals__``), call unsafe methods or mutate its data;
* :class:`~jinja2.StrictUndefined`: a missing variable is an error naming the template and the line;
* autoescape for ``.html``/``.htm``/``.xml`` templates; in Markdown templates every ``{{ value }}`` is escaped
  as Markdown text (model/escape.py);
* a budget: a render stops after :data:`TIME_BUDGET` seconds or :data:`OUTPUT_BUDGET` characters (nested loops
  in a workspace template), and a runtime error (a division by zero, a type error, a recursive macro or include)
  is a :class:`TemplateError` naming the template and the line (exit 2), never a crash;
* templates are looked up in the workspace's ``templates/`` first, then in the packaged ones, by plain relative
  names only: no ``..``, no absolute paths, nothing outside those two folders (no files, no environment).
"""

from __future__ import annotations

import contextvars
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any

import jinja2
import jinja2.runtime
import markupsafe
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from reportascode.errors import TemplateError, TemplateSecurity, TemplateSyntax, TemplateUndefined
from reportascode.messages import Bilingual, message
from reportascode.model.escape import markdown
from reportascode.render import content
from reportascode.render import figures as formatting
from reportascode.render.html_rows import data_rows

AUTOESCAPE_EXTENSIONS = ("html", "htm", "xml")
TIME_BUDGET = 60.0
OUTPUT_BUDGET = 64 * 1024 * 1024
_DEADLINE: contextvars.ContextVar[float] = contextvars.ContextVar("reportascode_template_deadline", default=0.0)


class _OverBudget(Exception):
    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


def _check_deadline() -> None:
    deadline = _DEADLINE.get()
    if deadline and time.monotonic() > deadline:
        raise _OverBudget("time")


class _BudgetedEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox, checking the render's deadline at every call and attribute or item access a template makes
    (a loop without either yields output, which :func:`_render` checks)."""

    def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _check_deadline()
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj: Any, attribute: str) -> Any:
        _check_deadline()
        if attribute in _PLAIN_DATA.get(type(obj), ()):
            # a data field of the document model (a cell's text, a table's rows): what the sandbox's checks
            # would let through, without their cost at every cell of a large table
            return getattr(obj, attribute)
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        _check_deadline()
        return super().getitem(obj, argument)


def _plain_data() -> dict[type, frozenset[str]]:
    """The document model's classes → their public data fields and properties (never methods)."""
    import dataclasses

    return {
        cls: frozenset({f.name for f in dataclasses.fields(cls) if not f.name.startswith("_")}
                       | {name for name, member in vars(cls).items()
                          if isinstance(member, property) and not name.startswith("_")})
        for cls in content.MODEL_TYPES
    }


_PLAIN_DATA = _plain_data()


def packaged_template_dir() -> Path:
    return Path(str(resources.files("reportascode") / "templates"))


class RefusedTemplateName(jinja2.TemplateNotFound):
    """A template name with ``..``, an absolute path or a backslash: refused before any file is touched."""


def check_template_name(name: str) -> None:
    parts = PurePosixPath(name).parts
    if (
        not name
        or "\\" in name
        or ":" in name
        or name.startswith("/")
        or any(part in ("..", ".") for part in parts)
        or "\x00" in name
    ):
        raise RefusedTemplateName(name)


class WorkspaceLoader(jinja2.BaseLoader):
    """The workspace's ``templates/`` first, then the packaged templates, by file name."""

    def __init__(self, workspace_root: Path | None) -> None:
        self.search: list[tuple[Path, str]] = []
        if workspace_root is not None and (workspace_root / "templates").is_dir():
            self.search.append(((workspace_root / "templates").resolve(), "templates/"))
        packaged = packaged_template_dir().resolve()
        if all(base != packaged for base, _ in self.search):
            self.search.append((packaged, "reportascode/templates/"))
        self.display: dict[str, str] = {}

    def find(self, name: str) -> Path | None:
        check_template_name(name)
        for base, prefix in self.search:
            candidate = base / name
            if candidate.is_file():
                resolved = candidate.resolve()
                if not resolved.is_relative_to(base):
                    raise RefusedTemplateName(name)
                self.display[str(resolved)] = prefix + name
                return resolved
        return None

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        path = self.find(template)
        if path is None:
            raise jinja2.TemplateNotFound(template)
        source = path.read_text(encoding="utf-8")
        mtime = path.stat().st_mtime

        def uptodate() -> bool:
            try:
                return path.stat().st_mtime == mtime
            except OSError:
                return False

        return source, str(path), uptodate

    def list_templates(self) -> list[str]:
        names: set[str] = set()
        for base, _ in self.search:
            names.update(p.relative_to(base).as_posix() for p in base.rglob("*") if p.is_file())
        return sorted(names)


def css_string(value: Any) -> Markup:
    """Text made safe inside a double-quoted CSS string in a <style> element (page footers): quotes, backslashes,
    angle brackets and line breaks become CSS escapes, never HTML entities (which <style> does not decode)."""
    text = str(value)
    escaped = "".join(f"\\{ord(ch):x} " if ch in '"\\<>&\n\r' or ord(ch) < 0x20 else ch for ch in text)
    return Markup(escaped)


def make_environment(workspace_root: Path | None, lang: str = "zh") -> ImmutableSandboxedEnvironment:
    """The Jinja environment every document is rendered with."""
    loader = WorkspaceLoader(workspace_root)
    env = _BudgetedEnvironment(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=AUTOESCAPE_EXTENSIONS, default_for_string=False,
                                            default=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        finalize=_markdown_safe,
    )
    env.filters.update({
        "money": formatting.money,
        "count": formatting.count,
        "number": formatting.number,
        "percent": formatting.percent,
        "percent_value": formatting.percent_value,
        "date": lambda value: formatting.date(value, lang),
        "yesno": lambda value: formatting.yesno(value, lang),
        "css_string": css_string,
    })
    env.globals.update({
        "lang": lang,
        "t": lambda key, **args: message(key, lang, args),  # the packaged templates' text: the catalogue
        "tr": lambda zh, en: Bilingual(zh, en).text(lang),  # a workspace template's own pair of texts
        "data_rows": data_rows,  # a data table's rows, written in Python (render/html_rows.py)
    })
    return env


@jinja2.pass_context
def _markdown_safe(context: jinja2.runtime.Context, value: Any) -> Any:
    """In a Markdown template every ``{{ value }}`` is literal text: markup from data (``<script>``, ``<!--``,
    ``[link](…)``) is escaped (model/escape.py). HTML templates are escaped by autoescape instead."""
    name = context.name or ""
    if name.endswith(".md") and isinstance(value, str) and not isinstance(value, markupsafe.Markup):
        return markdown(value)
    return value


def render_template(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    """Render ``name``; every template failure becomes a :class:`TemplateError` with the template and line."""
    with template_errors(env):
        return _render(env.get_template(name), context)


def render_string(env: jinja2.Environment, source: str, context: dict[str, Any], name: str = "<string>") -> str:
    with template_errors(env):
        template = env.from_string(source)
        template.name = name
        return _render(template, context)


def _render(template: jinja2.Template, context: dict[str, Any]) -> str:
    """Render within the budget: output streamed and counted, the deadline checked as it grows."""
    token = _DEADLINE.set(time.monotonic() + TIME_BUDGET)
    try:
        parts: list[str] = []
        size = 0
        for chunk in template.generate(context):
            parts.append(chunk)
            size += len(chunk)
            if size > OUTPUT_BUDGET:
                raise _OverBudget("output")
            _check_deadline()
        return "".join(parts)
    finally:
        _DEADLINE.reset(token)


@contextmanager
def template_errors(env: jinja2.Environment) -> Iterator[None]:
    loader = env.loader
    display = loader.display if isinstance(loader, WorkspaceLoader) else {}
    try:
        yield
    except RefusedTemplateName as exc:
        where, line = _position(exc, display, str(exc.name))
        raise TemplateSecurity("render.template_name_refused", name=exc.name, template=where, line=line) from None
    except jinja2.TemplateSyntaxError as exc:
        where = display.get(exc.filename or "", exc.name or exc.filename or "<string>")
        raise TemplateSyntax("render.template_syntax", template=where, line=exc.lineno,
                             detail=exc.message or str(exc)) from None
    except jinja2.TemplateNotFound as exc:
        where, line = _position(exc, display, str(exc.name))
        raise TemplateError("render.template_missing", name=exc.name, template=where, line=line) from None
    except SecurityError as exc:
        where, line = _position(exc, display)
        raise TemplateSecurity("render.template_security", template=where, line=line, detail=str(exc)) from None
    except jinja2.UndefinedError as exc:
        where, line = _position(exc, display)
        raise TemplateUndefined("render.template_undefined", template=where, line=line, detail=str(exc)) from None
    except jinja2.TemplateError as exc:
        where, line = _position(exc, display)
        raise TemplateError("render.template_error", template=where, line=line, detail=str(exc)) from None
    except _OverBudget as exc:
        where, line = _position(exc, display)
        limit = f"{TIME_BUDGET:g} s" if exc.what == "time" else f"{OUTPUT_BUDGET:,} characters"
        raise TemplateError("render.template_budget", template=where, line=line, limit=limit) from None
    except RecursionError as exc:
        where, line = _position(exc, display)
        raise TemplateError("render.template_recursion", template=where, line=line) from None
    except (ArithmeticError, TypeError, ValueError, AttributeError, KeyError, IndexError) as exc:
        # raised while a template runs (1/0, "a" + 1, a filter given the wrong thing): the template's error
        where, line = _position(exc, display)
        raise TemplateError("render.template_error", template=where, line=line,
                            detail=f"{type(exc).__name__}: {exc}") from None


def _position(exc: BaseException, display: dict[str, str], default: str = "<template>") -> tuple[str, int]:
    """The innermost template frame of a rendering error: Jinja rewrites tracebacks to template lines."""
    where, line = default, 1
    for frame, lineno in traceback.walk_tb(exc.__traceback__):
        if "__jinja_exception__" in frame.f_globals:
            filename = frame.f_code.co_filename
            where, line = display.get(filename, filename), lineno
    return where, line
