"""The architecture as checked facts: the faces hold no SQL, and the core's messages name no command
(the CLI and the window each word the remedy their own way)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "crosspost"
FACES = ("cli", "gui")
SQL_CALLS = {"execute", "executemany", "executescript", "query"}
SQL_TEXT = re.compile(
    r"^\s*(SELECT\s.*\bFROM\b|INSERT\s+(OR\s+\w+\s+)?INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s"
    r"|CREATE\s+(TABLE|INDEX|TRIGGER|VIRTUAL)\s|ALTER\s+TABLE\s|DROP\s+(TABLE|INDEX)\s|PRAGMA\s)",
    re.S,
)  # the store's SQL is written in capitals; "Select a post" is not SQL
COMMAND = re.compile(
    r"`crosspost |\bcrosspost (import|posts|drafts|media|languages|translate|translations|glossary"
    r"|render|platforms|accounts|gui)\b|(?<![\w(-])--[a-z][a-z-]+(?![\w-]*:)"
)  # not CSS (--var: / var(--var))


def _modules(*parts: str) -> list[Path]:
    return sorted(p for part in parts for p in (PACKAGE / part).rglob("*.py"))


def _core_modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p.relative_to(PACKAGE).parts[0] not in FACES)


def _strings(tree: ast.AST) -> list[tuple[int, str]]:
    """Every string literal (f-string parts included) except docstrings."""
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def test_the_checks_see_the_code():
    assert len(_modules(*FACES)) > 10
    assert len(_core_modules()) > 40


@pytest.mark.parametrize("path", _modules(*FACES), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_faces_hold_no_sql(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in SQL_CALLS
    ]
    sql = [line for line, text in _strings(tree) if SQL_TEXT.match(text)]
    assert not calls and not sql, f"{path.name}: store access at lines {calls + sql}; add a core function"


@pytest.mark.parametrize("path", _core_modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_core_messages_name_no_command(path):
    found = [
        (line, text) for line, text in _strings(ast.parse(path.read_text(encoding="utf-8"))) if COMMAND.search(text)
    ]
    assert not found, f"{path.name}: core text naming a command or flag: {found}"


def test_the_checks_catch_what_they_look_for():
    code = 'def f(store):\n    store.db.execute("SELECT id FROM posts")\n    raise E("run `crosspost posts list` or --force")\n'  # noqa: E501
    tree = ast.parse(code)
    assert any(
        isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in SQL_CALLS
        for n in ast.walk(tree)
    )
    assert any(SQL_TEXT.match(t) for _, t in _strings(tree))
    assert any(COMMAND.search(t) for _, t in _strings(tree))


GUI = PACKAGE / "gui"


def _reach_backs(tree: ast.AST) -> list[int]:
    """Lines where a view reaches into the main window: ``self.window.<x>`` or ``self.window().<x>``."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute):
            continue
        target = node.value
        if isinstance(target, ast.Call):  # self.window().x
            target = target.func
        if (
            isinstance(target, ast.Attribute)
            and target.attr in ("window", "window_")
            and isinstance(target.value, ast.Name)
            and target.value.id == "self"
        ):
            found.append(node.lineno)
    return sorted(found)


@pytest.mark.parametrize("path", sorted(p for p in GUI.glob("*.py") if p.name != "window.py"), ids=lambda p: p.name)
def test_views_never_reach_into_the_main_window(path):
    """Views and dialogs are given the application context (gui/context.py); none reaches back."""
    lines = _reach_backs(ast.parse(path.read_text(encoding="utf-8")))
    assert not lines, f"{path.name}: reaches into the main window at lines {lines}; take what it needs from the context"


@pytest.mark.parametrize("path", sorted(GUI.glob("*.py")), ids=lambda p: p.name)
def test_no_window_module_is_over_600_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 600, f"{path.name}: split it"


def test_the_reach_back_check_catches_one():
    code = "class V:\n    def f(self):\n        self.window.runner.run()\n        self.window().settings\n"
    assert _reach_backs(ast.parse(code)) == [3, 4]
