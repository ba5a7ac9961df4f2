"""The language of one run, decided before click parses anything, so that click's own usage errors, the
configuration's errors and every command speak it: ``--lang`` anywhere on the command line, else the workspace
config's ``lang`` (found from the current folder), else the environment/locale (messages.default_language)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportascode.messages import LANGUAGES, catalogue, default_language, has_message, template

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# click's modules bind gettext's functions at import; they are rebound to the catalogue here
_CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "utils", "termui")
_current = {"lang": ""}
_originals: dict[str, tuple[Any, Any]] = {}


def requested(args: Sequence[str]) -> str | None:
    """The value of ``--lang`` on the command line (the last one, as click takes it), if it names a language
    (click reports a bad one itself)."""
    found = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(args) and args[index + 1] in LANGUAGES:
            found = args[index + 1]
        if arg.startswith("--lang=") and arg[7:] in LANGUAGES:
            found = arg[7:]
    return found


def resolve(args: Sequence[str]) -> str:
    return requested(args) or default_language(_workspace_language())


def _workspace_language() -> str | None:
    from reportascode.errors import RacError
    from reportascode.model.config import load_config
    from reportascode.model.workspace import find_root

    try:
        return load_config(find_root(Path.cwd())).lang
    except RacError:  # no workspace, or a broken config: the command reports that itself
        return None


def current() -> str:
    """The run's language (set by ``use``), else the environment's."""
    return _current["lang"] or default_language()


def use(lang: str) -> None:
    """Make ``lang`` the run's language, click's texts included."""
    _current["lang"] = lang
    translate_click(lang)


def use_without_click(lang: str) -> None:
    """Make ``lang`` the run's language when click is not used (the fast path of ``rac validate``)."""
    _current["lang"] = lang


def translate_click(lang: str) -> None:
    """click's own texts (usage errors, ``--help``) in ``lang``."""
    translated = _click_texts(lang)

    def gettext(text: str) -> str:
        return translated.get(text, text)

    def ngettext(singular: str, plural_text: str, count: int) -> str:
        return gettext(singular if count == 1 else plural_text)

    for module in _click_modules():
        _originals.setdefault(module.__name__, (getattr(module, "_", None), getattr(module, "ngettext", None)))
        if hasattr(module, "_"):
            module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext


def restore() -> None:
    """click's own gettext again (after a run in this process, for whoever uses click next)."""
    _current["lang"] = ""
    if not _originals:  # click was never translated (or never imported) in this process
        return
    for module in _click_modules():
        gettext, ngettext = _originals.get(module.__name__, (None, None))
        if gettext is not None:
            module._ = gettext
        if ngettext is not None:
            module.ngettext = ngettext


def localize_help(name: str, command: Any) -> None:
    """A command's help and its options' help in the run's language: the catalogue's ``help.<command>``,
    ``help.<command>.<option>`` or, for options many commands share, ``help.option.<option>``. The command
    objects live as long as the process, so every run sets them (English too)."""
    lang = current()
    if has_message(f"help.{name}", lang):
        command.help = template(f"help.{name}", lang)
    cached_help_option = getattr(command, "_help_option", None)  # click keeps --help made in an earlier run
    if cached_help_option is not None:
        cached_help_option.help = template("click.show_help", lang)
    for param in command.params:  # options only: arguments are described in the command's help
        for key in (f"help.{name}.{param.name}", f"help.option.{param.name}"):
            if param.param_type_name == "option" and has_message(key, lang):
                param.help = template(key, lang)
                break
    for sub_name, sub in (getattr(command, "commands", None) or {}).items():  # a group's commands: "help.<g> <c>"
        localize_help(f"{name} {sub_name}", sub)


def _click_modules() -> list[Any]:
    import importlib

    return [importlib.import_module(f"click.{name}") for name in _CLICK_MODULES]


def _click_texts(lang: str) -> dict[str, str]:
    """click's English texts (the ``click.*`` entries of the English catalogue) -> their text in ``lang``."""
    return {text: template(key, lang) for key, text in catalogue("en").items() if key.startswith("click.")}
