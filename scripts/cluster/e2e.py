"""The cluster test: a real SolrCloud (two nodes, two shards) and a Dask scheduler with two
workers on 127.0.0.1, the distributed job over the bundled corpora and the bundled site,
shipped to the engine, and the engine's answers compared with the embedded index's: for
every query of a fixed set, the total, the facet counts and the results page by page (every
match, up to 1,000) in the same order, sorted by deadline (earliest and latest first) and by
year, the orders that no relevance score takes part in (see SORTS).

    python scripts/cluster/e2e.py DUBAN_EXECUTABLE

Run by scripts/test-cluster, which installs what it needs. Starts and stops everything it
uses; prints one line per check and closes with `cluster: N passed, N failed`. Exit 0 when
every check passed.
"""

from __future__ import annotations

import http.server
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON_BIN = Path(sys.executable).parent

# The fixed query set: a word, a body filter, a phrase, a range, a facet value, a boolean mix,
# and documents.
QUERIES = [
    ("出庭应诉率", []),
    ("body:区政府法制办", []),
    ('"依法行政"', []),
    ("deadline:[2015 TO 2020]", []),
    ("value:>=90", []),
    ("kind:task", []),
    ("year:2021 -kind:task", []),
    ("法治政府 OR 行政复议", []),
    ("*", []),
    ("行政执法", ["--documents"]),
]

results: list[tuple[str, bool, str]] = []


def check(name: str, ok: bool, detail: str = "") -> None:
    results.append((name, ok, detail))
    print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# The generated site: a county of another (fictional) name, its plans written for this test.
GENERATED_TASKS = [
    ("2023", "一、推进严格规范公正文明执法",
     ["（一）全面推行行政执法公示制度。2023年6月底前，县司法局牵头公布行政执法主体清单。",
      "（二）提高行政机关负责人出庭应诉率，全年出庭应诉率达到100%。责任单位：县政府法制办。"]),
    ("2024", "一、健全行政复议体制",
     ["（一）行政复议案件按期办结率达到95%以上。责任单位：区政府法制办。",
      "（二）2024年底前完成规范性文件清理，县司法局牵头，各乡镇配合。"]),
    ("2025", "一、加强法治政府建设督察",
     ["（一）每季度通报一次依法行政工作进展，县政府督查室负责。",
      "（二）到2025年，政务服务事项网上可办率达到98%以上。"]),
]


def generate_site(root: Path) -> None:
    """Writes a small county site: a list page and one plan per year."""
    links = []
    for i, (year, heading, items) in enumerate(GENERATED_TASKS, 1):
        title = f"青禾县{year}年法治政府建设工作要点"
        body = "".join(f"<p>{t}</p>" for t in [f"青禾县人民政府办公室关于印发{title}的通知", "各乡镇人民政府，县政府各部门：", heading, *items])
        (root / "doc").mkdir(parents=True, exist_ok=True)
        (root / "doc" / f"{i}.html").write_text(
            f'<html><head><meta charset="utf-8"><title>{title}</title></head>'
            f'<body><div class="content">{body}</div></body></html>', encoding="utf-8")
        links.append(f'<li><a href="/doc/{i}.html">{title}</a></li>')
    (root / "index.html").write_text(
        '<html><head><meta charset="utf-8"><title>青禾县人民政府</title></head>'
        f'<body><ul class="list">{"".join(links)}</ul></body></html>', encoding="utf-8")


def generated_pipeline(port: int) -> str:
    return f"""[pipeline]
name = "generated"
[[source]]
id = "qinghe"
type = "http"
start_urls = ["http://127.0.0.1:{port}/index.html"]
[source.list]
link_selector = "ul.list"
[source.detail]
url_pattern = '/doc/\\d+\\.html$'
content_selector = "div.content"
[source.politeness]
requests_per_sec = 50.0
[index]
enabled = true
"""


def serve_site(port: int, site: Path | None = None) -> http.server.ThreadingHTTPServer:
    site = site or ROOT / "corpora" / "sites" / "www.linjiang.gov.cn"

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:  # the test's output is its checks
            pass

    handler = partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def start_solr(work: Path) -> subprocess.Popen:
    """Starts the cluster (engines/solr/start.sh); `wait_for_solr` reads its URL."""
    return subprocess.Popen(
        [str(ROOT / "engines" / "solr" / "start.sh"), str(work / "solr"), "2", "2"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=open(work / "solr.log", "w"),
        text=True,
    )


def wait_for_solr(proc: subprocess.Popen, box: dict) -> None:
    for line in proc.stdout:
        if line.startswith("solr-url "):
            box["url"] = line.split()[1]
        if line.startswith("solr-ready"):
            box["ready"] = line.strip()
            return


def start_dask(work: Path) -> tuple[list[subprocess.Popen], str]:
    sched_file = work / "scheduler.json"
    dask = str(PYTHON_BIN / "dask")
    log = open(work / "dask.log", "w")
    procs = [subprocess.Popen(
        [dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
         "--scheduler-file", str(sched_file)], stdout=log, stderr=log)]
    for i in range(2):
        procs.append(subprocess.Popen(
            [dask, "worker", "--scheduler-file", str(sched_file), "--nthreads", "1",
             "--nworkers", "1", "--no-dashboard", "--name", f"worker-{i}",
             "--local-directory", str(work / f"dask-{i}")], stdout=log, stderr=log))
    for _ in range(300):
        if sched_file.exists():
            try:
                address = json.loads(sched_file.read_text())["address"]
                break
            except (ValueError, KeyError):
                pass
        time.sleep(0.1)
    else:
        raise RuntimeError(f"the Dask scheduler did not start; see {work / 'dask.log'}")
    from distributed import Client
    with Client(address, timeout="30s") as c:
        c.wait_for_workers(2, timeout=60)
    return procs, address


def failed_inputs(stderr: str, prefix: str) -> list[str]:
    """The inputs named as failed on stderr (`duban: INPUT: STAGE failed: …`; the cluster's
    lines name the shard first), sorted."""
    out = []
    for line in stderr.splitlines():
        if line.startswith(prefix) and " failed: " in line:
            rest = line[len(prefix):]
            if prefix.startswith("duban-cluster"):
                rest = rest.split(": ", 1)[1]
            out.append(rest.split(": ", 1)[0])
    return sorted(out)


def duban(exe: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([exe, *args], capture_output=True, text=True)


def cluster_run(work: Path, address: str, exe: str, pipelines: list[Path]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(PYTHON_BIN / "duban-cluster"), "run", *map(str, pipelines), "--scheduler", address,
         "--work", str(work / "cluster"), "--duban", exe],
        capture_output=True, text=True)


def ship(exe: str, url: str, export: Path, *extra: str) -> tuple[dict, float]:
    started = time.monotonic()
    p = duban(exe, "ship", "--to", url, *extra, str(export))
    if p.returncode != 0:
        raise RuntimeError(f"duban ship failed: {p.stderr}")
    counts = {}
    for line in p.stdout.splitlines():
        name, rest = line.split(":", 1)
        if name not in ("documents", "obligations"):
            continue
        nums = [int(t) for t in rest.replace("(", " ").replace(",", " ").split() if t.isdigit()]
        counts[name] = dict(zip(("records", "upserted", "deleted", "unchanged"), nums))
    return counts, time.monotonic() - started


# The orders in which the results of every query are compared, id for id. Sorted by
# relevance, the engines cannot agree: Solr scores BM25 over smartcn's words with each shard's
# own statistics, the embedded index over jieba's, so that order is left out. Sorted by
# deadline or year no score takes part and records that sort alike fall to their id, ascending,
# on both sides: the order is defined by the records alone and must be the same.
SORTS = ["deadline", "-deadline", "-year"]
PAGE = 100  # the most a page may hold
PAGES = 10  # pages compared at most (every match of the bundled query set: at most 219)


def search_json(exe: str, where: list[str], query: str, *extra: str) -> dict:
    p = duban(exe, *where, "--json", "--limit", str(PAGE), *extra, "--", query)
    if p.returncode:
        raise RuntimeError(f"duban {' '.join(where)} {query}: {p.stderr.strip()}")
    return json.loads(p.stdout)


def sorted_ids(exe: str, where: list[str], query: str, sort: str, total: int, *extra: str) -> list[str]:
    """The ids of the first PAGES pages of matches sorted by `sort`, read page by page (so
    offsets are compared too)."""
    ids: list[str] = []
    for offset in range(0, min(total, PAGE * PAGES), PAGE):
        page = search_json(exe, where, query, "--sort", sort, "--offset", str(offset), *extra)
        ids += [h["id"] for h in page["hits"]]
    return ids


def first_difference(a: list[str], b: list[str]) -> str:
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return f"#{i + 1}: {x} vs {y}"
    return f"{len(a)} vs {len(b)} results"


def compare(exe: str, data: Path, url: str) -> None:
    """Every query of the set: the same total, the same facet counts and, in each order of
    SORTS, the same records (every match, up to PAGES pages) in the same order."""
    embedded_search = ["--data", str(data), "search"]
    engine_search = ["search", "--engine", url]
    for query, extra in QUERIES:
        name = f"query {query} {' '.join(extra)}".strip()
        try:
            e = search_json(exe, embedded_search, query, *extra)
            s = search_json(exe, engine_search, query, *extra)
            problems = []
            if e["total"] != s["total"] or e["total"] == 0:
                problems.append(f"totals {e['total']} vs {s['total']}")
            facets_e = {d: {v["value"]: v["count"] for v in vs} for d, vs in e["facets"].items()}
            facets_s = {d: {v["value"]: v["count"] for v in vs} for d, vs in s["facets"].items()}
            # Every facet dimension whose list is whole (under the 20 values a list may show;
            # past that, ties at the cut may keep other values).
            problems += [f"facet {d}: {facets_e.get(d)} vs {facets_s.get(d)}"
                         for d in sorted(set(facets_e) | set(facets_s))
                         if len(facets_e.get(d, {})) < 20 and facets_e.get(d, {}) != facets_s.get(d, {})]
            compared = min(e["total"], PAGE * PAGES)
            for sort in SORTS:
                ids_e = sorted_ids(exe, embedded_search, query, sort, compared, *extra)
                ids_s = sorted_ids(exe, engine_search, query, sort, compared, *extra)
                if ids_e != ids_s or len(set(ids_e)) != compared:
                    problems.append(f"--sort {sort} results differ at {first_difference(ids_e, ids_s)}")
            check(name, not problems,
                  "; ".join(problems) if problems
                  else f"{e['total']} matches, facets, {compared} in order by {', '.join(SORTS)}")
        except RuntimeError as err:
            check(name, False, str(err))


def serve_engine(exe: str, data: Path, url: str) -> None:
    """`duban serve --engine`: the page's API answers searches from the engine."""
    import urllib.parse
    import urllib.request
    server = subprocess.Popen([exe, "--data", str(data), "serve", "--addr", "127.0.0.1:0", "--engine", url],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = server.stdout.readline()
        base = line.split("serving ", 1)[1].strip()
        for query in ("出庭应诉率", "body:区政府法制办"):
            with urllib.request.urlopen(f"{base}/api/search?q={urllib.parse.quote(query)}", timeout=60) as r:
                served = json.load(r)
            local = json.loads(duban(exe, "--data", str(data), "search", "--json", "--", query).stdout)
            check(f"duban serve --engine answers {query}", served["total"] == local["total"],
                  f"served {served['total']}, embedded {local['total']}")
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> int:
    exe = str(Path(sys.argv[1]).resolve())
    work = Path(tempfile.mkdtemp(prefix="duban-cluster-test."))
    port = free_port()
    site = serve_site(port)
    site_pipeline = work / "local-site.toml"
    site_pipeline.write_text((ROOT / "pipelines" / "local-site.toml").read_text().replace("127.0.0.1:8089", f"127.0.0.1:{port}"))
    generate_site(work / "generated-site")
    generated_port = free_port()
    generated = serve_site(generated_port, work / "generated-site")
    generated_toml = work / "generated.toml"
    generated_toml.write_text(generated_pipeline(generated_port))
    pipelines = [ROOT / "pipelines" / "corpora.toml", site_pipeline, generated_toml]
    procs: list[subprocess.Popen] = []
    solr = None
    try:
        started = time.monotonic()
        # Solr builds and starts (the slowest) while Dask starts and the embedded run runs.
        solr_box: dict = {}
        solr = start_solr(work)
        solr_thread = threading.Thread(target=wait_for_solr, args=(solr, solr_box), daemon=True)
        solr_thread.start()
        procs, address = start_dask(work)
        print(f"dask: scheduler {address} and 2 workers in {time.monotonic() - started:.1f} s", flush=True)
        embedded = work / "embedded"
        # The bundled site links to pages that only the test server of the Rust tests makes
        # (a redirect loop, a 20 MB page, …): a static server answers 404, so both runs end
        # with those failures (exit 1), and the distributed run must name the same ones.
        p = duban(exe, "--data", str(embedded), "-q", "run", *map(str, pipelines))
        embedded_failures = failed_inputs(p.stderr, "duban: ")
        check("embedded run", p.returncode in (0, 1), f"exit {p.returncode}, {len(embedded_failures)} failures")
        t = time.monotonic()
        p = cluster_run(work, address, exe, pipelines)
        cluster_failures = failed_inputs(p.stderr, "duban-cluster: ")
        same = p.returncode == (1 if embedded_failures else 0) and cluster_failures == embedded_failures
        # On success the count says it; on failure the output's end shows why.
        check("distributed run names the same failures", same,
              f"{len(cluster_failures)} failures, as embedded" if same else (p.stdout + p.stderr).strip()[-500:])
        print(f"distributed run: {time.monotonic() - t:.1f} s", flush=True)
        manifest = json.loads((work / "cluster" / "export" / "manifest.json").read_text())
        shards = sorted({f["shard"] for f in manifest["files"]})
        check("one partition per shard (host)", len(shards) == 3, ", ".join(shards))
        lines = {k: sum(f["lines"] for f in manifest["files"] if f["kind"] == k) for k in ("documents", "obligations")}
        exp = json.loads((embedded / "export" / "manifest.json").read_text())
        emb_lines = {f["name"].removesuffix(".jsonl"): f["lines"] for f in exp["files"]}
        check("gathered export has the embedded run's records",
              lines["documents"] == emb_lines.get("documents") and lines["obligations"] == emb_lines.get("obligations"),
              f"{lines} vs {emb_lines}")
        solr_thread.join(timeout=600)
        if "ready" not in solr_box:
            raise RuntimeError(f"Solr did not start; see {work / 'solr.log'}")
        url = solr_box["url"]
        print(f"{solr_box['ready']}; at {url}, {time.monotonic() - started:.1f} s after the start", flush=True)
        counts, secs = ship(exe, url, work / "cluster" / "export")
        print(f"ship: {counts} in {secs:.1f} s", flush=True)
        check("first ship upserts every record",
              counts["documents"]["upserted"] == lines["documents"] and counts["obligations"]["upserted"] == lines["obligations"])
        compare(exe, embedded, url)
        serve_engine(exe, embedded, url)
        p = cluster_run(work, address, exe, pipelines)
        report = json.loads((work / "cluster" / "report.json").read_text())
        status = {s["shard"]: s["status"] for s in report["shards"]}
        check("re-run skips the unchanged files shard, re-crawls the site",
              status.get("files-seeds") == "skipped" and len(report["failures"]) == len(embedded_failures), str(status))
        counts, secs = ship(exe, url, work / "cluster" / "export")
        check("re-ship over unchanged sources sends nothing",
              all(c["upserted"] == 0 and c["deleted"] == 0 for c in counts.values()), str(counts))
        counts, secs = ship(exe, url, work / "cluster" / "export", "--by-partition")
        check("a ship partition by partition sends nothing either",
              all(c["upserted"] == 0 and c["deleted"] == 0 for c in counts.values()), str(counts))
        # Withdrawn sites: shipping the export without their partitions deletes their records;
        # shipping everything again brings them back.
        partial_export = work / "partial"
        for kind in ("documents", "obligations"):
            (partial_export / kind).mkdir(parents=True)
            src = work / "cluster" / "export" / kind / "files-seeds.jsonl"
            (partial_export / kind / "files-seeds.jsonl").write_bytes(src.read_bytes())
        counts, _ = ship(exe, url, partial_export, "--by-partition")
        site_docs = sum(f["lines"] for f in manifest["files"] if f["shard"] != "files-seeds" and f["kind"] == "documents")
        check("withdrawn documents are deleted", counts["documents"]["deleted"] == site_docs and counts["documents"]["upserted"] == 0, str(counts))
        counts, _ = ship(exe, url, work / "cluster" / "export")
        check("and come back when shipped again", counts["documents"]["upserted"] == site_docs, str(counts))
    except Exception as e:  # noqa: BLE001 - any failure is one failed check, then cleanup
        check("cluster test ran to the end", False, repr(e))
    finally:
        if solr is not None:
            solr.stdin.close()
            try:
                solr.wait(timeout=60)
            except subprocess.TimeoutExpired:
                solr.kill()
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
        site.shutdown()
        generated.shutdown()
    passed = sum(1 for _, ok, _ in results if ok)
    failed = len(results) - passed
    print(f"cluster: {passed} passed, {failed} failed")
    if failed == 0 and not os.environ.get("DUBAN_KEEP_CLUSTER_WORK"):
        import shutil
        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"cluster test: work folder kept at {work}")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
