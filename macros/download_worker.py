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
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import buildcache
from .downloads import Download, make
from .errors import GuideError


def enabled() -> bool:
    return os.environ.get("GUIDE_BUILD_WORKER", "on").lower() not in ("off", "0", "no", "false")


def _make_all(root: Path, jobs: list[tuple]) -> dict:
    """In the worker: {"made": {path: bytes}} for ``jobs`` (path, maker, inputs, origin), or {"error": fields}."""
    made = {}
    for path, maker, inputs, origin in jobs:
        try:
            value = make(path, maker, origin)
        except GuideError as exc:  # its own pickling would lose the fields
            return {"error": (exc.path, exc.line, exc.problem, exc.fix)}
        if inputs is not None:
            buildcache.put(root, "downloads", [path, inputs], value)
        made[path] = value
    return {"made": made}


def portable(download: Download) -> bool:
    """True if the download's maker can be sent to another process (a local function cannot be pickled)."""
    try:
        pickle.dumps(download.build.download.build, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, AttributeError, TypeError):
        return False
    return True


class DownloadWorker:
    """Downloads being made in another process; ``bytes_of(path)`` waits for them.

    The process is ``python -m macros.download_worker JOBS ANSWER``: a fresh
    interpreter (nothing of the build's state, threads or V8 inherited) that
    reads the pickled jobs from one temp file and writes its answer to another.
    """

    def __init__(self, root: Path, downloads: list[Download]) -> None:
        jobs = [(d.path, d.build.download.build, d.inputs, d.origin) for d in downloads]
        self.paths = [d.path for d in downloads]
        self.started = time.perf_counter()
        self.finished: float | None = None
        self.folder = tempfile.TemporaryDirectory(prefix=f"guide-downloads-{os.getpid()}-")
        self.jobs = Path(self.folder.name) / "jobs.pickle"
        self.answer_path = Path(self.folder.name) / "answer.pickle"
        self.jobs.write_bytes(pickle.dumps((root, jobs), protocol=pickle.HIGHEST_PROTOCOL))
        package_parent = str(Path(__file__).resolve().parents[1])  # where this ``macros`` is imported from
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [package_parent, os.environ.get("PYTHONPATH")])))
        self.process = subprocess.Popen([sys.executable, "-m", "macros.download_worker", str(self.jobs),
                                         str(self.answer_path)], env=env, stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.made: dict[str, bytes] | None = None

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
        if self.made is None:
            try:
                _, stderr = self.process.communicate()
                self.done()
                if self.process.returncode != 0:
                    tail = stderr.decode("utf-8", "replace").strip().splitlines()[-12:]
                    raise GuideError(self.paths[0], None, "the process making the downloads stopped "
                                     f"(exit code {self.process.returncode}):\n    " + "\n    ".join(tail),
                                     "build again with GUIDE_BUILD_WORKER=off to see the error in this process")
                answer = pickle.loads(self.answer_path.read_bytes())
            finally:
                self.folder.cleanup()
            if "error" in answer:
                raise GuideError(*answer["error"])
            self.made = answer["made"]
        return self.made

    def stop(self) -> None:
        """End the process (the build failed elsewhere), if it is still running."""
        if not self.done():
            self.process.kill()
            self.process.communicate()
        self.folder.cleanup()

    def bytes_of(self, path: str):
        """A function returning ``path``'s bytes (for ``Made.elsewhere``)."""
        return lambda: self.result()[path]


def main(jobs_path: str, answer_path: str) -> None:
    root, jobs = pickle.loads(Path(jobs_path).read_bytes())
    answer = _make_all(root, jobs)
    tmp = Path(answer_path).with_suffix(".tmp")
    tmp.write_bytes(pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))
    tmp.replace(answer_path)


if __name__ == "__main__":
    main(*sys.argv[1:3])
