"""Build benchmarks behind ``scripts/guide.py bench`` (issue #15, the editor's loop).

Parts (``--only``; all by default):

* compare: the guide's strict build, cold and warm, side by side with a bare
  Material build of the same Markdown (theme material, language zh, the search
  plugin with jieba, the guide's Markdown extensions and nav; no macros, hooks,
  overrides or offline plugin; not strict). Runs are interleaved so that load
  from other work on the machine falls on both alike; median, min and max.
* index: search index sizes, raw and gzip -9, of the guide and the bare build.
* serve: ``mkdocs serve`` on a copy of the sources; time from saving a page,
  or a checklist item in data/, to the served page showing the change.
* scale: the guide and a generated guide N times its size (the real pages
  copied into copy-02/, copy-03/ … with the nav extended), built strictly in
  the same run: time per page, search index size and growth.

Every build runs on a temporary copy of the project's sources (tracked and
untracked files that git does not ignore), so nothing here touches the
working tree or its caches. "Cold" means: no ``.cache/`` in the project and a
fresh temp dir (the guide's temp files, e.g. the jieba user dictionary, are
gone); Python bytecode and jieba's own dictionary cache are warm, as on a
developer's machine after the first build. "Warm" keeps ``.cache/`` and the
temp dir of the previous build.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PARTS = ("compare", "index", "serve", "scale")
PROJECT_MODULES = ("macros", "hooks", "checker")
SERVE_PAGE = "docs/work-points/theory.md"
SERVE_CHECKLIST = ("responsibility-self-inspection", "theory")  # shown on SERVE_PAGE via checklist(..., point=)
BUILT = re.compile(r"Documentation built in ([\d.]+) seconds")
REBUILD_FAILED = "An error happened during the rebuild"
RELOADED = "Reloading browsers"  # after each rebuild that succeeded
# MkDocs logs "Documentation built in 0.55 seconds" once per text: a rebuild as long as an earlier one has no time
NOT_LOGGED = "?"


def serve_builds(text: str) -> tuple[int, int, int]:
    """(builds started, succeeded, failed) from a `mkdocs serve` log.

    Succeeded builds are the first one plus each "Reloading browsers": MkDocs logs "Documentation built in
    0.54 seconds" only the first time that exact text comes (its DuplicateFilter), so two rebuilds of the same
    length would count as one and the bench would wait for a build that already ended.
    """
    started = text.count("Building documentation...")
    return started, min(started, 1 + text.count(RELOADED)) if started else 0, text.count(REBUILD_FAILED)


# ---------------------------------------------------------------- pure helpers

def _key(mapping: yaml.MappingNode, name: str):
    """The value node of ``name`` in a composed YAML mapping, or None."""
    for key, value in mapping.value:
        if key.value == name:
            return value
    return None


def _set_key(mapping: yaml.MappingNode, name: str, value: yaml.Node) -> None:
    for i, (key, _) in enumerate(mapping.value):
        if key.value == name:
            mapping.value[i] = (key, value)
            return
    mapping.value.append((yaml.ScalarNode("tag:yaml.org,2002:str", name), value))


def _node(data) -> yaml.Node:
    """Plain data as a composed YAML node."""
    return yaml.compose(yaml.safe_dump(data, allow_unicode=True))


def _mentions_project(node: yaml.Node) -> bool:
    """True if a node (or a child) is a Python tag naming one of the project's own modules."""
    tag = node.tag or ""
    if tag.startswith("tag:yaml.org,2002:python/"):
        module = tag.split(":", 3)[3]
        if module.split(".")[0] in PROJECT_MODULES:
            return True
    if isinstance(node, yaml.MappingNode):
        return any(_mentions_project(k) or _mentions_project(v) for k, v in node.value)
    if isinstance(node, yaml.SequenceNode):
        return any(_mentions_project(v) for v in node.value)
    return False


def _absolute_relative_tags(node: yaml.Node, config_dir: str) -> None:
    """Replace ``!relative $config_dir`` (mkdocs' tag) by the guide's config dir, in place."""
    children = []
    if isinstance(node, yaml.MappingNode):
        children = [v for _, v in node.value]
    elif isinstance(node, yaml.SequenceNode):
        children = node.value
    for child in children:
        if isinstance(child, yaml.ScalarNode) and child.tag == "!relative" and child.value.startswith("$config_dir"):
            child.tag = "tag:yaml.org,2002:str"
            child.value = config_dir + child.value[len("$config_dir"):]
        else:
            _absolute_relative_tags(child, config_dir)


def _serialize(node: yaml.Node) -> str:
    return yaml.serialize(node, allow_unicode=True, width=1000)


def bare_config(guide_yaml: str, config_dir: str) -> str:
    """A bare Material mkdocs.yml for the guide's Markdown, from the guide's own mkdocs.yml text.

    Keeps site_name, use_directory_urls, markdown_extensions (minus any that
    names the project's macros/hooks; ``!relative $config_dir`` made absolute so
    snippets still find deploy/) and nav; theme material in Chinese with the
    search plugin only; docs in ./docs.
    """
    guide = yaml.compose(guide_yaml)
    config = _node({
        "site_name": _key(guide, "site_name").value,
        "docs_dir": "docs",
        "use_directory_urls": _key(guide, "use_directory_urls").value == "true",
        "theme": {"name": "material", "language": "zh"},
        "plugins": ["search"],
    })
    extensions = _key(guide, "markdown_extensions")
    if extensions is not None:
        extensions.value = [entry for entry in extensions.value if not _mentions_project(entry)]
        _absolute_relative_tags(extensions, config_dir)
        _set_key(config, "markdown_extensions", extensions)
    nav = _key(guide, "nav")
    if nav is not None:
        _set_key(config, "nav", nav)
    return _serialize(config)


def copy_name(copy: int) -> str:
    return f"copy-{copy:02d}"


def scaled_nav(nav: list, copies: int) -> list:
    """The guide's nav plus one section per extra copy (2..copies) whose pages live under copy-NN/."""
    def prefixed(items, copy):
        out = []
        for item in items:
            if isinstance(item, str):
                out.append(f"{copy_name(copy)}/{item}")
            else:
                (title, value), = item.items()
                out.append({title: f"{copy_name(copy)}/{value}" if isinstance(value, str) else prefixed(value, copy)})
        return out

    return list(nav) + [{f"副本{copy}": prefixed(nav, copy)} for copy in range(2, copies + 1)]


def scaled_config(guide_yaml: str, copies: int) -> str:
    """The guide's mkdocs.yml with the nav of a guide ``copies`` times its size (see scaled_nav)."""
    config = yaml.compose(guide_yaml)
    nav = yaml.safe_load(_serialize(_key(config, "nav")))
    _set_key(config, "nav", _node(scaled_nav(nav, copies)))
    return _serialize(config)


def scaled_pages(pages: list[str], copies: int) -> list[tuple[str, str]]:
    """(source, copy) docs-relative paths of the extra pages: every page once per copy.

    Only the guide's own print.md holds every page (hooks/print_view.py): in a
    copy it is a page like the others, so the build grows with the pages.
    """
    return [(page, f"{copy_name(copy)}/{page}") for copy in range(2, copies + 1) for page in pages]


def summary(values: list[float]) -> dict:
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": values}


def fmt(stats: dict) -> str:
    """"8.10 s (7.9–8.6, 3 runs)"."""
    return f"{stats['median']:.2f} s ({stats['min']:.2f}–{stats['max']:.2f}, {len(stats['runs'])} runs)"


def kb(n: int) -> str:
    return f"{n / 1024:,.0f} KB"


# ---------------------------------------------------------------- running builds

class BenchError(Exception):
    pass


def copy_sources(dest: Path) -> Path:
    """Copy the project's sources (git ls-files: tracked and untracked, not ignored) into ``dest``."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, check=True).stdout.decode("utf-8")
    for rel in filter(None, listed.split("\0")):
        source = ROOT / rel
        if source.is_file():  # a file deleted but not yet staged is still listed
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / rel)
    return dest


class Env:
    """Temp dirs for the build subprocesses: TMPDIR fresh per cold build, kept for warm ones."""

    def __init__(self, work: Path):
        self.work = work
        self.seed = work / "tmp-seed"
        self.seed.mkdir()
        self.count = 0
        # jieba's own dictionary cache (jieba.cache in TMPDIR) is not the guide's: make it once.
        subprocess.run([sys.executable, "-c", "import jieba; jieba.setLogLevel(60); jieba.initialize()"],
                       env=self.vars(self.seed), check=True)
        self.warm_tmp = self.fresh()

    def fresh(self) -> Path:
        self.count += 1
        path = self.work / f"tmp-{self.count}"
        shutil.copytree(self.seed, path)
        return path

    @staticmethod
    def vars(tmp: Path) -> dict:
        """The environment of a build: TMPDIR ``tmp``; the build cache in its default place (the copy's .cache/)."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("GUIDE_BUILD_CACHE")}
        return dict(env, NO_MKDOCS_2_WARNING="1", TMPDIR=str(tmp))


def build(project: Path, env: dict, strict: bool = True, cold: bool = False) -> float:
    """Run ``mkdocs build`` in ``project`` into project/site; seconds from process start to exit."""
    if cold:
        shutil.rmtree(project / ".cache", ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "--strict" if strict else "--no-strict",
               "-d", str(project / "site")]
    started = time.perf_counter()
    result = subprocess.run(command, check=False, cwd=project, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode:
        tail = "\n".join(line for line in (result.stdout + result.stderr).splitlines()
                         if not line.startswith(("INFO", "Loading model", "Prefix dict")))[-3000:]
        raise BenchError(f"mkdocs build in {project} failed:\n{tail}")
    return seconds


def site_pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if "assets" not in p.parts and p.name != "404.html"]


def _dir_size(path: Path) -> tuple[int, int]:
    files = [p for p in path.rglob("*") if p.is_file()] if path.exists() else []
    return len(files), sum(p.stat().st_size for p in files)


def index_sizes(site: Path) -> dict:
    """Raw and gzip -9 sizes of each search index file the build wrote (search_index.json, .js)."""
    sizes = {}
    for name in ("search_index.json", "search_index.js"):
        path = site / "search" / name
        if path.exists():
            body = path.read_bytes()
            sizes[name] = {"raw": len(body), "gzip9": len(gzip.compress(body, compresslevel=9, mtime=0))}
    return sizes


def site_figures(site: Path) -> dict:
    pages = site_pages(site)
    n_files, total = _dir_size(site)
    return {"pages": len(pages), "files": n_files, "bytes": total,
            "html_bytes": sum(p.stat().st_size for p in pages),
            "download_bytes": _dir_size(site / "downloads")[1], "search_index": index_sizes(site)}


def make_bare(work: Path, guide: Path) -> Path:
    """A bare Material project in work/bare for the docs/ of the guide (a copy of the sources) in ``guide``."""
    bare = work / "bare"
    shutil.copytree(guide / "docs", bare / "docs")
    (bare / "mkdocs.yml").write_text(bare_config((guide / "mkdocs.yml").read_text(encoding="utf-8"), str(guide)),
                                     encoding="utf-8")
    return bare


def children_cpu() -> float:
    """User + system CPU seconds of this process's finished children (and the processes they waited for)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def process_cpu(pid: int) -> float | None:
    """User + system CPU seconds of a running process so far (Linux /proc), or None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_compare(work: Path, envs: Env, runs: int, warm: bool, log) -> dict:
    guide = copy_sources(work / "guide")
    bare = make_bare(work, guide)
    log("compare: priming builds (bytecode, OS file cache), not timed")
    build(guide, Env.vars(envs.warm_tmp))
    build(bare, Env.vars(envs.fresh()), strict=False)
    times: dict[str, list[float]] = {"guide_cold": [], "bare": [], "guide_warm": []}
    cpu: dict[str, list[float]] = {name: [] for name in times}

    def timed(name: str, *args, **kwargs) -> None:
        before = children_cpu()
        times[name].append(build(*args, **kwargs))
        cpu[name].append(children_cpu() - before)

    for run in range(runs):
        timed("guide_cold", guide, Env.vars(envs.fresh()), cold=True)
        timed("bare", bare, Env.vars(envs.fresh()), strict=False)
        if warm:
            timed("guide_warm", guide, Env.vars(envs.warm_tmp))
        log(f"compare: run {run + 1}/{runs}: " + ", ".join(f"{k} {v[-1]:.2f} s (CPU {cpu[k][-1]:.2f} s)"
                                                           for k, v in times.items() if v))
    result = {name: summary(values) for name, values in times.items() if values}
    result["cpu"] = {name: summary(values) for name, values in cpu.items() if values}
    result["ratio_cold"] = result["guide_cold"]["median"] / result["bare"]["median"]
    if warm:
        result["ratio_warm"] = result["guide_warm"]["median"] / result["bare"]["median"]
    result["guide_site"] = site_figures(guide / "site")
    result["bare_site"] = site_figures(bare / "site")
    return result


# ---------------------------------------------------------------- serve

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return None


def wait_for(url: str, marker: str, timeout: float, process=None) -> float:
    """Poll ``url`` every 50 ms until its body contains ``marker``; the time it took."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        body = fetch(url)
        if body is not None and marker in body:
            return time.perf_counter() - started
        if process is not None and process.poll() is not None:
            raise BenchError("mkdocs serve exited")
        time.sleep(0.05)
    raise BenchError(f"{url} did not show {marker!r} within {timeout:.0f} s")


def log_excerpt(text: str) -> str:
    """The first error of a log and what follows it (at most 6 lines) and the log's last 3 lines; else its end."""
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if "ERROR" in line or "Error" in line), max(len(lines) - 12, 0))
    head = lines[first:first + 6]
    return "\n".join(head + (["  …"] if first + 6 < len(lines) - 3 else []) + lines[max(first + 6, len(lines) - 3):])


def checklist_edit(text: str, item_id: str, marker: str) -> str:
    """The checklist YAML text with ``marker`` appended to the text of item ``item_id``."""
    pattern = re.compile(rf"(^[ \t]*- id: {re.escape(item_id)}[ \t]*\n(?:[ \t]+\w+:.*\n)*?[ \t]+text: .*?)[ \t]*$",
                         re.MULTILINE)
    edited, n = pattern.subn(lambda m: m.group(1) + marker, text, count=1)
    if not n:
        raise BenchError(f"no item {item_id} with a text: line")
    return edited


def run_serve(work: Path, envs: Env, edits: int, log) -> dict:
    project = copy_sources(work / "serve")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    page_url = base + Path(SERVE_PAGE).relative_to("docs").with_suffix(".html").as_posix()
    log_path = work / "serve.log"
    checklist_id, point = SERVE_CHECKLIST
    checklist = project / "data" / "checklists" / f"{checklist_id}.yml"
    item = next(i["id"] for i in yaml.safe_load(checklist.read_text(encoding="utf-8"))["items"]
                if point in i.get("points", []))
    result: dict = {"page": SERVE_PAGE, "data": f"data/checklists/{checklist_id}.yml item {item}"}
    with open(log_path, "w") as log_file:
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "--livereload"],
                                   cwd=project, env=Env.vars(envs.fresh()), stdout=log_file, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        try:
            try:
                wait_for(base, "</html>", 300, process)
            except BenchError as exc:
                raise BenchError(f"{exc}; the server's log says:\n{log_excerpt(log_path.read_text(errors='replace'))}"
                                 ) from None
            result["startup"] = time.perf_counter() - started
            log(f"serve: first page after {result['startup']:.1f} s")
            errors: list[str] = result.setdefault("rebuild_errors", [])

            def builds() -> tuple[int, int, int]:
                """Builds started, succeeded and failed, from the server's log."""
                return serve_builds(log_path.read_text(errors="replace"))

            def edit(path: Path, change) -> tuple[float, list[float], float | None]:
                """Seconds from writing the file to the page showing it; mkdocs' own times of the rebuilds;
                the server's CPU seconds for them."""
                marker = f"BENCH{uuid.uuid4().hex[:10]}"
                cpu_before = process_cpu(process.pid)
                _, finished, failed = builds()
                done, log_at = finished + failed, len(log_path.read_text(errors="replace"))
                text = path.read_text(encoding="utf-8")
                t0 = time.perf_counter()
                path.write_text(change(text, marker), encoding="utf-8")
                wait_for(page_url, marker, 120, process)
                seconds = time.perf_counter() - t0
                # let every rebuild the edit caused end before the next edit
                deadline = time.perf_counter() + 120
                while time.perf_counter() < deadline:
                    state = builds()
                    started, finished, failed = state
                    if finished + failed > done and started == finished + failed:
                        time.sleep(0.5)
                        if builds() == state:
                            break
                    time.sleep(0.05)
                text = log_path.read_text(errors="replace")[log_at:]
                if REBUILD_FAILED in text:
                    errors.append(log_excerpt(text))
                cpu_after = process_cpu(process.pid)
                cpu = cpu_after - cpu_before if cpu_before is not None and cpu_after is not None else None
                return seconds, [float(s) for s in BUILT.findall(text)], cpu

            for name, path, change in (
                    ("page_edit", project / SERVE_PAGE, lambda text, m: text.rstrip("\n") + f"\n\n本页测试标记{m}。\n"),
                    ("data_edit", checklist, lambda text, m: checklist_edit(text, item, m))):
                runs = [edit(path, change) for _ in range(edits)]
                result[name] = summary([seconds for seconds, _, _ in runs])
                result[name]["rebuilds"] = [rebuilds for _, rebuilds, _ in runs]
                result[name]["cpu"] = [cpu for _, _, cpu in runs]
                log(f"serve: {name.replace('_', ' ')}s " + ", ".join(
                    f"{seconds:.2f} s (mkdocs rebuilds: {', '.join(f'{b:.2f}' for b in rebuilds) or NOT_LOGGED} s; "
                    f"server CPU {cpu if cpu is None else round(cpu, 2)} s)" for seconds, rebuilds, cpu in runs))
        finally:
            try:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=10)
            except ProcessLookupError:
                pass
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
    return result


# ---------------------------------------------------------------- scale

def run_scale(work: Path, envs: Env, factor: int, log) -> dict:
    project = copy_sources(work / "scale")
    docs = project / "docs"
    result = {"factor": factor}
    seconds = build(project, Env.vars(envs.fresh()), cold=True)
    result["x1"] = dict(site_figures(project / "site"), seconds=seconds)
    log(f"scale: 1x built in {seconds:.2f} s")
    pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md") if "assets" not in p.parts)
    for source, copy in scaled_pages(pages, factor):
        (docs / copy).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(docs / source, docs / copy)
    config = project / "mkdocs.yml"
    config.write_text(scaled_config(config.read_text(encoding="utf-8"), factor), encoding="utf-8")
    strict = True
    try:
        seconds = build(project, Env.vars(envs.fresh()), cold=True)
    except BenchError as exc:
        log(f"scale: strict {factor}x build failed, building without --strict:\n{exc}")
        strict = False
        seconds = build(project, Env.vars(envs.fresh()), strict=False, cold=True)
    result["strict"] = strict
    result[f"x{factor}"] = dict(site_figures(project / "site"), seconds=seconds)
    log(f"scale: {factor}x built in {seconds:.2f} s")
    small, big = result["x1"], result[f"x{factor}"]
    result["page_ratio"] = big["pages"] / small["pages"]
    result["time_ratio"] = big["seconds"] / small["seconds"]
    index = "search_index.json"
    result["index_ratio"] = big["search_index"][index]["raw"] / small["search_index"][index]["raw"]
    result["seconds_per_extra_page"] = (big["seconds"] - small["seconds"]) / (big["pages"] - small["pages"])
    return result


# ---------------------------------------------------------------- report

def report(results: dict) -> str:
    before, after = results["load_average"][0], results["load_average_after"][0]
    lines = [f"load average (1 min) {before:.1f} before, {after:.1f} after, on {results['cores']} cores"
             + ("; the machine was busy, so times are long and noisy" if max(before, after) > results["cores"] else "")]
    compare = results.get("compare")
    if compare:
        site = compare["guide_site"]
        cold = compare["guide_cold"]
        lines += [
            "Builds (process start to exit; median (min–max)), same Markdown, interleaved runs:",
            f"  guide, cold strict build      {fmt(cold)}",
        ]
        if "guide_warm" in compare:
            lines.append(f"  guide, warm strict build      {fmt(compare['guide_warm'])}")
        lines += [
            f"  bare Material build           {fmt(compare['bare'])}",
            f"  guide / bare: cold {compare['ratio_cold']:.2f} x"
            + (f", warm {compare['ratio_warm']:.2f} x" if "ratio_warm" in compare else "") + "   (target: cold <= 2 x)",
            "CPU seconds (user + system, every process of the build; load on the machine stretches wall "
            "time more than this): " + ", ".join(f"{name.replace('_', ' ')} {stats['median']:.2f}"
                                                  for name, stats in compare.get("cpu", {}).items()),
            f"pages: {site['pages']}; {cold['median'] / site['pages'] * 1000:.0f} ms per page (cold)",
            (f"site: {site['files']} files, {kb(site['bytes'])}; HTML {kb(site['html_bytes'])}; "
             f"downloads {kb(site['download_bytes'])}"),
        ]
    if "index" in results:
        lines.append("Search index (raw / gzip -9):")
        for name, sizes in results["index"].items():
            for file, size in sizes.items():
                lines.append(f"  {name:6} search/{file:18} {kb(size['raw']):>10} / {kb(size['gzip9']):>8}")
    serve = results.get("serve")
    if serve:
        if "error" in serve:
            lines.append(f"serve: FAILED: {serve['error']}")
        else:
            lines += [
                (f"serve (warm server, file written to change served; target <= 1.5 s); first page after "
                 f"{serve['startup']:.1f} s:"),
                f"  page edit   {fmt(serve['page_edit'])}   {serve['page']}",
                f"  data edit   {fmt(serve['data_edit'])}   {serve['data']}",
                "  mkdocs' own rebuild times: " + "; ".join(
                    f"{name} " + ", ".join("+".join(f"{b:.1f}" for b in rebuilds) or NOT_LOGGED for rebuilds in serve[key]["rebuilds"])
                    for name, key in (("page", "page_edit"), ("data", "data_edit"))) + " s",
                "  the server's CPU per edit: " + "; ".join(
                    f"{name} " + ", ".join("?" if cpu is None else f"{cpu:.2f}" for cpu in serve[key].get("cpu", []))
                    for name, key in (("page", "page_edit"), ("data", "data_edit"))) + " s",
                f"  failed rebuilds: {len(serve['rebuild_errors'])}"
                + "".join("\n    " + error.replace("\n", "\n    ") for error in serve["rebuild_errors"][:1]),
            ]
    scale = results.get("scale")
    if scale:
        factor = scale["factor"]
        lines.append(f"Scale: the guide and a generated guide {factor} x its size, cold "
                     + ("strict builds:" if scale["strict"] else "builds (NOT strict: the strict build failed):"))
        lines.append(f"  {'':4} {'pages':>6} {'build':>8} {'per page':>9} {'index raw':>10} {'gzip -9':>9}")
        for key in ("x1", f"x{factor}"):
            row = scale[key]
            index = row["search_index"]["search_index.json"]
            lines.append(f"  {key:4} {row['pages']:>6} {row['seconds']:>6.1f} s {row['seconds'] / row['pages'] * 1000:>6.0f} ms"
                         f" {kb(index['raw']):>10} {kb(index['gzip9']):>9}")
        lines.append(f"  growth: pages {scale['page_ratio']:.1f} x, build time {scale['time_ratio']:.1f} x, "
                     f"search index {scale['index_ratio']:.1f} x; time per page {scale['time_ratio'] / scale['page_ratio']:.2f}"
                     " of 1x (1.00 = linear)")
        lines.append(f"  each page added costs {scale['seconds_per_extra_page'] * 1000:.0f} ms "
                     f"(the rest of the 1x build, {scale['x1']['seconds'] - scale['seconds_per_extra_page'] * scale['x1']['pages']:.1f} s, "
                     "does not grow with the pages)")
    return "\n".join(lines)


def bench(runs: int = 3, only: list[str] | None = None, warm: bool = True, edits: int = 3, scale: int = 10,
          json_path: str | None = None) -> int:
    parts = only or list(PARTS)
    results: dict = {"runs": runs, "cores": os.cpu_count(), "load_average": os.getloadavg()}

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    status = 0
    with tempfile.TemporaryDirectory(prefix="guide-bench-") as tmp:
        work = Path(tmp)
        envs = Env(work)
        try:
            if "compare" in parts or "index" in parts:
                compare = run_compare(work, envs, runs if "compare" in parts else 1, warm and "compare" in parts, log)
                if "compare" in parts:
                    results["compare"] = compare
                results["index"] = {"guide": compare["guide_site"]["search_index"],
                                    "bare": compare["bare_site"]["search_index"]}
            if "serve" in parts:
                try:
                    results["serve"] = run_serve(work, envs, edits, log)
                except BenchError as exc:
                    results["serve"] = {"error": str(exc)}
                    status = 1
            if "scale" in parts:
                results["scale"] = run_scale(work, envs, scale, log)
        except BenchError as exc:
            print(exc, file=sys.stderr)
            return 1
    results["load_average_after"] = os.getloadavg()
    print(report(results))
    if json_path:
        Path(json_path).write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return status
