"""Make the build's downloads in a second process while MkDocs renders the pages (issue #15).

On a cold build the .docx/.xlsx files and the checker's compiled data take
about as long as rendering every page, and they do not depend on the pages.
``DownloadWorker`` sends the downloads that are not in the build cache to one
spawned process (a clean interpreter: no threads or V8 state inherited) and
returns at once; hooks/downloads.py asks for the bytes when MkDocs copies the
files into the site, after every page's Markdown has been rendered. Pages that
print a download's size meanwhile get a mark that is replaced by the size
before the page is indexed and written (``macros.downloads.size_text``).

Each download is made by the same ``macros.downloads.make`` as in the build's
own process, with the same records (pickled, not read again), and stored in the
build cache there. A failure stops the build with the record's file and line,
as it would without the worker. ``GUIDE_BUILD_WORKER=off`` makes everything in
the build's own process.

The worker reports each file's size on its standard output as soon as the
file is made (``SIZE_LINE``), so the build fills in the sizes pages print
(``size_of``) without waiting for the rest; the bytes come with the answer at
the end. The files pages link with a size are made first, the scripts' data
(.js, .json: the checker's compiled data, the slowest) last (``sent_order``):
the build then indexes and prebuilds the search while the worker compiles the
checker's data. The order only changes when the sizes are known, never what
is made.

Before the downloads, the worker makes the values the build's own process will
need while it renders the pages and would otherwise make itself (``ahead``): the
glossary's pinyin sort keys (``PINYIN_KEYS``), so that the build's process,
which renders the pages and is the longer of the two, does not load pypinyin;
and what V8 says of the patterns of data/ JavaScript must read (``JS_PATTERNS``,
macros/checks/jspatterns.py), so that it does not start V8.
Each is reported on the standard output as soon as it is made (``VALUE_LINE``);
``value(name)`` waits for it, and gives None (the caller then makes it itself)
when there is no worker or the worker could not make it.
"""

from __future__ import annotations

import gc
import json
import os
import pickle
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from . import buildcache
from .downloads import Download, make
from .errors import GuideError


def enabled() -> bool:
    return os.environ.get("GUIDE_BUILD_WORKER", "on").lower() not in ("off", "0", "no", "false")


# A line of the worker's standard output giving one file's size: SIZE_LINE + JSON [path, bytes].
SIZE_LINE = "guide-download-size "
VALUE_LINE = "guide-value "  # a value made ahead: VALUE_LINE + JSON [name, value or null]
JS_PATTERNS = "js-patterns"  # [problem or null] of the patterns of data/ JavaScript must read (checks/jspatterns.py)
PINYIN_KEYS = "pinyin-keys"  # {text: pinyin key} of the glossary's terms sorted by pinyin (macros/render/glossary.py)
LATE_KINDS = ("js", "json")  # data for the pages' scripts: never printed with a size; the checker's take 2 s


def sent_order(downloads: list[Download]) -> list[Download]:
    """The order the worker makes ``downloads`` in: the files pages may print the size of first."""
    return sorted(downloads, key=lambda d: d.kind in LATE_KINDS)


def _make_all(root: Path, jobs: list[tuple], made_one: Callable[[str, int], None] = lambda path, size: None) -> dict:
    """In the worker: {"made": {path: bytes}} for ``jobs`` (path, maker, inputs, origin), or {"error": fields};
    ``made_one(path, size)`` as each file is made."""
    made = {}
    for path, maker, inputs, origin in jobs:
        try:
            value = make(path, maker, origin)
        except GuideError as exc:  # its own pickling would lose the fields
            return {"error": (exc.path, exc.line, exc.problem, exc.fix)}
        if inputs is not None:
            buildcache.put(root, "downloads", [path, inputs], value)
        made[path] = value
        made_one(path, len(value))
    return {"made": made}


def _make_ahead(ahead: list[tuple], report: Callable[[str, object], None]) -> None:
    """In the worker: each value of ``ahead`` (name, function, args), reported as made; None for one that fails
    (the build's process makes it itself and reports the error there)."""
    for name, function, args in ahead:
        try:
            value = function(*args)
        except Exception:  # noqa: BLE001 - made again, and failing loudly, in the build's own process
            value = None
        report(name, value)


def _report_value(name: str, value) -> None:
    sys.stdout.write(VALUE_LINE + json.dumps([name, value], ensure_ascii=False) + "\n")
    sys.stdout.flush()


_running: dict = {"worker": None}


def set_running(worker: DownloadWorker | None) -> None:
    """The build's worker (None: none this build), which ``value`` asks."""
    _running["worker"] = worker


def value(name: str):
    """The value ``name`` made ahead by this build's worker (waiting for it), or None."""
    worker = _running["worker"]
    return worker.value(name) if worker is not None else None


def _report_size(path: str, size: int) -> None:
    sys.stdout.write(SIZE_LINE + json.dumps([path, size]) + "\n")
    sys.stdout.flush()


def portable(download: Download) -> bool:
    """True if the download's maker can be sent to another process (a local function cannot be pickled)."""
    try:
        pickle.dumps(download.build.download.build, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, AttributeError, TypeError):
        return False
    return True


def portable_ones(downloads: list[Download]) -> list[Download]:
    """The downloads ``portable`` keeps, in order. Their makers are pickled together first (the records they
    share, the whole site data for the checker's, are then pickled once, not once per download: 0.04 s of a
    cold build's own process); one at a time only when that fails."""
    try:
        pickle.dumps([d.build.download.build for d in downloads], protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, AttributeError, TypeError):
        return [d for d in downloads if portable(d)]
    return list(downloads)


class Started:
    """A worker process started before its jobs are known (hooks/downloads.py, on_startup): it imports the
    makers' libraries (``WARM_UP``) while the build's own process imports the plugins and loads the data, with
    one core otherwise idle, then waits for ``DownloadWorker`` to send the jobs. ``kill`` ends one not needed."""

    def __init__(self) -> None:
        self.folder = tempfile.TemporaryDirectory(prefix=f"guide-downloads-{os.getpid()}-")
        self.jobs = Path(self.folder.name) / "jobs.pickle"
        self.answer_path = Path(self.folder.name) / "answer.pickle"
        # Its errors go to a file: a pipe nobody reads while it runs could fill up and stop it.
        self.errors = (Path(self.folder.name) / "stderr.txt").open("w+b")
        package_parent = str(Path(__file__).resolve().parents[1])  # where this ``macros`` is imported from
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [package_parent, os.environ.get("PYTHONPATH")])))
        self.process = subprocess.Popen([sys.executable, "-m", "macros.download_worker", str(self.jobs),
                                         str(self.answer_path)], env=env, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=self.errors)

    def send(self, jobs: bytes) -> None:
        """Write the pickled jobs and tell the process to make them."""
        self.jobs.write_bytes(jobs)
        try:
            self.process.stdin.write(b"go\n")
            self.process.stdin.close()
        except BrokenPipeError:
            pass  # it stopped: DownloadWorker.result reports its exit code and error

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for pipe in (self.process.stdin, self.process.stdout):
            try:
                pipe.close()
            except BrokenPipeError:
                pass
        self.errors.close()
        self.folder.cleanup()


class DownloadWorker:
    """Downloads being made in another process; ``bytes_of(path)`` waits for them.

    The process is ``python -m macros.download_worker JOBS ANSWER`` (``Started``): a fresh
    interpreter (nothing of the build's state, threads or V8 inherited) that
    reads the pickled jobs from one temp file and writes its answer to another.
    """

    def __init__(self, root: Path, downloads: list[Download], ahead: list[tuple] = (),
                 started: Started | None = None) -> None:
        """``ahead``: values (name, function, args) to make before the downloads, for ``value``; ``started``: the
        process, if it was started ahead (else it is started here)."""
        jobs = [(d.path, d.build.download.build, d.inputs, d.origin) for d in sent_order(downloads)]
        self.ahead = {name for name, _, _ in ahead}
        self.values: dict[str, object] = {}
        self.paths = [d.path for d in downloads]
        self.started = time.perf_counter()
        self.finished: float | None = None
        started = started or Started()
        self.folder, self.answer_path, self.errors, self.process = (started.folder, started.answer_path,
                                                                     started.errors, started.process)
        started.send(pickle.dumps((root, list(ahead), jobs), protocol=pickle.HIGHEST_PROTOCOL))
        self.made: dict[str, bytes] | None = None
        self.sizes: dict[str, int] = {}
        self.sizes_closed = False
        self.failure: GuideError | None = None
        self.reported = threading.Condition()
        self.reading = threading.Thread(target=self._read_sizes, name="guide-download-sizes", daemon=True)
        self.reading.start()

    def _read_sizes(self) -> None:
        """Collect the sizes and values the worker reports (other output is ignored), until it closes its output."""
        try:
            for raw in self.process.stdout:
                line = raw.decode("utf-8", "replace")
                for prefix, into in ((SIZE_LINE, self.sizes), (VALUE_LINE, self.values)):
                    if line.startswith(prefix):
                        key, reported = json.loads(line[len(prefix):])
                        with self.reported:
                            into[key] = reported
                            self.reported.notify_all()
        finally:
            self.process.stdout.close()
            with self.reported:
                self.sizes_closed = True
                self.reported.notify_all()

    def size_of(self, path: str) -> int:
        """The size of ``path`` as soon as the worker has made it (the whole answer if it stopped without)."""
        with self.reported:
            self.reported.wait_for(lambda: path in self.sizes or self.sizes_closed)
            if path in self.sizes:
                return self.sizes[path]
        return len(self.result()[path])

    def value(self, name: str):
        """The value ``name`` made ahead, as soon as the worker reports it; None if it was not asked for or the
        worker stopped without it."""
        if name not in self.ahead:
            return None
        with self.reported:
            self.reported.wait_for(lambda: name in self.values or self.sizes_closed)
            return self.values.get(name)

    def done(self) -> bool:
        if self.finished is None and self.process.poll() is not None:
            self.finished = time.perf_counter()
        return self.finished is not None

    @property
    def seconds(self) -> float:
        """From the start to the answer (or to now, if it has not answered)."""
        self.done()
        return (self.finished or time.perf_counter()) - self.started

    def result(self) -> dict[str, bytes]:
        """Every download's bytes; a GuideError if making one failed."""
        if self.failure is not None:
            raise self.failure
        if self.made is None:
            try:
                self.reading.join()  # the worker has closed its output: it has ended or is ending
                self.process.wait()
                self.done()
                self.errors.seek(0)
                stderr = self.errors.read()
                if self.process.returncode != 0:
                    tail = stderr.decode("utf-8", "replace").strip().splitlines()[-12:]
                    self.failure = GuideError(self.paths[0], None, "the process making the downloads stopped "
                                              f"(exit code {self.process.returncode}):\n    " + "\n    ".join(tail),
                                              "build again with GUIDE_BUILD_WORKER=off to see the error in this "
                                              "process")
                    raise self.failure
                answer = pickle.loads(self.answer_path.read_bytes())
            finally:
                self.errors.close()
                self.folder.cleanup()
            if "error" in answer:
                self.failure = GuideError(*answer["error"])
                raise self.failure
            self.made = answer["made"]
        return self.made

    def stop(self) -> None:
        """End the process (the build failed elsewhere), if it is still running."""
        if not self.done():
            self.process.kill()
            self.process.wait()
        self.reading.join()
        self.errors.close()
        self.folder.cleanup()

    def bytes_of(self, path: str):
        """A function returning ``path``'s bytes (for ``Made.elsewhere``)."""
        return lambda: self.result()[path]

    def size_function(self, path: str):
        """A function returning ``path``'s size (for ``Made.elsewhere_size``)."""
        return lambda: self.size_of(path)


# Imported while the build's own process loads the data (``Started``): what every cold build's makers import.
WARM_UP = ("macros.download_providers", "docx", "openpyxl", "icalendar", "pypinyin", "opencc", "py_mini_racer",
           "checker.compile", "checker.lexicon", "checker.typobase")


def warm_up(modules=WARM_UP) -> None:
    """Import ``modules``; one that fails is left for the maker that needs it to fail with its record's line."""
    import contextlib
    import importlib

    for module in modules:
        with contextlib.suppress(Exception):  # reported by the maker that imports it
            importlib.import_module(module)


def main(jobs_path: str, answer_path: str) -> None:
    warm_up()
    if not sys.stdin.readline():  # the build needed no worker, or stopped
        return
    root, ahead, jobs = pickle.loads(Path(jobs_path).read_bytes())
    _make_ahead(ahead, _report_value)
    answer = _make_all(root, jobs, _report_size)
    tmp = Path(answer_path).with_suffix(".tmp")
    tmp.write_bytes(pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))
    tmp.replace(answer_path)
    gc.freeze()  # the build waits for this process to end: no last collections (hooks/build_exit.py)


if __name__ == "__main__":
    main(*sys.argv[1:3])
