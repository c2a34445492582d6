"""Extract the plugin's translatable strings into the Qt catalogue (no pylupdate needed).

Reads every ``.py`` (and Qt Designer ``.ui``) file of the plugin, outside ``tests/`` and
``tools/``, with Python's ``ast`` and writes ``resources/i18n/battery_recycling_atlas_zh_CN.ts``:
contexts sorted, messages in source order, existing translations kept, messages whose source
vanished kept as ``obsolete``. With ``--check`` nothing is written: the exit status is 1 when the
catalogue is stale or a message lacks a translation (or changes its ``{placeholders}`` or HTML
tags). ``--release`` then compiles the ``.qm`` with Qt's ``lrelease``.

What counts as translatable (the context each string gets at run time):

* ``self.tr("…")`` in a class: the class name (``AtlasAlgorithm.tr`` and PyQt's ``QObject.tr``
  use ``type(self).__name__``, so subclasses defined in the plugin get the string as well);
  ``self.tr(self.NAME)``: the class attribute ``NAME`` of each such class that defines it;
* ``QCoreApplication.translate("Ctx", "…")`` and ``QT_TRANSLATE_NOOP("Ctx", "…")`` (also through
  a local alias such as ``tr = QCoreApplication.translate``);
* a call of a helper whose body is ``return QCoreApplication.translate("Ctx", text)`` (``_tr``,
  ``report_tr``), in its module or imported: "Ctx";
* ``tr("…")`` in ``reports/*.py``: "Report" (callers pass ``report_tr``);
  ``tr("…")`` imported from the plugin's ``i18n`` module: "BatteryRecyclingAtlas" (or the
  ``context`` it is given);
* ``tr("…")`` where ``tr`` is a parameter of the enclosing function: the contexts of the
  translators its callers pass (``self.tr`` of a class, a helper, or their own ``tr``).

A string is a literal, adjacent literals (joined by the parser), literals joined with ``+`` or a
module or class constant holding one. Anything else (an f-string, a variable) is listed with
``--verbose``: mark such strings with ``QT_TRANSLATE_NOOP`` where they are defined (or add a rule
to ``DATA_STRINGS``).
"""

from __future__ import annotations

import argparse
import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N_DIR = ROOT / "resources" / "i18n"
LANGUAGE = "zh_CN"
TS_PATH = I18N_DIR / f"battery_recycling_atlas_{LANGUAGE}.ts"
QM_PATH = TS_PATH.with_suffix(".qm")
SKIP_DIRS = {
    "tests",
    "tools",
    "docs",
    "build",
    "dist",
    "demo_output",
    "resources",
    ".venv",
    ".git",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
}
REPORT_CONTEXT = "Report"
PLUGIN_CONTEXT = "BatteryRecyclingAtlas"
TRANSLATE_FUNCS = {"translate", "QT_TRANSLATE_NOOP"}
#: (file, function) -> (contexts, positional arguments, values to skip): literals in ``core``
#: calls that are translated where they are shown, e.g. the label and unit of each economics
#: parameter (``_p(default, unit, label, …)``): ``ui/parameter_panel.py`` and the reports.
DATA_STRINGS = {
    ("core/economics/parameters.py", "_p"): (
        ("EconomicsParameters", REPORT_CONTEXT),
        (1, 2),
        {"1", "fraction"},
    ),
}
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
TAG = re.compile(r"</?[a-zA-Z][^<>]*>")


@dataclass
class Message:
    context: str
    source: str
    path: str
    line: int
    col: int


@dataclass
class Report:
    """The result of an extraction: messages and warnings about strings it could not read."""

    messages: list[Message] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: Calls translating a variable: fine when the values are marked where they are defined.
    dynamic: list[str] = field(default_factory=list)


def _fixed_report_file(rel: str) -> bool:
    return rel.startswith("reports/") and rel.endswith(".py")


def plugin_files(root: Path = ROOT) -> list[Path]:
    """The plugin's Python and Designer files, sorted."""
    found = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if path.suffix in (".py", ".ui") and path.is_file() and not SKIP_DIRS & set(rel.parts[:-1]):
            found.append(path)
    return found


# -- Python modules --------------------------------------------------------------------------


class Module:
    """One parsed module: its translator helpers, string constants, imports and functions."""

    def __init__(self, root: Path, path: Path) -> None:
        self.path = path
        self.rel = path.relative_to(root).as_posix()
        self.dotted = self.rel[:-3].replace("/", ".")
        if self.dotted.endswith(".__init__"):
            self.dotted = self.dotted[: -len(".__init__")]
        self.package = (
            self.dotted if self.rel.endswith("__init__.py") else self.dotted.rpartition(".")[0]
        )
        self.tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        self.helpers: dict[str, str] = {}
        self.consts: dict[str, str] = {}
        self.imports: dict[str, tuple[str, str]] = {}  # local name -> (module, name)
        self.functions: dict[str, ast.FunctionDef] = {}
        for node in self.tree.body:
            if isinstance(node, ast.FunctionDef):
                self.functions[node.name] = node
                ctx = _helper_context(node)
                if ctx is not None:
                    self.helpers[node.name] = ctx
            elif (
                isinstance(node, ast.Assign)
                and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
            ):
                value = literal(node.value, {})
                if value is not None:
                    self.consts[node.targets[0].id] = value
        for node in ast.walk(self.tree):  # imports inside functions too
            if isinstance(node, ast.ImportFrom):
                base = self._resolve(node.module or "", node.level)
                for alias in node.names:
                    self.imports.setdefault(alias.asname or alias.name, (base, alias.name))

    def _resolve(self, module: str, level: int) -> str:
        if level == 0:
            return module
        parts = self.package.split(".") if self.package else []
        parts = parts[: len(parts) - (level - 1)] if level > 1 else parts
        return ".".join([p for p in parts if p] + ([module] if module else []))


def _helper_context(func: ast.FunctionDef) -> str | None:
    """ "Ctx" when ``func`` is ``def f(text): return QCoreApplication.translate("Ctx", text)``."""
    body = [
        n for n in func.body if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))
    ]
    if len(body) != 1 or not isinstance(body[0], ast.Return) or len(func.args.args) < 1:
        return None
    call = body[0].value
    if (
        isinstance(call, ast.Call)
        and _call_name(call) == "translate"
        and len(call.args) >= 2
        and isinstance(call.args[0], ast.Constant)
        and isinstance(call.args[0].value, str)
        and isinstance(call.args[1], ast.Name)
        and call.args[1].id == func.args.args[-1].arg
    ):
        return call.args[0].value
    return None


def _call_name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def literal(node: ast.AST, consts: dict[str, str]) -> str | None:
    """The string ``node`` evaluates to when it is built from literals and constants only."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = literal(node.left, consts), literal(node.right, consts)
        return None if left is None or right is None else left + right
    if isinstance(node, ast.Name) and node.id in consts:
        return consts[node.id]
    return None


def _param_names(func: ast.FunctionDef | ast.Lambda) -> list[str]:
    args = func.args
    return [a.arg for a in args.posonlyargs + args.args + args.kwonlyargs]


@dataclass
class ClassInfo:
    name: str
    bases: list[str]
    consts: dict[str, str]
    tr_context: str | None = None  # its ``tr`` method translates in this fixed context


class Extractor:
    """Walks every module once, then resolves the contexts of ``tr`` parameters."""

    def __init__(self, root: Path = ROOT) -> None:
        self.root = root
        self.report = Report()
        self.modules: dict[str, Module] = {}
        self.ui_files: list[Path] = []
        for path in plugin_files(root):
            if path.suffix == ".ui":
                self.ui_files.append(path)
                continue
            module = Module(root, path)
            self.modules[module.dotted] = module
        self.classes: dict[str, ClassInfo] = {}
        for module in self.modules.values():
            for node in ast.walk(module.tree):
                if isinstance(node, ast.ClassDef):
                    consts = {}
                    for item in node.body:
                        if (
                            isinstance(item, ast.Assign)
                            and len(item.targets) == 1
                            and isinstance(item.targets[0], ast.Name)
                        ):
                            value = literal(item.value, module.consts)
                            if value is not None:
                                consts[item.targets[0].id] = value
                    bases = [
                        b.id if isinstance(b, ast.Name) else getattr(b, "attr", "")
                        for b in node.bases
                    ]
                    fixed = next(
                        (
                            _helper_context(item)
                            for item in node.body
                            if isinstance(item, ast.FunctionDef) and item.name == "tr"
                        ),
                        None,
                    )
                    self.classes[node.name] = ClassInfo(node.name, bases, consts, fixed)
        # (module, function, parameter) -> contexts: for a ``tr`` parameter, those of the
        # translators passed to it; for another parameter (``alg`` in ``alg.tr("…")``), the
        # classes whose ``self`` is passed to it.
        self.param_contexts: dict[tuple[str, str, str], set[str]] = defaultdict(set)
        # (caller parameter, callee parameter): a parameter forwarded, resolved to a fixpoint.
        self.edges: list[tuple[tuple[str, str, str], tuple[str, str, str]]] = []
        # Strings waiting for the contexts of a parameter of their function.
        self.pending: list[tuple[tuple[str, str, str], str, str, int, int]] = []

    # -- class hierarchy --------------------------------------------------------------------

    def descendants(self, name: str) -> list[str]:
        """``name`` and every plugin class deriving from it, in a stable order."""
        found = [name]
        changed = True
        while changed:
            changed = False
            for cls in sorted(self.classes):
                if cls not in found and set(self.classes[cls].bases) & set(found):
                    found.append(cls)
                    changed = True
        return found

    def self_tr_contexts(self, name: str) -> list[str]:
        """Contexts of ``self.tr`` in class ``name``: per class deriving from it, the fixed
        context of the nearest ``tr`` method that has one, else the class's own name."""
        contexts = []
        for sub in self.descendants(name):
            cls, seen, ctx = sub, set(), sub
            while cls in self.classes and cls not in seen:
                seen.add(cls)
                if self.classes[cls].tr_context:
                    ctx = self.classes[cls].tr_context
                    break
                cls = next((b for b in self.classes[cls].bases if b in self.classes), "")
            if ctx not in contexts:
                contexts.append(ctx)
        return contexts

    def class_attr(self, name: str, attr: str) -> str | None:
        seen = set()
        while name in self.classes and name not in seen:
            seen.add(name)
            info = self.classes[name]
            if attr in info.consts:
                return info.consts[attr]
            name = next((b for b in info.bases if b in self.classes), "")
        return None

    # -- walking ----------------------------------------------------------------------------

    def run(self) -> Report:
        for module in self.modules.values():
            _Walker(self, module).visit(module.tree)
        for path in self.ui_files:
            self._ui(path)
        changed = True
        while changed:
            changed = False
            for caller, callee in self.edges:
                new = self.param_contexts[caller] - self.param_contexts[callee]
                if new:
                    self.param_contexts[callee] |= new
                    changed = True
        for key, text, rel, line, col in self.pending:
            contexts = sorted(self.param_contexts.get(key, ()))
            if not contexts:
                self.report.warnings.append(
                    f"{rel}:{line}: no caller passes a translator to {key[1]}({key[2]}=…)"
                )
            for ctx in contexts:
                self.add(ctx, text, rel, line, col)
        return self.report

    def add(self, context: str, text: str, rel: str, line: int, col: int) -> None:
        if text.strip():
            self.report.messages.append(Message(context, text, rel, line, col))

    def function_key(self, module: Module, name: str) -> tuple[str, str] | None:
        """The plugin's module-level function (module, name) that ``name`` refers to."""
        if name in module.functions:
            key = (module.dotted, name)
        elif name in module.imports:
            key = module.imports[name]
        else:
            return None
        target = self.modules.get(key[0])
        return key if target is not None and key[1] in target.functions else None

    def helper_context(self, module: Module, name: str) -> str | None:
        if name in module.helpers:
            return module.helpers[name]
        if name in module.imports:
            mod, orig = module.imports[name]
            target = self.modules.get(mod)
            if target is not None:
                return target.helpers.get(orig)
        return None

    def _ui(self, path: Path) -> None:
        rel = path.relative_to(self.root).as_posix()
        tree = ET.parse(path)
        context = (tree.getroot().findtext("class") or "").strip()
        for n, element in enumerate(tree.getroot().iter("string")):
            if element.get("notr") != "true" and element.text:
                self.add(context, element.text, rel, n, 0)


class _Walker(ast.NodeVisitor):
    """Visits one module keeping the enclosing classes and functions."""

    def __init__(self, extractor: Extractor, module: Module) -> None:
        self.x = extractor
        self.module = module
        self.fixed_report = _fixed_report_file(module.rel)
        self.classes: list[str] = []
        self.functions: list[tuple[ast.AST, str]] = []  # (node, qualified key name)
        self.aliases: list[set[str]] = [set()]
        imported_tr = module.imports.get("tr")
        self.plugin_tr = (
            imported_tr is not None
            and imported_tr[0].endswith("i18n")
            and imported_tr[0].count(".") <= 1
        )

    # scopes
    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def _visit_function(self, node) -> None:
        name = getattr(node, "name", "<lambda>")
        self.functions.append((node, name))
        self.aliases.append(set())
        self.generic_visit(node)
        self.aliases.pop()
        self.functions.pop()

    visit_FunctionDef = _visit_function
    visit_AsyncFunctionDef = _visit_function
    visit_Lambda = _visit_function

    def visit_Assign(self, node: ast.Assign) -> None:
        # ``tr = QCoreApplication.translate``: calls of ``tr`` are translate calls.
        if isinstance(node.value, ast.Attribute) and node.value.attr == "translate":
            for target in node.targets:
                if isinstance(target, ast.Name):
                    self.aliases[-1].add(target.id)
        self.generic_visit(node)

    # helpers
    def _tr_param_owner(self, param: str = "tr") -> tuple[str, str, str] | None:
        """(module, function, param) when ``param`` is a parameter of the innermost enclosing
        function that has one, and that function is a module-level function."""
        for node, _name in reversed(self.functions):
            if param in _param_names(node):
                top = self.functions[0][0]
                name = getattr(top, "name", None) if not self.classes else None
                if name is not None and node is top:
                    return (self.module.dotted, name, param)
                return None
        return None

    def _is_alias(self, name: str) -> bool:
        return any(name in scope for scope in self.aliases)

    def _where(self, node: ast.AST) -> tuple[str, int, int]:
        return self.module.rel, node.lineno, node.col_offset

    def _warn(self, node: ast.AST, what: str) -> None:
        segment = ast.get_source_segment(self.module.path.read_text(encoding="utf-8"), node)
        self.x.report.dynamic.append(
            f"{self.module.rel}:{node.lineno}: {what}: {(segment or '')[:80]}"
        )

    def _text(self, node: ast.AST) -> str | None:
        return literal(node, self.module.consts)

    def translator_contexts(self, node: ast.AST) -> tuple[set[str], tuple[str, str, str] | None]:
        """Contexts a translator expression passed as an argument stands for, or the key of
        the enclosing function whose ``tr`` parameter it forwards."""
        if (
            isinstance(node, ast.Attribute)
            and node.attr == "tr"
            and isinstance(node.value, ast.Name)
            and node.value.id == "self"
            and self.classes
        ):
            return set(self.x.self_tr_contexts(self.classes[-1])), None
        if isinstance(node, ast.Name):
            if node.id == "tr":
                if self.fixed_report:
                    return {REPORT_CONTEXT}, None
                owner = self._tr_param_owner()
                if owner is not None:
                    return set(), owner
                if self.plugin_tr:
                    return {PLUGIN_CONTEXT}, None
            ctx = self.x.helper_context(self.module, node.id)
            if ctx is not None:
                return {ctx}, None
        return set(), None

    # calls
    def visit_Call(self, node: ast.Call) -> None:
        self._translation(node)
        self._data_strings(node)
        self._forwarded_translator(node)
        self.generic_visit(node)

    def _translation(self, node: ast.Call) -> None:
        func = node.func
        name = _call_name(node)
        rel, line, col = self._where(node)
        # QCoreApplication.translate / QT_TRANSLATE_NOOP / an alias of translate
        if (
            isinstance(func, ast.Attribute)
            and func.attr == "translate"
            and isinstance(func.value, ast.Name)
            and func.value.id == "QCoreApplication"
        ) or (
            isinstance(func, ast.Name)
            and (func.id == "QT_TRANSLATE_NOOP" or self._is_alias(func.id))
        ):
            if len(node.args) < 2:
                return
            ctx, text = self._text(node.args[0]), self._text(node.args[1])
            if ctx is None or text is None:
                if not self._forwards_parameters(node.args[:2]):
                    self._warn(node, "translate() with a non-literal argument")
                return
            self.x.add(ctx, text, rel, line, col)
            return
        if not node.args:
            return
        arg = node.args[0]
        # self.tr(…)
        if (
            isinstance(func, ast.Attribute)
            and func.attr == "tr"
            and isinstance(func.value, ast.Name)
            and func.value.id == "self"
            and self.classes
        ):
            cls = self.classes[-1]
            if (
                isinstance(arg, ast.Attribute)
                and isinstance(arg.value, ast.Name)
                and arg.value.id == "self"
            ):
                for sub in self.x.descendants(cls):
                    value = self.x.class_attr(sub, arg.attr)
                    if value:
                        self.x.add(sub, value, rel, line, col)
                return
            text = self._text(arg)
            if text is None:
                self._warn(node, "self.tr() with a non-literal argument")
                return
            for ctx in self.x.self_tr_contexts(cls):
                self.x.add(ctx, text, rel, line, col)
            return
        # alg.tr(…): ``alg`` is a parameter; its contexts are the classes passing ``self``
        if (
            isinstance(func, ast.Attribute)
            and func.attr == "tr"
            and isinstance(func.value, ast.Name)
            and func.value.id != "self"
        ):
            owner = self._tr_param_owner(func.value.id)
            text = self._text(arg)
            if owner is None:
                return
            if text is None:
                self._warn(node, f"{func.value.id}.tr() with a non-literal argument")
                return
            self.x.pending.append((owner, text, rel, line, col))
            return
        if not isinstance(func, ast.Name):
            return
        # tr(…)
        if name == "tr":
            if self.fixed_report:
                contexts, owner = {REPORT_CONTEXT}, None
            else:
                contexts, owner = self.translator_contexts(func)
                if self.plugin_tr and owner is None:
                    explicit = (
                        node.args[1]
                        if len(node.args) > 1
                        else next((k.value for k in node.keywords if k.arg == "context"), None)
                    )
                    if explicit is not None:
                        contexts = {self._text(explicit) or PLUGIN_CONTEXT}
            if not contexts and owner is None:
                return
            text = self._text(arg)
            if text is None:
                self._warn(node, "tr() with a non-literal argument")
                return
            if owner is not None:
                self.x.pending.append((owner, text, rel, line, col))
            for ctx in sorted(contexts):
                self.x.add(ctx, text, rel, line, col)
            return
        # _tr(…), report_tr(…)
        ctx = self.x.helper_context(self.module, name)
        if ctx is not None:
            text = self._text(arg)
            if text is None:
                self._warn(node, f"{name}() with a non-literal argument")
                return
            self.x.add(ctx, text, rel, line, col)

    def _forwards_parameters(self, args: list[ast.AST]) -> bool:
        """True for a translator wrapper: the text is a parameter of the enclosing function."""
        params = _param_names(self.functions[-1][0]) if self.functions else []
        return isinstance(args[-1], ast.Name) and args[-1].id in params

    def _data_strings(self, node: ast.Call) -> None:
        """Strings of ``core`` (pure Python, no Qt) that the GUI translates, see DATA_STRINGS."""
        rule = DATA_STRINGS.get((self.module.rel, _call_name(node) or ""))
        if rule is None:
            return
        contexts, positions, skip = rule
        for pos in positions:
            if pos < len(node.args):
                text = self._text(node.args[pos])
                if text is not None and text not in skip:
                    for context in contexts:
                        self.x.add(context, text, *self._where(node))

    def _forwarded_translator(self, node: ast.Call) -> None:
        """A call passing a translator to a function with a ``tr`` parameter."""
        if not isinstance(node.func, ast.Name):
            return
        key = self.x.function_key(self.module, node.func.id)
        if key is None:
            return
        callee = self.x.modules[key[0]].functions[key[1]]
        params = [a.arg for a in callee.args.posonlyargs + callee.args.args]
        passed = {k.arg: k.value for k in node.keywords if k.arg}
        passed.update(
            {
                params[i]: a
                for i, a in enumerate(node.args[: len(params)])
                if not isinstance(a, ast.Starred)
            }
        )
        for param, arg in passed.items():
            if param == "tr":
                self._pass_translator(node, key, arg)
            elif isinstance(arg, ast.Name):
                # ``self`` (or an object parameter) whose ``.tr`` the callee may call
                if arg.id == "self" and self.classes:
                    self.x.param_contexts[key + (param,)] |= set(
                        self.x.self_tr_contexts(self.classes[-1])
                    )
                else:
                    owner = self._tr_param_owner(arg.id)
                    if owner is not None:
                        self.x.edges.append((owner, key + (param,)))

    def _pass_translator(self, node: ast.Call, key: tuple[str, str], arg: ast.AST) -> None:
        contexts, owner = self.translator_contexts(arg)
        target_rel = self.x.modules[key[0]].rel
        if _fixed_report_file(target_rel):
            if (contexts - {REPORT_CONTEXT}) and owner is None:
                self.x.report.warnings.append(
                    f"{self.module.rel}:{node.lineno}: pass report_tr (context "
                    f"\"{REPORT_CONTEXT}\") to {key[1]}, not a translator of "
                    f"{', '.join(sorted(contexts))}"
                )
            return
        self.x.param_contexts[key + ("tr",)] |= contexts
        if owner is not None:
            self.x.edges.append((owner, key + ("tr",)))


def extract(root: Path = ROOT) -> Report:
    """Every translatable message of the plugin under ``root``."""
    return Extractor(root).run()


# -- the .ts file ----------------------------------------------------------------------------


@dataclass
class Entry:
    source: str
    translation: str = ""
    obsolete: bool = False


def read_ts(path: Path) -> dict[str, list[Entry]]:
    """Context -> entries of an existing catalogue (empty when there is none)."""
    if not path.exists():
        return {}
    contexts: dict[str, list[Entry]] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        entries = contexts.setdefault(name, [])
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else ""
            entries.append(
                Entry(
                    message.findtext("source") or "",
                    (translation.text or "") if translation is not None else "",
                    kind in ("obsolete", "vanished"),
                )
            )
    return contexts


def merge(messages: list[Message], old: dict[str, list[Entry]]) -> dict[str, list[Entry]]:
    """The new catalogue: current messages with their old translations, then the old messages
    that vanished but had a translation, marked obsolete."""
    known = {(ctx, e.source): e.translation for ctx, entries in old.items() for e in entries}
    result: dict[str, list[Entry]] = {}
    seen: set[tuple[str, str]] = set()
    for m in sorted(messages, key=lambda m: (m.context, m.path, m.line, m.col)):
        if (m.context, m.source) in seen:
            continue
        seen.add((m.context, m.source))
        result.setdefault(m.context, []).append(
            Entry(m.source, known.get((m.context, m.source), ""))
        )
    for ctx, entries in old.items():
        for e in entries:
            if (ctx, e.source) not in seen and e.translation:
                seen.add((ctx, e.source))
                result.setdefault(ctx, []).append(Entry(e.source, e.translation, True))
    return dict(sorted(result.items()))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_ts(catalogue: dict[str, list[Entry]]) -> str:
    """The catalogue as Qt TS 2.1 XML."""
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        f'<TS version="2.1" language="{LANGUAGE}" sourcelanguage="en">',
    ]
    for ctx, entries in catalogue.items():
        out += ["<context>", f"    <name>{_escape(ctx)}</name>"]
        for e in entries:
            if e.obsolete:
                kind = ' type="obsolete"'
            elif not e.translation:
                kind = ' type="unfinished"'
            else:
                kind = ""
            out += [
                "    <message>",
                f"        <source>{_escape(e.source)}</source>",
                f"        <translation{kind}>{_escape(e.translation)}</translation>",
                "    </message>",
            ]
        out.append("</context>")
    out.append("</TS>")
    return "\n".join(out) + "\n"


def problems(catalogue: dict[str, list[Entry]]) -> list[str]:
    """Messages without a translation, or whose translation changes the placeholders or tags."""
    found = []
    for ctx, entries in catalogue.items():
        for e in entries:
            if e.obsolete:
                continue
            short = e.source if len(e.source) < 70 else e.source[:67] + "…"
            if not e.translation.strip():
                found.append(f"[{ctx}] no translation: {short!r}")
                continue
            if sorted(PLACEHOLDER.findall(e.source)) != sorted(PLACEHOLDER.findall(e.translation)):
                found.append(f"[{ctx}] placeholders differ: {short!r}")
            if sorted(TAG.findall(e.source)) != sorted(TAG.findall(e.translation)):
                found.append(f"[{ctx}] HTML tags differ: {short!r}")
    return found


def lrelease_path() -> str | None:
    """Qt 5's lrelease (Debian: qttools5-dev-tools)."""
    return shutil.which("lrelease") or next(
        (
            p
            for p in ("/usr/lib/qt5/bin/lrelease", "/usr/lib/x86_64-linux-gnu/qt5/bin/lrelease")
            if Path(p).exists()
        ),
        None,
    )


def release(ts: Path = TS_PATH, qm: Path = QM_PATH) -> None:
    """Compile ``ts`` into ``qm`` (unfinished and obsolete messages are left out)."""
    tool = lrelease_path()
    if tool is None:
        raise SystemExit("lrelease not found: install qttools5-dev-tools (Debian/Ubuntu)")
    subprocess.run(
        [tool, "-silent", "-nounfinished", "-removeidentical", str(ts), "-qm", str(qm)], check=True
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if the .ts is stale or incomplete",
    )
    parser.add_argument("--release", action="store_true", help="also compile the .qm")
    parser.add_argument("--quiet", action="store_true", help="no warnings")
    parser.add_argument(
        "--verbose", action="store_true", help="also list the calls that translate a variable"
    )
    args = parser.parse_args(argv)
    report = extract()
    if not args.quiet:
        for warning in report.warnings:
            print("warning:", warning, file=sys.stderr)
        for note in report.dynamic if args.verbose else ():
            print("dynamic:", note, file=sys.stderr)
    catalogue = merge(report.messages, read_ts(TS_PATH))
    text = render_ts(catalogue)
    current = [e for entries in catalogue.values() for e in entries if not e.obsolete]
    issues = problems(catalogue)
    if args.check:
        stale = not TS_PATH.exists() or TS_PATH.read_text(encoding="utf-8") != text
        if stale:
            print(f"{TS_PATH.relative_to(ROOT)} is stale: run `make translations`")
        for issue in issues:
            print(issue)
        print(f"{len(current)} messages in {len(catalogue)} contexts; " f"{len(issues)} problem(s)")
        return 1 if stale or issues else 0
    TS_PATH.parent.mkdir(parents=True, exist_ok=True)
    TS_PATH.write_text(text, encoding="utf-8")
    done = sum(1 for e in current if e.translation)
    print(
        f"{TS_PATH.relative_to(ROOT)}: {len(current)} messages in {len(catalogue)} contexts, "
        f"{done} translated, {len(current) - done} to do"
    )
    for issue in issues:
        print(issue, file=sys.stderr)
    if args.release:
        release()
        print(f"{QM_PATH.relative_to(ROOT)} compiled")
    return 0


if __name__ == "__main__":
    sys.exit(main())
