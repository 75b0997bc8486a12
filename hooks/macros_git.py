"""Stop mkdocs-macros from running git on every build.

mkdocs-macros fills a ``git`` variable (last commit, author, tag…) by running
twelve ``git`` commands in its on_config, on every build and on every serve
rebuild: about a tenth of a second each time. The guide's pages do not use it
(a page that wrote ``{{ git.commit }}`` would now stop the build: macros'
``on_undefined: strict``), so its collector returns an empty record. Loaded
with the hooks, before any plugin's on_config runs.
"""

import mkdocs_macros.context

NOT_COLLECTED = {"status": False, "date": None, "diagnosis": "not collected: see hooks/macros_git.py"}

if not hasattr(mkdocs_macros.context, "get_git_info"):
    raise ImportError("hooks/macros_git.py: mkdocs_macros.context.get_git_info is gone (mkdocs-macros was upgraded?). "
                      "What to do: check whether the new version still runs git on every build; if not, remove this "
                      "hook from mkdocs.yml")
mkdocs_macros.context.get_git_info = lambda: dict(NOT_COLLECTED)
