"""The guide's own text passes the checker: every built page (without the
parts marked as fault examples) and every sample and template data file
gives no error-severity finding. This is the false-positive measure."""

from __future__ import annotations

import re

import yaml
from bs4 import BeautifulSoup

from checker.engine import check
from checker.readers import read_report
from support.checker import ROOT, strings

BLOCKS = "p, li, h1, h2, h3, h4, h5, h6, td, th, dt, dd, blockquote, figcaption, caption, summary"
SKIP = ".fault-example, pre, code, script, style, .checker-app, .headerlink, .md-source-file, .page-stamp"


def page_text(article) -> str:
    """The visible text of a page's main content, one line per block."""
    article = BeautifulSoup(str(article), "html.parser")  # never change the shared soup
    for node in article.select(SKIP):
        node.decompose()
    lines = []
    for block in article.select(BLOCKS):
        if block.find(BLOCKS.split(", ")):
            continue  # take the innermost blocks only
        text = " ".join(block.get_text(" ").split())
        if text:
            lines.append(text)
    return "\n".join(lines)


def errors(text: str, data: dict, allow_fields: bool = False) -> list[str]:
    out = []
    for f in check(text, data):
        if f.severity != "error":
            continue
        if allow_fields and f.rule == "placeholder" and "【" in f.message:
            continue  # a template's 【填写：…】 fields and 【填写说明】 notes are meant to be there
        out.append(f"{f.line}:{f.column} {f.rule} {f.message} | {f.excerpt}")
    return out


def test_built_pages_have_no_errors(built_site, data):
    found = {}
    for rel in built_site.pages():
        article = built_site.article(rel)
        if article is None:
            continue
        problems = errors(page_text(article), data, allow_fields=rel.startswith("doc-templates/") or rel == "print.html")
        if problems:
            found[rel] = problems
    assert not found, "\n".join(f"{rel}: {p}" for rel, ps in found.items() for p in ps)


DOCS = sorted((ROOT / "data" / "samples").glob("*.yml")) + sorted((ROOT / "data" / "templates").glob("*.yml"))


def test_samples_and_templates_have_no_errors(data):
    """Whatever samples and templates exist (branches samples, templates)."""
    found = {}
    for path in DOCS:
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = "\n".join(s for s in strings(record) if not s.isascii())
        text = re.sub(r"\*\*([^*\n]+?)\*\*", r"\1", text)  # Markdown bold in the notes, not a fault
        problems = errors(text, data, allow_fields=path.parent.name == "templates")
        if problems:
            found[f"{path.parent.name}/{path.name}"] = problems
    assert not found, found


def test_fault_examples_are_found(built_site, data):
    """The checker page's own fault examples are caught (they are excluded above): as errors, but for
    those the page presents as warnings (.fault-warning: a slip that is a word itself)."""
    article = built_site.article("checker/index.html")
    boxes = article.select(".fault-example")
    assert len(boxes) >= 2
    for box in boxes:
        example = " ".join(box.get_text(" ").split())
        wanted = ("warning",) if "fault-warning" in box.get("class", []) else ("error",)
        assert any(f.severity in wanted for f in check(example, data)), example


def test_generated_word_files_have_no_errors(built_site, data):
    """The .docx downloads (samples and templates) read by the checker's reader pass too."""
    found = {}
    docs = sorted((built_site.path / "downloads").glob("*.docx"))
    for path in docs:
        text = read_report(path)
        assert text.strip(), path.name
        # templates keep their 【填写：…】 fields, samples open with a 【填写说明】 note to delete
        problems = errors(text, data, allow_fields=True)
        if problems:
            found[path.name] = problems
    assert not found, found


def test_weak_versions_the_samples_say_the_checker_marks_are_marked(data):
    """A sample note that promises 报告体检 marks a weak version's faults: put the weak
    version in the sample's place and check the whole document."""
    promised = 0
    for path in sorted((ROOT / "data" / "samples").glob("*.yml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        parts = [item for item in record["blocks"] if isinstance(item, dict)]
        for k, item in enumerate(parts):
            if "报告体检" not in item.get("weak_note", ""):
                continue
            promised += 1
            lines = [record["title"]]
            for j, p in enumerate(parts):
                lines += [p[key] for key in ("h1", "h2") if key in p]
                if "p" in p:
                    lines.append(p["weak"] if j == k else p["p"])
            weak_line = lines.index(item["weak"]) + 1
            found = {f.rule for f in check("\n".join(lines), data) if f.line == weak_line}
            assert {"year-mismatch", "time-outdated"} <= found, (path.name, item["weak"], found)
    assert promised >= 1


def test_common_faults_before_examples_are_marked(built_site, data):
    """Each 改前 example of 常见毛病 that a machine can catch is marked when checked as a 2026 report
    (新八股 and the complaints of a returned report are matters of judgement and of the 台账, which the
    checker cannot see)."""
    article = built_site.article("writing/common-faults.html")
    checked = 0
    for box in article.select(".admonition.fault-example"):
        section = box.find_previous("h2").get_text().rstrip("¶")
        if section.startswith(("新八股", "被退回来了")):
            continue
        text = box.get_text("\n").replace("改前", "", 1).strip()
        assert check(text, data, 2026), (section, text)
        checked += 1
    assert checked >= 6


TYPO_RULES = ("typo-context",)


def test_guide_text_gives_no_context_typo_finding(built_site, data):
    """Not even a warning of the context typo rule on the guide's own pages, samples and
    templates (the fault examples aside): the rule must stay quiet on clean text."""
    texts = {rel: page_text(built_site.article(rel)) for rel in built_site.pages() if built_site.article(rel) is not None}
    for path in DOCS:
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts[path.name] = "\n".join(s for s in strings(record) if not s.isascii())
    found = [f"{name}: {f.message} | {f.excerpt}" for name, text in texts.items()
             for f in check(text, data) if f.rule in TYPO_RULES]
    assert len("".join(texts.values())) > 100_000
    assert not found, "\n".join(found)
    assert [f.rule for f in check("街道认真部暑全年工作。", data)] == ["typo-context"]  # the rule is on


def test_guide_text_gives_no_particle_finding(built_site, data):
    """No 的/地/得 warning (particle-de) on the guide's own built pages, changelog and print page included,
    samples and templates (the fault examples aside)."""
    texts = {rel: page_text(built_site.article(rel)) for rel in built_site.pages() if built_site.article(rel) is not None}
    for path in DOCS:
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts[path.name] = "\n".join(s for s in strings(record) if not s.isascii())
    found = [f"{name}: {f.message} | {f.excerpt}" for name, text in texts.items()
             for f in check(text, data) if f.rule == "particle-de"]
    assert len("".join(texts.values())) > 100_000
    assert not found, "\n".join(found)
    assert [f.rule for f in check("社区认真的学习了全会精神。", data)] == ["particle-de"]  # the rule is on
