"""`mkdocs serve` notices a saved file within a tenth of a second, not half a second.

MkDocs watches the project by polling (watchdog's PollingObserver, every 0.5 s):
a save waited 0.25 s on average, a fifth of the editor's whole wait, before the
rebuild began. One poll of everything watched (docs/, data/, macros/, hooks/,
overrides/, mkdocs.yml; about 350 files) takes about 3 ms here, so polling every
0.1 s costs about 3 % of one core while the server is idle. MkDocs has no
setting for it: ``on_serve`` sets the interval of the observer's pollers (those
already made for docs/ and mkdocs.yml, and the observer's own for those made
after). A watchdog that renames these stops the server with what to do.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

POLL_SECONDS = 0.1


def on_serve(server, config, builder, **kwargs):
    observer = getattr(server, "observer", None)
    emitters = getattr(observer, "emitters", None)
    if observer is None or emitters is None or not hasattr(observer, "_timeout") or \
            not all(hasattr(emitter, "_timeout") for emitter in emitters):
        raise PluginError("hooks/serve_watch.py: MkDocs' server has no watchdog observer with a poll interval "
                          "(_timeout) any more (MkDocs or watchdog upgraded?). What to do: find how the new "
                          "version sets the interval and set it there, or remove this hook from mkdocs.yml")
    observer._timeout = POLL_SECONDS  # pollers made from now on (config.watch: data/, macros/, ...)
    for emitter in emitters:  # pollers already made (docs/, mkdocs.yml); none has started yet
        emitter._timeout = POLL_SECONDS
    return server
