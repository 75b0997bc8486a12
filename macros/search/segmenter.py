"""jieba in a process of its own while the build renders the pages (issue #15, a cold build).

On a cold ``mkdocs build`` the search plugin's segmentation (loading jieba's
dictionary and the user dictionary, then cutting about 800 titles and texts)
is about a fifth of the build's own process, which renders the pages and is the
longer of the build's processes. ``RemoteSegmenter`` starts
``python -m macros.search.segmenter``, which loads the dictionaries while the
build starts, then cuts each text as the build sends it, with Material's own
code (``SearchIndex._segment_chinese``). The build puts a placeholder
(``placeholder``) in the section's entry meanwhile; hooks/search.py replaces
the placeholders in search_index.json right after the plugin writes it
(``fill_in``), before anything else reads the file. The segmenter also cuts the
guide's vocabulary words as the keyword expansion asks (``parts``), so the
build's own process does not load jieba at all.

A text is cut exactly as in the build's process (same code, same dictionary,
loaded once): the site is byte for byte the same. Only ``mkdocs build`` uses
it (``GUIDE_BUILD_WORKER=off`` does not); ``mkdocs serve`` keeps jieba in its
process, where the segmentation is kept across rebuilds (macros/search/segment.py).
"""

from __future__ import annotations

import gc
import json
import os
import queue
import re
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

MARK_OPEN, MARK_CLOSE = "\ue010", "\ue011"
# A placeholder as Material's json.dumps writes it (ASCII escapes) in search_index.json.
PLACEHOLDER_JSON = re.compile(r"\\ue010(\d+)\\ue011")


class SegmenterError(Exception):
    pass


def placeholder(number: int) -> str:
    return f"{MARK_OPEN}{number}{MARK_CLOSE}"


def cut_parts(word: str) -> list[str]:
    """How jieba would cut ``word`` if it were not a word itself (precise mode)."""
    import jieba

    dt = jieba.dt
    dt.check_initialized()
    dag = dt.get_DAG(word)
    dag[0] = [end for end in dag[0] if end != len(word) - 1] or [0]
    route: dict = {}
    dt.calc(word, dag, route)
    parts, i = [], 0
    while i < len(word):
        end = route[i][1] + 1
        parts.append(word[i:end])
        i = end
    return parts


class RemoteSegmenter:
    """Texts sent to the segmenter process as the build meets them; their cut forms collected at the end."""

    def __init__(self, userdict: Path | None = None, userdict_text: str = "", words: list[str] = ()) -> None:
        """Start the process; it loads jieba's main dictionary at once. ``begin`` gives it the user dictionary
        and the words (here, if ``userdict`` is given)."""
        package_parent = str(Path(__file__).resolve().parents[2])  # where this ``macros`` is imported from
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [package_parent, os.environ.get("PYTHONPATH")])))
        self.errors = tempfile.TemporaryFile()  # noqa: SIM115 - read if it fails, closed by stop(); a pipe nobody reads could fill up
        self.process = subprocess.Popen([sys.executable, "-m", "macros.search.segmenter"], env=env,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.errors)
        self.sent = 0
        self.results: list[str] = []
        self.parts_table: dict[str, list[str]] | None = None
        self.answers: dict[str, object] = {}  # the prebuilt index's answer: "prebuilt" (or "error")
        self.closed = False
        self.arrived = threading.Condition()
        self.outbox: queue.Queue = queue.Queue()
        # Written and read in threads: the build never waits on a pipe while it renders pages.
        self.writer = threading.Thread(target=self._write, name="guide-segmenter-in", daemon=True)
        self.reader = threading.Thread(target=self._read, name="guide-segmenter-out", daemon=True)
        self.writer.start()
        self.reader.start()
        if userdict is not None:
            self.begin(userdict, userdict_text, words)

    def begin(self, userdict: Path, userdict_text: str, words: list[str]) -> None:
        """The user dictionary (its path and text) and the words ``parts`` will be asked for: sent first."""
        self.outbox.put({"userdict": str(userdict), "text": userdict_text, "words": list(words)})

    def _write(self) -> None:
        try:
            pipe = self.process.stdin
            while (item := self.outbox.get()) is not None:
                pipe.write(json.dumps(item, ensure_ascii=False).encode("utf-8") + b"\n")
                if self.outbox.empty():
                    pipe.flush()  # what was sent so far reaches the process; more may come in one write
            pipe.close()
        except (BrokenPipeError, ValueError):
            pass  # the process stopped: collect() reports it

    def _read(self) -> None:
        try:
            for raw in self.process.stdout:
                value = json.loads(raw)
                with self.arrived:
                    if self.parts_table is None:
                        self.parts_table = value
                    elif isinstance(value, dict):
                        self.answers.update(value)
                    else:
                        self.results.append(value)
                    self.arrived.notify_all()
        finally:
            with self.arrived:
                self.closed = True
                self.arrived.notify_all()

    def segment(self, text: str) -> str:
        """A placeholder for ``text`` cut by Material's segmentation (made in the other process)."""
        number = self.sent
        self.sent += 1
        self.outbox.put(text)
        return placeholder(number)

    def parts(self, word: str) -> list[str]:
        """``cut_parts(word)`` for a word of the vocabulary given at the start."""
        with self.arrived:
            self.arrived.wait_for(lambda: self.parts_table is not None or self.closed)
        if self.parts_table is None or word not in self.parts_table:
            self.collect()  # raises if the process stopped
            raise SegmenterError(f"the segmenter was not given the word {word!r}")
        return self.parts_table[word]

    def collect(self) -> list[str]:
        """Every text sent so far, cut, in order (waits for the last); a SegmenterError if the process failed."""
        with self.arrived:
            self.arrived.wait_for(lambda: len(self.results) >= self.sent or self.closed)
            if len(self.results) >= self.sent:
                return self.results[:self.sent]
        self._failed()

    def _failed(self) -> NoReturn:
        """Raise a SegmenterError saying how the process ended (it closed its output)."""
        if self.process.poll() is None:  # it closed its output and is not ending: do not wait for it forever
            self.process.kill()
        self.process.wait()
        self.errors.seek(0)
        tail = self.errors.read().decode("utf-8", "replace").strip().splitlines()[-12:]
        raise SegmenterError(f"the search segmenter process stopped (exit code {self.process.returncode}):\n    "
                             + "\n    ".join(tail))

    def prebuild(self, worker_code: str, search_index: dict, unpositioned) -> None:
        """Have the process build the prebuilt search index of ``search_index`` (config and docs) after the last
        text (macros/search/prebuilt.py ``prebuild_unchecked``): V8's CPU is spent there, not in the build's own
        process. ``prebuilt()`` waits for the answer."""
        self.outbox.put({"worker": worker_code, "index": {"config": search_index["config"],
                                                          "docs": search_index["docs"]},
                         "unpositioned": sorted(set(unpositioned))})

    def _answer(self, key: str):
        with self.arrived:
            self.arrived.wait_for(lambda: key in self.answers or "error" in self.answers or self.closed)
            if "error" in self.answers:
                from .prebuilt import PrebuildError

                raise PrebuildError(self.answers["error"])
            if key in self.answers:
                return self.answers[key]
        self._failed()

    def prebuilt(self) -> dict:
        """The encoded index (waits for it); PrebuildError as prebuild_unchecked raises it, SegmenterError if the
        process stopped."""
        return self._answer("prebuilt")

    def stop(self) -> None:
        """Close its input (it then ends) and wait for it."""
        self.outbox.put(None)
        self.writer.join()
        self.process.wait()
        self.reader.join()
        self.errors.close()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.stop()


def resolve(value: str, segmented: list[str]) -> str:
    """``value`` (a placeholder or a text already cut) as the cut text."""
    if value.startswith(MARK_OPEN) and value.endswith(MARK_CLOSE):
        return segmented[int(value[1:-1])]
    return value


def fill_in(index_text: str, segmented: list[str]) -> str:
    """search_index.json as Material wrote it (ASCII escapes), with each placeholder replaced by its cut text."""
    def one(match: re.Match) -> str:
        return json.dumps(segmented[int(match.group(1))])[1:-1]

    return PLACEHOLDER_JSON.sub(one, index_text)


def serve(read_line: Callable[[], bytes], lines, write: Callable[[str], None]) -> None:
    """The segmenter's loop: the first line names the user dictionary and the words to cut in parts; each
    further line is a text, answered with its cut form, one JSON line each."""
    import jieba
    from material.plugins.search.plugin import SearchIndex

    from .segment import use_user_dictionary

    # jieba's main dictionary (0.6 s of CPU), loaded before the first line: the process is started as the build
    # starts (hooks/search.py on_startup) and the user dictionary comes once the build has loaded the data.
    # load_userdict would load it first anyway: the same dictionary, so the same cuts.
    jieba.dt.check_initialized()
    first = read_line()
    if not first:  # the build ended before it needed the segmenter
        return
    start = json.loads(first)
    use_user_dictionary(Path(start["userdict"]), start["text"])
    jieba.cut = cut_once(jieba.cut)  # the dictionary is fixed from here on
    write(json.dumps({word: cut_parts(word) for word in start["words"]}))  # ASCII: whatever the locale
    # V8 is started while the texts come (0.1 s that the build would otherwise wait for at the end).
    blank: list = []
    starting = threading.Thread(target=lambda: blank.append(_blank_context()), name="guide-v8-start", daemon=True)
    starting.start()
    try:
        for raw in lines:
            value = json.loads(raw)
            if isinstance(value, dict):  # after the last text: the prebuilt search index (RemoteSegmenter.prebuild)
                starting.join()
                _prebuild(value, write, blank.pop() if blank else None)
            else:
                write(json.dumps(SearchIndex._segment_chinese(None, value)))
    finally:
        starting.join()
        for ctx in filter(None, blank):  # not used: closed now, not at the interpreter's exit (after mini-racer's library)
            ctx.close()


def cut_once(cut: Callable) -> Callable:
    """``cut`` (jieba's), cutting each text once: Material cuts every run of Han characters of every text, and
    half of a guide's 24,000 runs are repeats (“社区”, “工作台账”): 0.48 -> 0.37 s of this process's CPU. The cut depends
    only on the text and the dictionary, which is fixed once the user dictionary is loaded; the same words in
    the same order come back."""
    made: dict = {}

    def cut_memo(sentence, *args, **kwargs):
        key = (sentence, args, tuple(sorted(kwargs.items())))
        if key not in made:
            made[key] = tuple(cut(sentence, *args, **kwargs))
        return iter(made[key])

    return cut_memo


def _blank_context():
    from .prebuilt import blank_context

    try:
        return blank_context()
    except Exception:  # noqa: BLE001 - made again, and failing loudly, when the index is built
        return None


def _prebuild(request: dict, write: Callable[[str], None], blank) -> None:
    """Build and encode the prebuilt index as the build's own process would; the V8 context ends with this call
    (one left for the interpreter's exit would outlive mini-racer's library)."""
    from .prebuilt import PrebuildError, prebuild_unchecked

    try:
        encoded = prebuild_unchecked(request["worker"], request["index"], request["unpositioned"], blank)
    except PrebuildError as exc:
        write(json.dumps({"error": str(exc)}))
        return
    write(json.dumps({"prebuilt": encoded}))


def _import_jieba_without_pkg_resources():
    """jieba, imported without pkg_resources (0.05-0.08 s of CPU, a tenth of this process's imports).

    jieba's ``_compat`` imports pkg_resources only to open its own files, and opens them by path when
    pkg_resources cannot be imported: the same files, so the same dictionary and the same cuts. Blocked
    only while jieba is imported."""
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # an ImportError for jieba's ``import pkg_resources``
    try:
        import jieba
    finally:
        if blocked:
            del sys.modules["pkg_resources"]
    return jieba


def main() -> None:
    jieba = _import_jieba_without_pkg_resources()
    jieba.setLogLevel(60)
    stdin = sys.stdin.buffer

    def write(line: str) -> None:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

    serve(stdin.readline, stdin, write)
    gc.freeze()  # the build waits for this process to end: no last collections over jieba's tables (hooks/build_exit.py)


if __name__ == "__main__":
    main()
