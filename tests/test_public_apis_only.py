"""No private API of transformers, tokenizers, torch or any other library.

A library's ``_private`` names change without notice (transformers 5.25
changed ``BertModel._create_attention_masks`` under the tagger's training
script). Every ``._name`` the project's code reads must be a name the
project itself defines.
"""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FOLDERS = ("claimcheck", "scripts", "benchmarks", "tests")


def _sources() -> list[Path]:
    return sorted(p for folder in FOLDERS for p in (REPO / folder).rglob("*.py"))


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _own_names(trees: list[ast.AST]) -> set[str]:
    """Private names the project defines: functions, classes, attributes, globals."""
    names = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names.add(node.target.id)
    return {n for n in names if _private(n)}


def test_every_private_name_read_is_our_own():
    trees = {p: ast.parse(p.read_text(encoding="utf-8"), filename=str(p)) for p in _sources()}
    own = _own_names(list(trees.values()))
    foreign = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and _private(node.attr) and node.attr not in own:
                foreign.append(f"{path.relative_to(REPO)}:{node.lineno} .{node.attr}")
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 \
                    and not node.module.startswith("claimcheck"):
                private = [a.name for a in node.names if _private(a.name)]
                if private or any(_private(part) for part in node.module.split(".")):
                    foreign.append(f"{path.relative_to(REPO)}:{node.lineno} from "
                                   f"{node.module} import {private}")
    assert not foreign, "private APIs of other libraries:\n" + "\n".join(foreign)
