"""The import structure (docs/design/plugin-registry.md, section d): the core knows no content app.

A stdlib ``ast`` import graph of every first-party module (tests, migrations and ``TYPE_CHECKING``
blocks left out) with every import, function-local ones included, so an import hidden in a function
cannot hide a cycle. ``BASELINE`` lists today's violations: a new one fails, and so does an entry that
no longer occurs (delete it, so the baseline only shrinks). ``pytest -s`` prints the counts.
"""

import ast
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Every app of the project (a folder with apps.py), a new one included, and the settings.
APPS = tuple(sorted(path.parent.name for path in ROOT.glob("*/apps.py")))
FIRST_PARTY = (*APPS, "settings")
# Which apps each app may import. settings is the composition root and may import anything.
CORE = "cms"
SERVICES = {"security", "search", "editorial", "editorial_tools"}  # plug into the core, import only it
ALLOWED = {
    CORE: set(),
    **{service: {CORE} for service in SERVICES},
    "programmes": {CORE},
    "home": {CORE, "programmes"},
    "participation": {CORE, "programmes", "home"},
}


def allowed_imports(app):
    """A plug-in app not listed (news) may build on the core and the content apps, never on a service;
    no listed app may import it, so nothing depends on a plug-in."""
    return ALLOWED.get(app, {CORE, *(set(ALLOWED) - SERVICES - {CORE})})


# "programmes.EventPage", "participation.urls"; not "security.txt" in a path or "search." ending a sentence.
CONTENT_APP_LABEL = re.compile(rf"(?<![\w/.-])(?:{'|'.join(app for app in APPS if app != CORE)})\.[A-Za-z_]\w*")
# Third-party packages that may be missing, so they are imported where they are used.
OPTIONAL = {"boto3", "botocore", "opensearchpy", "elasticsearch", "elastic_transport"}


@dataclass
class Module:
    name: str
    path: Path
    imports: list = field(default_factory=list)  # (target, function-local?, line)
    app_label_strings: list = field(default_factory=list)


def module_name(path, root):
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_excluded(path, root):
    parts = path.relative_to(root).parts
    return "tests" in parts or "migrations" in parts or parts[-1].startswith("test_") or parts[-1] == "conftest.py"


def is_type_checking(node):
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


class ImportCollector(ast.NodeVisitor):
    def __init__(self, module, is_package):
        self.module, self.is_package = module, is_package
        self.depth = 0
        self.found = []  # (candidate module names, function-local?, line)
        self.strings = []

    def visit_FunctionDef(self, node):
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_If(self, node):
        if is_type_checking(node):
            for child in node.orelse:
                self.visit(child)
        else:
            self.generic_visit(node)

    def visit_Import(self, node):
        for alias in node.names:
            self.found.append(([alias.name], self.depth > 0, node.lineno))

    def visit_ImportFrom(self, node):
        base = node.module or ""
        if node.level:
            package = self.module.name.split(".")
            package = package if self.is_package else package[:-1]
            package = package[: len(package) - (node.level - 1)]
            base = ".".join([*package, base] if base else package)
        # "from a import b" imports the module a.b when there is one, else a name from a.
        self.found.append(([f"{base}.{alias.name}|{base}" for alias in node.names], self.depth > 0, node.lineno))

    def visit_Expr(self, node):
        # Docstrings and other bare strings are prose, not references.
        if not isinstance(node.value, ast.Constant):
            self.generic_visit(node)

    def visit_JoinedStr(self, node):
        # f"programmes.{name}": the placeholder stands for the interpolated part.
        text = "".join(part.value if isinstance(part, ast.Constant) else "X" for part in node.values)
        self.strings.extend(CONTENT_APP_LABEL.findall(text))

    def visit_Constant(self, node):
        if isinstance(node.value, str):
            self.strings.extend(CONTENT_APP_LABEL.findall(node.value))


@dataclass
class Graph:
    modules: dict  # name -> Module
    edges: dict  # name -> {first-party module names}
    local_first_party: list  # (importer, target)
    local_third_party: list  # (importer, top-level package)


def build_graph(root, packages):
    modules = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            if not is_excluded(path, root):
                modules[module_name(path, root)] = Module(module_name(path, root), path)
    edges = {name: set() for name in modules}
    local_first_party, local_third_party = [], []
    for module in modules.values():
        collector = ImportCollector(module, module.path.name == "__init__.py")
        collector.visit(ast.parse(module.path.read_text(), str(module.path)))
        module.app_label_strings = collector.strings
        for candidates, local, _line in collector.found:
            top = candidates[0].split(".")[0]
            if top not in packages:
                if local:
                    local_third_party.append((module.name, top))
                continue
            for target in {resolve(candidate, modules) for candidate in candidates} - {None}:
                edges[module.name].add(target)
                if local:
                    local_first_party.append((module.name, target))
    return Graph(modules, edges, local_first_party, local_third_party)


def resolve(candidate, modules):
    """The module a dotted name refers to: itself or its nearest enclosing module ("a.b|a": a.b if it
    is a module, else a name defined in a)."""
    dotted, _, fallback = candidate.partition("|")
    if fallback and dotted not in modules:
        dotted = fallback
    parts = dotted.split(".")
    while parts:
        if ".".join(parts) in modules:
            return ".".join(parts)
        parts.pop()
    return None


def strongly_connected(edges):
    """Tarjan's algorithm; components of more than one node, each sorted."""
    index, low, stack, on_stack, result = {}, {}, [], set(), []
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10 * len(edges) + 100))

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for successor in edges.get(node, ()):
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                result.append(tuple(sorted(component)))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return sorted(result)


def app_of(module):
    return module.split(".")[0]


def app_edges(graph):
    edges = {}
    for importer, targets in graph.edges.items():
        for target in targets:
            if app_of(target) != app_of(importer):
                edges.setdefault(app_of(importer), set()).add(app_of(target))
    return edges


def violations(graph):
    """Every rule of design section (d) as {rule: set of keys}."""
    found = {
        "module cycles": set(strongly_connected(graph.edges)),
        "app cycles": set(strongly_connected(app_edges(graph))),
        "layers": set(),
        "app labels in cms": set(),
        "function-local first-party imports": set(),
        "function-local third-party imports": set(),
    }
    for importer, targets in graph.edges.items():
        for target in targets:
            source_app, target_app = app_of(importer), app_of(target)
            if source_app in APPS and target_app != source_app and target_app not in allowed_imports(source_app):
                found["layers"].add(f"{importer} -> {target}")
    for module in graph.modules.values():
        if app_of(module.name) == "cms":
            found["app labels in cms"].update(f"{module.name}: {text}" for text in module.app_label_strings)
    for importer, target in graph.local_first_party:
        if not importer.endswith(".apps"):
            found["function-local first-party imports"].add(f"{importer} -> {target}")
    for importer, package in graph.local_third_party:
        if package not in OPTIONAL and package not in sys.stdlib_module_names:
            found["function-local third-party imports"].add(f"{importer} -> {package}")
    return found


def compare(found, baseline):
    """(new, stale): violations the baseline does not list, and baseline entries that no longer occur.

    A cycle counts as known when it lies within a known one, so breaking part of a cycle is not new."""
    new, stale = {}, {}
    for rule, keys in found.items():
        known = baseline.get(rule, set())
        if rule.endswith("cycles"):
            new[rule] = {c for c in keys if not any(set(c) <= set(k) for k in known)}
            stale[rule] = {k for k in known if k not in keys}
        else:
            new[rule], stale[rule] = keys - known, known - keys
    return {r: v for r, v in new.items() if v}, {r: v for r, v in stale.items() if v}


def lines_of(root, package):
    paths = [p for p in (root / package).rglob("*.py") if "migrations" not in p.relative_to(root).parts]
    return sum(len(p.read_text().splitlines()) for p in paths)


# Today's violations (docs/design/plugin-registry.md, section 0); each step of issue 15 deletes some.
BASELINE = {}


def test_no_new_import_violations_and_no_stale_baseline():
    graph = build_graph(ROOT, FIRST_PARTY)
    found = violations(graph)
    local_statements = [pair for pair in graph.local_first_party if not pair[0].endswith(".apps")]
    print(
        f"\nmodule cycles: {len(found['module cycles'])} "
        f"({sum(len(c) for c in found['module cycles'])} modules); "
        f"app cycles: {len(found['app cycles'])}; layer violations: {len(found['layers'])}; "
        f"function-local first-party imports: {len(local_statements)} statements "
        f"({len(found['function-local first-party imports'])} distinct); "
        f"app labels named in cms: {len(found['app labels in cms'])}; "
        f"lines in cms/: {lines_of(ROOT, 'cms')} (without tests: "
        f"{sum(len(m.path.read_text().splitlines()) for m in graph.modules.values() if app_of(m.name) == 'cms')})"
    )
    new, stale = compare(found, BASELINE)
    assert not new, f"New import violations (design section d): {new}"
    assert not stale, f"Fixed: delete these entries from BASELINE in {Path(__file__).name}: {stale}"


def write(root, files):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def test_a_function_local_import_cannot_hide_a_cycle_or_a_core_import(tmp_path):
    write(
        tmp_path,
        {
            "cms/__init__.py": "",
            "cms/api.py": "def pages():\n    from programmes.models import Event\n    return Event\n",
            "cms/label.py": 'MODEL = "programmes.Event"\n',
            "programmes/__init__.py": "",
            "programmes/models.py": "from cms import api\nEvent = object\n",
            "programmes/apps.py": "def ready():\n    from . import models\n",
            "programmes/typing_only.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import cms.label\n",
            "programmes/tests/test_x.py": "import cms.label\n",
        },
    )
    graph = build_graph(tmp_path, ("cms", "programmes"))
    found = violations(graph)

    assert found["module cycles"] == {("cms.api", "programmes.models")}
    assert found["app cycles"] == {("cms", "programmes")}
    assert found["layers"] == {"cms.api -> programmes.models"}
    assert found["app labels in cms"] == {"cms.label: programmes.Event"}
    # apps.py may import in ready(); TYPE_CHECKING and tests/ are not edges.
    assert found["function-local first-party imports"] == {"cms.api -> programmes.models"}
    assert "programmes.typing_only" in graph.modules and graph.edges["programmes.typing_only"] == set()
    assert "programmes.tests.test_x" not in graph.modules

    new, stale = compare(found, {})
    assert set(new) == {
        "module cycles",
        "app cycles",
        "layers",
        "app labels in cms",
        "function-local first-party imports",
    }
    assert compare(found, found) == ({}, {})
    # Cutting the cycle leaves stale baseline entries, which must be deleted.
    write(tmp_path, {"cms/api.py": "def pages():\n    return None\n"})
    _, stale = compare(violations(build_graph(tmp_path, ("cms", "programmes"))), found)
    assert set(stale) == {"module cycles", "app cycles", "layers", "function-local first-party imports"}
