"""An .xlsx with the traits of files WPS Office (WPS 表格) writes, made by writing the XML parts
directly: no WPS runs here, so this is a stand-in built from what public reports describe, not a
file WPS saved.

The traits, each a way a reader can go wrong:
- a wrong used range, ``<dimension ref="A1"/>`` (openpyxl's read-only mode then reads one cell:
  langgenius/dify#1039, "Load WPS xlsx error"; the command line resets the dimensions);
- strings both shared (with rich-text runs, ``xml:space="preserve"`` padding and the
  ``<phoneticPr>`` Chinese spreadsheets carry) and inline (``t="inlineStr"``);
- formula cells with their cached results, as numbers and as text (``t="str"``), and an error
  result (``t="e"``);
- dates as styled serial numbers: a custom format ``yyyy"年"m"月"d"日"``, Chinese numerals
  ``[DBNum1][$-804]yyyy"年"m"月"d"日"``, the locale-dependent built-in ids 31 and 58 (no
  ``<numFmt>`` element: Excel's zh-CN table says what they show) and a date with a time of day;
- styled empty cells well below the last record (the sheet "used" to row 40);
- WPS's own parts: ``docProps/custom.xml`` (``KSOProductBuildVer``, ``ICV``) and a picture in a
  cell, ``xl/cellimages.xml`` with its relationships and media, the cell holding
  ``_xlfn.DISPIMG("ID_…",1)`` (genspark-ai/genoffice#693).
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
ETC = "http://www.wps.cn/officeDocument/2017/etCustomData"
# one transparent pixel, the picture in a cell
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a10000000049454e44ae426082")

SHARED = ["序号", ("学习", "日期"), "学习主题", "学习内容", " 学习形式 ", "主持人", "应到人数", "实到人数", "研讨发言",
          "发言人数", "是否列入第一议题", "备注", "专题研讨", "集体学习", "党工委书记", "是",
          "编号", "发现时间", "发现渠道", "平台", "舆情内容摘要", "类别", "涉及社区或事项", "风险等级", "处置措施",
          "是否报告上级", "处置结果", "办结日期", "日常巡查", "某小区业主群", "一般", "无需报告", "已办结", "处置中"]
S = {(v if isinstance(v, str) else "".join(v)).strip(): i for i, v in enumerate(SHARED)}
# cellXfs: 0 General, 1 yyyy"年"m"月"d"日", 2 built-in 31, 3 built-in 58, 4 [DBNum1] Chinese numerals, 5 built-in 14
CUSTOM, BUILTIN31, BUILTIN58, DBNUM, BUILTIN14 = 1, 2, 3, 4, 5


def serial(day: dt.date, hours: int = 0) -> float | int:
    n = (day - dt.date(1899, 12, 30)).days
    return n + hours / 24 if hours else n


def col_name(i: int) -> str:
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[i]


def cell(ref: str, v) -> str:
    """One <c>: ("s", text) shared, ("i", text) inline, ("n", number, style), ("f", formula, cached, type),
    ("e", code), ("blank", style)."""
    kind = v[0]
    if kind == "s":
        return f'<c r="{ref}" t="s"><v>{S[v[1]]}</v></c>'
    if kind == "i":
        return f'<c r="{ref}" t="inlineStr"><is><t>{escape(v[1])}</t></is></c>'
    if kind == "n":
        style = f' s="{v[2]}"' if len(v) > 2 else ""
        return f'<c r="{ref}"{style}><v>{v[1]}</v></c>'
    if kind == "f":
        t = f' t="{v[3]}"' if len(v) > 3 else ""
        return f'<c r="{ref}"{t}><f>{escape(v[1])}</f><v>{escape(str(v[2]))}</v></c>'
    if kind == "e":
        return f'<c r="{ref}" t="e"><f>1/0</f><v>{v[1]}</v></c>'
    return f'<c r="{ref}" s="{v[1]}"/>'


def sheet_xml(rows: list[list], merge: str | None, dimension: str, blank_to: int) -> str:
    out = []
    for r, row in enumerate(rows, 1):
        cells = "".join(cell(f"{col_name(c)}{r}", v) for c, v in enumerate(row) if v is not None)
        out.append(f'<row r="{r}" spans="1:12" ht="20.25" customHeight="1">{cells}</row>')
    for r in range(len(rows) + 1, blank_to + 1):  # formatted but empty: the "used range" WPS keeps
        out.append(f'<row r="{r}" spans="1:12">' + "".join(cell(f"{col_name(c)}{r}", ("blank", CUSTOM if c == 1 else 0))
                                                          for c in range(12)) + "</row>")
    merged = f'<mergeCells count="1"><mergeCell ref="{merge}"/></mergeCells>' if merge else ""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}" xmlns:r="{REL}">'
            f'<sheetPr/><dimension ref="{dimension}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>'
            f'<sheetFormatPr defaultColWidth="9" defaultRowHeight="13.5"/><sheetData>{"".join(out)}</sheetData>'
            f'{merged}<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>'
            '<headerFooter/></worksheet>')


def study_rows() -> list[list]:
    head = ["序号", "学习日期", "学习主题", "学习内容", "学习形式", "主持人", "应到人数", "实到人数", "研讨发言",
            "发言人数", "是否列入第一议题", "备注"]
    pic = ("f", '_xlfn.DISPIMG("ID_4F2A9C","1")', '=DISPIMG("ID_4F2A9C",1)', "str")
    return [
        [("i", "示例街道党工委理论学习中心组学习记录（2026年）")] + [None] * 11,
        [("s", h) for h in head],
        [("n", 1), ("n", serial(dt.date(2026, 1, 23)), CUSTOM), ("i", "四中全会精神"), ("i", "建议"), ("s", "专题研讨"),
         ("s", "党工委书记"), ("n", 9), ("n", 8), ("i", "三人发言"), ("n", 3), ("s", "是"), pic],
        [("f", "A3+1", 2), ("n", serial(dt.date(2026, 3, 13)), DBNUM), ("i", "两会精神"), ("i", "报告"), ("s", "集体学习"),
         ("s", "党工委书记"), ("n", 9), ("f", "G4", 9), None, ("f", 'TEXT(2,"0")', "2", "str"), ("s", "是"), None],
        [("f", "A4+1", 3), ("n", serial(dt.date(2026, 4, 24)), BUILTIN31), ("i", "政绩观"), ("i", "材料"), ("s", "专题研讨"),
         ("s", "党工委书记"), ("n", 9), ("n", 9), None, ("n", 3), ("s", "是"), ("e", "#DIV/0!")],
        [("f", "A5+1", 4), ("n", serial(dt.date(2026, 7, 10)), BUILTIN14), ("i", "下半年"), ("i", "文件"), ("s", "专题研讨"),
         ("s", "党工委书记"), ("n", 9), ("n", 9), None, ("n", 4), ("s", "是"), None],
    ]


def opinion_rows() -> list[list]:
    head = ["编号", "发现时间", "发现渠道", "平台", "舆情内容摘要", "类别", "涉及社区或事项", "风险等级", "处置措施",
            "是否报告上级", "处置结果", "办结日期"]
    common = [("s", "日常巡查"), ("s", "某小区业主群")]
    return [
        [("s", h) for h in head],
        [("i", "2026-001"), ("n", serial(dt.date(2026, 1, 4), 9), BUILTIN31), *common, ("i", "物业保洁不到位"),
         ("i", "物业纠纷"), ("i", "幸福里社区"), ("s", "一般"), ("i", "当天回应"), ("s", "无需报告"), ("s", "已办结"),
         ("n", serial(dt.date(2026, 1, 6)), BUILTIN58)],
        [("i", "2026-002"), ("i", "2026年5月4日9时"), *common, ("i", "加装电梯费用分摊"), ("i", "老旧小区改造"),
         ("i", "东风路社区"), ("s", "一般"), ("i", "街道协调"), ("s", "无需报告"), ("s", "处置中"), None],
        [("i", "2026-003"), ("n", serial(dt.date(2026, 7, 21), 12), BUILTIN31), *common, ("i", "广场舞噪声"),
         ("i", "邻里矛盾"), ("i", "清河社区"), ("s", "一般"), ("i", "当天回应"), ("s", "无需报告"), ("s", "已办结"),
         ("n", serial(dt.date(2026, 7, 22)), CUSTOM)],
    ]


# what the two sheets give, counted by the engine from either reader
EXPECTED_WPS = {
    "2026H1": {"ledger-study/sessions": 3, "ledger-study/discussions": 2, "ledger-study/attendance": 26,
               "ledger-study/speeches": 8, "ledger-opinion/leads": 2, "ledger-opinion/property": 1,
               "ledger-opinion/renovation": 1, "ledger-opinion/other-kinds": 0, "ledger-opinion/closed": 1,
               "ledger-opinion/open": 1},
    "2026": {"ledger-study/sessions": 4, "ledger-study/discussions": 3, "ledger-study/attendance": 35,
             "ledger-study/speeches": 12, "ledger-opinion/leads": 3, "ledger-opinion/other-kinds": 1,
             "ledger-opinion/closed": 2},
}


def shared_strings() -> str:
    items = []
    for v in SHARED:
        if isinstance(v, tuple):  # rich text: two runs, the first in bold
            body = f'<r><rPr><b/><sz val="11"/><rFont val="宋体"/><charset val="134"/></rPr><t>{v[0]}</t></r><r><t>{v[1]}</t></r>'
        else:
            body = f'<t xml:space="preserve">{escape(v)}</t>'
        items.append(f'<si>{body}<phoneticPr fontId="1" type="noConversion"/></si>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{MAIN}" count="{len(SHARED)}" '
            f'uniqueCount="{len(SHARED)}">{"".join(items)}</sst>')


STYLES = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{MAIN}"><numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;;@"/><numFmt numFmtId="177" formatCode="[DBNum1][$-804]yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><fonts count="2"><font><sz val="11"/><color theme="1"/><name val="宋体"/><charset val="134"/><scheme val="minor"/></font><font><sz val="9"/><name val="宋体"/><charset val="134"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf><xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment vertical="center"/></xf><xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment vertical="center"/></xf><xf numFmtId="58" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment vertical="center"/></xf><xf numFmtId="177" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment vertical="center"/></xf><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment vertical="center"/></xf></cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>'''


def write_wps_like(path: Path) -> Path:
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/'
          'package/2006/content-types"><Default Extension="png" ContentType="image/png"/><Default Extension="rels" '
          'ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
          'ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          'spreadsheetml.sheet.main+xml"/>'
          + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-'
                    f'officedocument.spreadsheetml.worksheet+xml"/>' for i in (1, 2))
          + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          'spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/'
          'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/'
          'cellimages.xml" ContentType="application/vnd.wps-officedocument.cellimage+xml"/><Override PartName='
          '"/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
          '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          'extended-properties+xml"/><Override PartName="/docProps/custom.xml" ContentType="application/'
          'vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>')
    rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG_REL}">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.'
            'org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship '
            'Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" '
            'Target="docProps/app.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>')
    custom = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.'
              'openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/'
              'officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" '
              'name="KSOProductBuildVer"><vt:lpwstr>2052-12.1.0.0</vt:lpwstr></property><property fmtid="{D5CDD505-'
              '2E9C-101B-9397-08002B2CF9AE}" pid="3" name="ICV"><vt:lpwstr>0123456789ABCDEF0123456789ABCDEF</vt:lpwstr>'
              '</property></Properties>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.'
            'openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            '<dc:creator>宣传办</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2026-01-05T08:00:00Z'
            '</dcterms:created></cp:coreProperties>')
    app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.'
           'org/officeDocument/2006/extended-properties"><Application>WPS 表格</Application></Properties>')
    workbook = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{MAIN}" xmlns:r="{REL}">'
                '<workbookPr/><bookViews><workbookView windowWidth="28800" windowHeight="12360"/></bookViews><sheets>'
                '<sheet name="学习记录" sheetId="1" r:id="rId1"/><sheet name="舆情台账" sheetId="2" r:id="rId2"/></sheets>'
                '<calcPr calcId="144525"/></workbook>')
    wb_rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG_REL}">'
               f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
               f'<Relationship Id="rId2" Type="{REL}/worksheet" Target="worksheets/sheet2.xml"/>'
               f'<Relationship Id="rId3" Type="{REL}/styles" Target="styles.xml"/>'
               f'<Relationship Id="rId4" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
               '<Relationship Id="rId5" Type="http://www.wps.cn/officeDocument/2020/cellImage" Target="cellimages.xml"/>'
               '</Relationships>')
    cellimages = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<etc:cellImages xmlns:xdr="http://schemas.'
                  'openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:r="http://schemas.openxmlformats.org/'
                  'officeDocument/2006/relationships" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
                  f'xmlns:etc="{ETC}"><etc:cellImage><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="ID_4F2A9C" '
                  'descr="签到表"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId1"/><a:stretch>'
                  '<a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="9525" '
                  'cy="9525"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>'
                  '</etc:cellImage></etc:cellImages>')
    ci_rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG_REL}">'
               f'<Relationship Id="rId1" Type="{REL}/image" Target="media/image1.png"/></Relationships>')
    parts = {
        "[Content_Types].xml": ct, "_rels/.rels": rels, "docProps/app.xml": app, "docProps/core.xml": core,
        "docProps/custom.xml": custom, "xl/workbook.xml": workbook, "xl/_rels/workbook.xml.rels": wb_rels,
        "xl/styles.xml": STYLES, "xl/sharedStrings.xml": shared_strings(),
        "xl/worksheets/sheet1.xml": sheet_xml(study_rows(), "A1:L1", "A1", 40),
        "xl/worksheets/sheet2.xml": sheet_xml(opinion_rows(), None, "A1:L4", 4),
        "xl/cellimages.xml": cellimages, "xl/_rels/cellimages.xml.rels": ci_rels,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text.encode("utf-8"))
        z.writestr("xl/media/image1.png", PNG)
    return path
