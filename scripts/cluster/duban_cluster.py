"""duban-cluster: Duban's pipelines on a Dask cluster.

    duban-cluster run PIPELINE... --scheduler tcp://HOST:PORT [--work DIR] [--duban PATH]

Splits the pipelines' sources into shards by host (every source of one site in one shard, so
one worker alone talks to a site and its politeness limits hold; a local `files` source is a
shard of its own), writes one pipeline file per shard, and runs `duban run` for each shard on
a Dask worker, into a data folder of the shard's own (WORK/shards/NAME/data, on a path the
workers see). Then it gathers, on the machine that runs it:

- WORK/export/documents/NAME.jsonl and WORK/export/obligations/NAME.jsonl: the shards'
  exports as partitioned files, one per shard, readable as one table (DuckDB:
  `read_json_auto('export/obligations/*.jsonl')`; pandas: concatenate the files);
- WORK/export/manifest.json: every part with its shard, lines, bytes and SHA-256;
- WORK/report.json: the shards' run reports merged (counts summed, failures named with their
  shard), and each shard's status.

A shard whose inputs did not change since its last successful run (the same pipeline text,
the same files under its `files` sources by name, size and modification time, the same
`duban` executable) is not run again; a shard that failed, or crawls a site (whose pages only
a crawl can tell changed: duban's conditional requests make that cheap), is. Exit status: 0
when every shard succeeded, 1 when some failed (each named on stderr and in the report), 2
when the job could not run.

`duban ship --to URL WORK/export` then sends the gathered export to a search engine.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

import tomli_w

FORMAT = 1
KINDS = ("documents", "obligations")


def shard_name(source: dict) -> str:
    """The shard of a source: its site's host for a crawl, its own id for local files."""
    urls = source.get("start_urls") or []
    if source.get("type") == "http" and urls:
        host = urlsplit(urls[0]).netloc.lower()
        return re.sub(r"[^a-z0-9._-]", "_", host)
    return "files-" + re.sub(r"[^A-Za-z0-9._-]", "_", str(source.get("id", "source")))


def split(pipelines: list[Path]) -> dict[str, dict]:
    """Shard name -> the pipeline document of that shard (its sources, with every other table
    of the pipeline file it came from). Relative file paths are made absolute, since the
    shard's pipeline file lives elsewhere."""
    shards: dict[str, dict] = {}
    for path in pipelines:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
        base = path.resolve().parent
        for source in doc.get("source", []):
            source = dict(source)
            if source.get("type") == "files":
                source["paths"] = [str((base / p).resolve()) for p in source.get("paths", [])]
            name = shard_name(source)
            shard = shards.get(name)
            if shard is None:
                shard = {k: v for k, v in doc.items() if k != "source"}
                shard["pipeline"] = dict(doc.get("pipeline", {}), name=name)
                shard["source"] = []
                shards[name] = shard
            shard["source"].append(source)
    return shards


def fingerprint(pipeline_text: str, shard: dict, duban: str) -> str | None:
    """What a shard's result depends on, hashed; None when only a run can tell (a crawl)."""
    h = hashlib.sha256()
    h.update(pipeline_text.encode())
    exe = os.stat(duban)
    h.update(f"duban {exe.st_size} {exe.st_mtime_ns}\n".encode())
    for source in shard["source"]:
        if source.get("type") != "files":
            return None
        for root in source.get("paths", []):
            root = Path(root)
            files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
            for f in files:
                st = f.stat()
                h.update(f"{f} {st.st_size} {st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def run_shard(name: str, pipeline_text: str, fp: str | None, shard_dir: str, duban: str) -> dict:
    """Runs on a worker: `duban run` for one shard unless its inputs are unchanged since its
    last successful run; returns its export files' bytes and its run report."""
    d = Path(shard_dir)
    d.mkdir(parents=True, exist_ok=True)
    pipeline = d / "pipeline.toml"
    pipeline.write_text(pipeline_text, encoding="utf-8")
    done_file = d / "done.json"
    done = json.loads(done_file.read_text()) if done_file.exists() else {}
    data = d / "data"
    skipped = fp is not None and done.get("fingerprint") == fp and done.get("exit") == 0
    result = {"shard": name, "skipped": skipped, "exit": 0, "stderr": ""}
    if not skipped:
        proc = subprocess.run(
            [duban, "--data", str(data), "-q", "run", str(pipeline)],
            capture_output=True,
            text=True,
        )
        result["exit"] = proc.returncode
        result["stdout"] = proc.stdout
        result["stderr"] = proc.stderr
        done_file.write_text(json.dumps({"fingerprint": fp, "exit": proc.returncode}))
    runs = sorted((data / "runs").glob("*.json"), key=lambda p: int(p.stem) if p.stem.isdigit() else 0)
    result["report"] = json.loads(runs[-1].read_text()) if runs else None
    export = data / "export"
    result["files"] = {
        kind: (export / f"{kind}.jsonl").read_bytes() if (export / f"{kind}.jsonl").exists() else None
        for kind in KINDS
    }
    return result


def write_if_changed(path: Path, data: bytes) -> None:
    """Writes a file unless it already holds these bytes (so unchanged parts keep their
    modification time, as duban's own exports do)."""
    if path.exists() and path.read_bytes() == data:
        return
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def gather(work: Path, results: list[dict]) -> dict:
    """Writes the partitioned export, its manifest and the merged report; returns the report."""
    export = work / "export"
    parts = []
    for kind in KINDS:
        (export / kind).mkdir(parents=True, exist_ok=True)
    names = {r["shard"] for r in results}
    for kind in KINDS:
        for stale in (export / kind).glob("*.jsonl"):
            if stale.stem not in names:
                stale.unlink()
    for r in sorted(results, key=lambda r: r["shard"]):
        for kind in KINDS:
            data = r["files"].get(kind)
            path = export / kind / f"{r['shard']}.jsonl"
            if data is None:
                # A shard whose task failed before reading its export keeps its last part:
                # dropping it would withdraw its records from everything downstream.
                if not path.exists():
                    continue
                data = path.read_bytes()
            else:
                write_if_changed(path, data)
            parts.append({
                "name": f"{kind}/{r['shard']}.jsonl",
                "kind": kind,
                "shard": r["shard"],
                "lines": data.count(b"\n"),
                "bytes": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
            })
    manifest = {"format": FORMAT, "files": parts}
    write_if_changed(export / "manifest.json", (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode())
    totals = {k: 0 for k in ("documents", "new", "changed", "unchanged", "obligations",
                             "exported_documents", "exported_obligations")}
    failures = []
    shards = []
    for r in sorted(results, key=lambda r: r["shard"]):
        rep = r.get("report") or {}
        if not r["skipped"]:
            for k in totals:
                if k not in ("exported_documents", "exported_obligations"):
                    totals[k] += int(rep.get(k) or 0)
        totals["exported_documents"] += int(rep.get("exported_documents") or 0)
        totals["exported_obligations"] += int(rep.get("exported_obligations") or 0)
        for f in rep.get("failures") or [] if not r["skipped"] else []:
            failures.append(dict(f, shard=r["shard"]))
        if r["exit"] not in (0, 1) or (r["exit"] != 0 and not rep.get("failures")):
            failures.append({"shard": r["shard"], "input": r["shard"], "stage": "run",
                             "reason": (r.get("stderr") or "").strip()[-500:] or f"exit {r['exit']}"})
        status = "skipped" if r["skipped"] else ("ok" if r["exit"] == 0 else "failed")
        shards.append({"shard": r["shard"], "status": status, "exit": r["exit"],
                       "run": rep.get("run_id"), "documents": rep.get("exported_documents"),
                       "obligations": rep.get("exported_obligations")})
    report = {"format": FORMAT, "shards": shards, "failures": failures, **totals}
    (work / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    return report


def run(args: argparse.Namespace) -> int:
    from distributed import Client

    duban = shutil.which(args.duban) or args.duban
    duban = str(Path(duban).resolve())
    work = Path(args.work).resolve()
    shard_root = Path(args.shard_root).resolve() if args.shard_root else work / "shards"
    shards = split([Path(p) for p in args.pipelines])
    if not shards:
        print("duban-cluster: the pipelines have no sources", file=sys.stderr)
        return 2
    with Client(args.scheduler, timeout="30s") as client:
        futures = []
        for name, shard in sorted(shards.items()):
            text = tomli_w.dumps(shard)
            fp = fingerprint(text, shard, duban)
            futures.append(client.submit(
                run_shard, name, text, fp, str(shard_root / name), duban,
                key=f"duban-shard-{name}", pure=False,
            ))
        results = []
        for (name, _), future in zip(sorted(shards.items()), futures):
            try:
                results.append(future.result())
            except Exception as e:  # a worker lost, duban missing there: the shard failed
                results.append({"shard": name, "skipped": False, "exit": 2, "stderr": repr(e),
                                "report": None, "files": {kind: None for kind in KINDS}})
    report = gather(work, results)
    for s in report["shards"]:
        print(f"{s['shard']}: {s['status']}, {s['documents']} documents, {s['obligations']} obligations")
    for f in report["failures"]:
        print(f"duban-cluster: {f['shard']}: {f.get('input')}: {f.get('stage')} failed: {f.get('reason')}",
              file=sys.stderr)
    print(f"export: {report['exported_documents']} documents, {report['exported_obligations']} obligations "
          f"in {len(report['shards'])} shards ({work / 'export'})")
    return 1 if report["failures"] else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="duban-cluster", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="run pipelines on a Dask cluster, one shard per host")
    r.add_argument("pipelines", nargs="+", metavar="PIPELINE")
    r.add_argument("--scheduler", required=True, help="the Dask scheduler, tcp://HOST:PORT")
    r.add_argument("--work", default="cluster-data", help="where the gathered export and report go")
    r.add_argument("--shard-root", help="where the shards' data folders are, on the workers (default WORK/shards)")
    r.add_argument("--duban", default="duban", help="the duban executable, as the workers find it")
    args = parser.parse_args(argv)
    try:
        return run(args)
    except (OSError, tomllib.TOMLDecodeError) as e:
        print(f"duban-cluster: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
