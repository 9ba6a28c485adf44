"""Dependencies run one way: plan -> data -> render -> pipeline/check -> commands -> cli.

A module may import from its own stage and the stages before it, never after: the model never
imports the renderer, the renderer never imports validation's internals or the pipeline.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "src" / "wsoagen"
# Stage of each top-level part of the package; a module may import stages <= its own.
STAGES = {"diagnostics": 0, "files": 0, "output": 0, "plan": 1, "data": 2, "render": 3, "check": 4, "pipeline": 4,
          "commands": 5, "cli": 6, "__main__": 7, "__init__": 0, "templates": 3, "fonts": 0, "schemas": 0,
          "freshness": 4, "importer": 4, "tracker": 4, "preview": 4, "repo": 4}


def stage(dotted: str) -> int:
    parts = dotted.split(".")
    return STAGES[parts[1]] if len(parts) > 1 else 0


def imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("wsoagen"):
            names = [f"{node.module}.{a.name}" for a in node.names] if node.module == "wsoagen" else [node.module]
            found += [(node.lineno, n) for n in names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("wsoagen")]
    return found


def test_no_module_imports_a_later_stage():
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = "wsoagen." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        for line, target in imports(path):
            if target.split(".")[1:2] == ["__version__"] or target == "wsoagen":
                continue
            if stage(target) > stage(module):
                wrong.append(f"{path.relative_to(ROOT)}:{line}: {module} imports {target}")
    assert wrong == []


def test_no_module_is_over_500_lines():
    long = {str(p.relative_to(ROOT)): n for p in PACKAGE.rglob("*.py") if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500}
    assert long == {}
