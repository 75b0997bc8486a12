"""What the hooks share: the project folder, and its data loaded or the build stopped with file:line.

The packages (macros, checker) are installed: see pyproject.toml.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

from macros.errors import GuideError
from macros.sitedata import SiteData, load_site_data

ROOT = Path(__file__).resolve().parents[1]


def site_data(js_patterns: bool = True) -> SiteData:
    """The project's data (with a local layer merged in), or a failed build naming the file, line and fix.

    ``js_patterns=False``: the patterns JavaScript must read are left for the caller (``load_site_data``)."""
    try:
        return load_site_data(ROOT, js_patterns=js_patterns)
    except GuideError as exc:
        raise PluginError(exc.message) from None
