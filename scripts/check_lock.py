"""Check that the installed packages are the ones requirements.lock names.

    python scripts/check_lock.py [--lock requirements.lock]

Exits 1, listing each difference, when a locked package is missing or at
another version, or when a dependency declared in pyproject.toml is not in
the lock. .ci/run calls it after the install, so that a test run always says
which versions it approved.
"""

from __future__ import annotations

import argparse
import re
import sys
from importlib import metadata
from pathlib import Path

import tomllib

REPO = Path(__file__).resolve().parents[1]


def locked_versions(lock: Path) -> dict[str, str]:
    """``{normalised name: version}`` from a pip-freeze style lock file."""
    pins = {}
    for n, line in enumerate(lock.read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        name, sep, version = line.partition("==")
        if not sep:
            raise ValueError(f"{lock}:{n}: expected NAME==VERSION, got {line!r}")
        pins[normalise(name)] = version.strip()
    return pins


def declared(pyproject: Path) -> list[str]:
    """Names of the dependencies pyproject.toml declares (its test extra included)."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    specs = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        specs += extra
    return [normalise(re.split(r"[\s<>=!~;\[]", spec, maxsplit=1)[0]) for spec in specs]


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def problems(lock: Path, pyproject: Path) -> list[str]:
    pins = locked_versions(lock)
    found = []
    for name in declared(pyproject):
        if name not in pins:
            found.append(f"{name} is declared in pyproject.toml but not locked: "
                         "run scripts/update_lock.sh")
    for name, version in sorted(pins.items()):
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            found.append(f"{name}=={version} is locked but not installed")
            continue
        if installed.split("+", 1)[0] != version:
            found.append(f"{name} is {installed}, the lock says {version}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lock", type=Path, default=REPO / "requirements.lock")
    parser.add_argument("--pyproject", type=Path, default=REPO / "pyproject.toml")
    args = parser.parse_args(argv)
    found = problems(args.lock, args.pyproject)
    for line in found:
        print(f"check_lock: {line}", file=sys.stderr)
    if not found:
        print(f"check_lock: {len(locked_versions(args.lock))} packages as locked "
              f"({args.lock.name})")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
