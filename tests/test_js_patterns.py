"""The patterns of data/ that JavaScript must read (macros/checks/jspatterns.py): read in one V8 call at a
data load, or left to the caller, which in a cold build hands them to the download worker."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from macros.checks import jspatterns
from macros.errors import GuideError
from support import ROOT


def test_a_load_can_leave_the_patterns_to_the_caller_without_starting_v8():
    probe = ("import json, sys; from macros.sitedata import load_site_data, pending_js_patterns; "
             "site = load_site_data(sys.argv[1], js_patterns=False); "
             "print(json.dumps(['py_mini_racer' in sys.modules, len(pending_js_patterns(site)), "
             "len(load_site_data(sys.argv[1]).js_patterns), 'py_mini_racer' in sys.modules]))")
    result = subprocess.run([sys.executable, "-c", probe, str(ROOT)], capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode == 0, result.stderr
    v8_before, pending, left, v8_after = json.loads(result.stdout)
    assert not v8_before and pending > 30
    assert left == 0 and not v8_after  # handed over: a later load does not read them again


def test_a_problem_found_elsewhere_stops_at_the_patterns_file_and_line(monkeypatch):
    from macros import sitedata

    monkeypatch.setattr(sitedata, "_cache", {})  # a load of its own, whatever this process loaded before
    wanted = sitedata.pending_js_patterns(sitedata.load_site_data(ROOT, js_patterns=False))
    problems = jspatterns.problems_of(jspatterns.pairs(wanted))
    assert problems == [None] * len(wanted)
    jspatterns.verify(wanted, problems)
    k = next(i for i, w in enumerate(wanted) if w.record.source.path == "data/checker/usage.yml")
    problems[k] = "Invalid regular expression: /(/: Unterminated group"
    with pytest.raises(GuideError) as err:
        jspatterns.verify(wanted, problems)
    assert err.value.message.startswith("data/checker/usage.yml:") and "Unterminated group" in err.value.message
    with pytest.raises(GuideError):  # not reported by the worker: read here
        jspatterns.verify([jspatterns.Wanted(wanted[k].record, wanted[k].where, "其它(", "gmu", "bad: ", "fix")],
                          None)
