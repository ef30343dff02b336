"""Runs the DuckDB and pandas recipes of the README's "For researchers" section on an export.

    python research.py README.md EXPORT_DIR

Every ```sql block of the section runs in DuckDB and every ```python block in a fresh
namespace, both from EXPORT_DIR (the recipes' paths are relative to it, as a researcher's
would be after `cd data/export`). A SQL block's result and a Python block's last expression
are printed under a `== <first line>` header, and each must hold at least one row: a recipe
that finds nothing on the main job's exports is as broken as one that fails. The blocks are
read from the README itself, so the README cannot drift from what is tested.

Then `frictionless validate` checks each datapackage.json under EXPORT_DIR and its files.
"""

import json
import os
import re
import subprocess
import sys


def recipes(readme):
    text = open(readme, encoding="utf-8").read()
    start = text.index("\n## For researchers")
    end = text.find("\n## ", start + 1)
    section = text[start : end if end != -1 else len(text)]
    return re.findall(r"```(sql|python)\n(.*?)```", section, flags=re.S)


def rows(value):
    """How many rows a recipe's result holds (a DataFrame, Series or DuckDB relation)."""
    if hasattr(value, "fetchall"):
        return len(value.fetchall())
    return len(value)


def valid(package):
    """Whether `frictionless validate` finds the package and its files valid.

    Frictionless reads Parquet through pandas, which turns a missing integer into NaN and then
    reports it as a type error; those errors, and only those, are its own and not the file's.
    """
    print(f"== frictionless validate {package}")
    done = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", "--json", package],
        capture_output=True,
        text=True,
    )
    try:
        report = json.loads(done.stdout)
    except ValueError:
        print(done.stdout, done.stderr, file=sys.stderr)
        return False
    errors = list(report["errors"])
    for task in report["tasks"]:
        parquet = task.get("place", "").endswith(".parquet")
        for e in task["errors"]:
            if parquet and e["type"] == "type-error" and e.get("cell") == "nan" and "integer" in e["note"]:
                continue
            errors.append(dict(e, resource=task["name"]))
        print(f"{task['name']}: {task['stats'].get('rows')} rows")
    for e in errors:
        print(f"frictionless: {e.get('resource', '')}: {e['message']}", file=sys.stderr)
    return not errors


def main():
    readme, export = os.path.abspath(sys.argv[1]), sys.argv[2]
    import duckdb  # noqa: F401  (imported here so a missing module fails loudly, not late)
    import pandas as pd

    pd.set_option("display.width", 200)
    pd.set_option("display.max_columns", None)
    os.chdir(export)
    blocks = recipes(readme)
    if not any(lang == "sql" for lang, _ in blocks) or not any(lang == "python" for lang, _ in blocks):
        sys.exit("research.py: the README's For researchers section has no sql or no python block")
    failed = 0
    for lang, code in blocks:
        title = code.strip().splitlines()[0]
        print(f"== {lang}: {title}")
        if lang == "sql":
            result = duckdb.sql(code)
            print(result)
            n = rows(duckdb.sql(code))
        else:
            *body, last = code.strip().splitlines()
            namespace = {}
            exec("\n".join(body), namespace)
            result = eval(last, namespace)
            print(result)
            n = rows(result)
        if n == 0:
            print(f"research.py: this recipe found nothing: {title}", file=sys.stderr)
            failed += 1
    for root, _, files in sorted(os.walk(".")):
        if "datapackage.json" in files:
            failed += not valid(os.path.join(root, "datapackage.json"))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
