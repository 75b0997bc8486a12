"""Sample record (data/samples) -> .docx bytes, laid out like the templates.

The body is the sample's document text only: notes (评注) and weak versions
(弱稿) stay on the page. One grey 【填写说明】 paragraph above the title says
which year the sample is written for; the reader deletes it with the other
guidance paragraphs.
"""

from __future__ import annotations

from ..render.sample import sample_document
from .official_docx import GUIDANCE_PREFIX, build_official_docx


def sample_preface(record) -> tuple[str, ...]:
    """The guidance paragraph printed above the title."""
    return (
        (f"{GUIDANCE_PREFIX}本范文按{record['year']}年的情况编写，单位、数字和事例均为虚构，只用于说明写法；"
         "每段的评注和弱稿对照见指南的范文页面。借用时换成本单位本期的情况，核对当年的提法，并删除本段。"),
    )


def build_sample_docx(record) -> bytes:
    """The sample as a GB/T 9704 .docx (deterministic)."""
    return build_official_docx(sample_document(record), preface=sample_preface(record))
