"""The theme's templates, compiled once and committed (issue #15: a cold build compiled ~40 of them, 0.15 s).

The compiled code of a Jinja template follows from four things only: its source,
its name, the Jinja version and the settings of the environment that compiles it
(syntax, extensions, and how each filter and test is passed its arguments). The
theme's environment is MkDocs' (``Theme.get_env``), the sources are the pinned
Material package's templates with the guide's ``overrides/`` in front. So the
compiled code is made once by ``python scripts/guide.py derive-theme-templates``
and committed in ``macros/vendor/compiled-theme/`` (``COMPILED``), as the typo
rule's base is (checker/typobase.py).

Nothing stale is ever used. The file's key names the Python bytecode format,
the Jinja and Material versions and the environment's settings; a file made
under another key is not used at all. Each template's entry holds the SHA-256
of the source it was compiled from; a template whose source differs (an edited
override, a template Material changed) is not taken from it. Either way the
build compiles that template as it did without the file (slower, correct), and
``derive-theme-templates --check`` says the file is stale.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import marshal
import types
import zlib
from pathlib import Path

import jinja2
from jinja2.utils import _PassArg

COMMAND = "python scripts/guide.py derive-theme-templates"
COMPILED = Path(__file__).resolve().parent / "vendor" / "compiled-theme" / "theme-templates.bin"
# The file name compiled into the committed code; replaced by the template's real path when it is used.
PLACEHOLDER = "<committed theme template>"


def _passes(functions: dict) -> dict[str, str | None]:
    """How each filter or test gets its arguments: the compiled call differs with it."""
    out = {}
    for name, func in sorted(functions.items()):
        passed = _PassArg.from_obj(func)
        out[name] = passed.name if passed else None
    return out


def environment_settings(env: jinja2.Environment) -> dict:
    """The settings of ``env`` that the code Jinja compiles depends on."""
    autoescape = env.autoescape if isinstance(env.autoescape, bool) else getattr(
        env.autoescape, "__qualname__", repr(env.autoescape))
    return {
        "syntax": [env.block_start_string, env.block_end_string, env.variable_start_string,
                   env.variable_end_string, env.comment_start_string, env.comment_end_string,
                   env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks,
                   env.newline_sequence, env.keep_trailing_newline],
        "extensions": sorted(env.extensions),
        "optimized": env.optimized,
        "autoescape": autoescape,
        "finalize": None if env.finalize is None else str(_PassArg.from_obj(env.finalize)),
        "is_async": env.is_async,
        "filters": _passes(env.filters),
        "tests": _passes(env.tests),
    }


def key_of(env: jinja2.Environment) -> dict:
    """What the committed file must have been made under to be used for ``env``."""
    import material  # the pinned theme; its __version__ is read without scanning the installed packages

    settings = json.dumps(environment_settings(env), sort_keys=True)
    return {
        "python-bytecode": importlib.util.MAGIC_NUMBER.hex(),
        "jinja2": jinja2.__version__,
        "mkdocs-material": material.__version__,
        "environment": hashlib.sha256(settings.encode()).hexdigest(),
    }


def source_hash(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


def theme_env(root: Path) -> jinja2.Environment:
    """The theme's environment as a build of the project at ``root`` makes it (MkDocs' ``Theme.get_env``)."""
    from mkdocs.config import load_config

    return load_config(str(root / "mkdocs.yml")).theme.get_env()


def derive(env: jinja2.Environment) -> dict:
    """Compile every HTML template ``env`` can load; templates that need a plugin's filter (the blog's) are left out."""
    templates = {}
    for name in env.list_templates(filter_func=lambda n: n.endswith(".html")):
        source, _filename, _uptodate = env.loader.get_source(env, name)
        try:
            code = env.compile(source, name, PLACEHOLDER)
        except jinja2.TemplateSyntaxError:
            continue
        templates[name] = (source_hash(source), marshal.dumps(code))
    return {"key": json.dumps(key_of(env), sort_keys=True), "templates": templates}


def encode(compiled: dict) -> bytes:
    return zlib.compress(marshal.dumps(compiled), 9)


def decode(data: bytes) -> dict:
    return marshal.loads(zlib.decompress(data))


def same(a: dict, b: dict) -> bool:
    """Whether two derived files hold the same key, sources and code (marshal's bytes may differ for equal code)."""
    if a["key"] != b["key"] or a["templates"].keys() != b["templates"].keys():
        return False
    return all(a["templates"][n][0] == b["templates"][n][0]
               and marshal.loads(a["templates"][n][1]) == marshal.loads(b["templates"][n][1]) for n in a["templates"])


def _with_filename(code: types.CodeType, filename: str) -> types.CodeType:
    consts = tuple(_with_filename(c, filename) if isinstance(c, types.CodeType) else c for c in code.co_consts)
    return code.replace(co_filename=filename, co_consts=consts)


class Committed:
    """The committed compiled templates, read once per process, checked once per environment."""

    def __init__(self, path: Path = COMPILED) -> None:
        self.path = path
        self._file: dict | None = None
        self._env: jinja2.Environment | None = None
        self._usable = False
        self.used = 0  # templates taken from the file since the last ``for_env``

    def _read(self) -> dict:
        if self._file is None:
            try:
                self._file = decode(self.path.read_bytes())
            except (OSError, ValueError, EOFError, TypeError, zlib.error):
                self._file = {"key": None, "templates": {}}
        return self._file

    def for_env(self, env: jinja2.Environment) -> bool:
        """Whether the file was made for ``env``'s settings and the installed versions."""
        if env is not self._env:
            self._env, self.used = env, 0
            self._usable = self._read()["key"] == json.dumps(key_of(env), sort_keys=True)
        return self._usable

    def code(self, env: jinja2.Environment, name: str, filename: str | None, source: str) -> types.CodeType | None:
        """The committed code of template ``name`` if it was compiled from exactly ``source`` for ``env``, else None."""
        if not self.for_env(env):
            return None
        entry = self._read()["templates"].get(name)
        if entry is None or entry[0] != source_hash(source):
            return None
        self.used += 1
        return _with_filename(marshal.loads(entry[1]), filename or "<template>")
