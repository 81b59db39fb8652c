#!/usr/bin/env bash
# Re-resolve claimcheck's dependencies to their newest releases and write
# requirements.lock: every package the install pulls in, at an exact version.
#
#     bash scripts/update_lock.sh            # writes requirements.lock
#     rm -rf ../ci-check && git clone -q . ../ci-check && (cd ../ci-check && bash .ci/run)
#
# Run it on purpose (a new release is wanted, or the old set no longer
# installs), then run the whole suite on a clean clone with the new lock before
# committing it, and write the date and that run's result in the commit message.
# The lock is what the README's install and .ci/run use (pip's -c), so the
# same versions install today and next month.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="$(mktemp -d)/venv"
python3 -m venv "$venv"
# shellcheck disable=SC1091
. "$venv/bin/activate"
pip install -q torch==2.13.0     # the CPU build on local disk (see the README)
pip install -q -e ".[test]"      # the newest releases the ranges in pyproject.toml admit
{
    echo "# Exact versions of every package 'pip install -e \".[test]\"' pulls in, for"
    echo "# Python $(python -c 'import platform; print(platform.python_version())') on $(uname -m)."
    echo "# Written by scripts/update_lock.sh on $(date -u +%Y-%m-%d); used as pip constraints"
    echo "# (-c requirements.lock) by the README's install and .ci/run."
    # torch's local tag (+cpu) is dropped: ==2.13.0 admits the CPU build on disk.
    pip freeze --exclude-editable | sed -e 's/+cpu$//' | LC_ALL=C sort -f
} > requirements.lock
rm -rf "$(dirname "$venv")"
echo "wrote requirements.lock ($(grep -vc '^#' requirements.lock) packages)"
