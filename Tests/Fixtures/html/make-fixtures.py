#!/usr/bin/env python3
"""Writes the HTML test pages (Tests/Fixtures/html/*.html) and the HTML samples (Samples/html/).

Each page wraps the content of a text seed (Samples/text/NNN.document.json: the document the
text adapter builds) in the markup of a real publishing system, so the HTML adapter's document
can be compared with the text adapter's, block for block. Pages are written in UTF-8, GBK
(GB2312 declared, GB18030 bytes), Big5, with and without declarations, and with a wrong one.
Run from anywhere: python3 Tests/Fixtures/html/make-fixtures.py  (output is deterministic).
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))


def seed(name):
    with open(os.path.join(ROOT, "Samples", "text", name + ".document.json"), encoding="utf-8") as f:
        return json.load(f)["blocks"]


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def is_cjk(ch):
    return "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"


def per_char_numbers(text):
    """Word's per-character runs inside numbers: 251 -> <span>2</span><span>5</span><span>1</span>."""
    return re.sub(r"\d{2,}", lambda m: "".join("<span lang=EN-US>%s</span>" % d for d in m.group(0)), text)


def wrap_source(html, width=76):
    """Word wraps its HTML source lines: break between two CJK characters or two digits
    outside tags, as Word's exporter does."""
    out, col, in_tag = [], 0, False
    for i, ch in enumerate(html):
        out.append(ch)
        col += 1
        if ch == "<":
            in_tag = True
        elif ch == ">":
            in_tag = False
        nxt = html[i + 1] if i + 1 < len(html) else ""
        if ch == "\n":
            col = 0
        elif col >= width and not in_tag and ((is_cjk(ch) and is_cjk(nxt)) or (ch.isdigit() and nxt.isdigit())):
            out.append("\n")
            col = 0
    return "".join(out)


def table_rows(block):
    """Rows of cells, every grid position a <td> (the seeds' padding cells included, so the
    page's document equals the seed's; the report profile then reads them as blank cells)."""
    rows = [[] for _ in range(block["rowCount"])]
    for c in block["cells"]:
        rows[c["row"]].append(c)
    return rows


def cell_html(text):
    return "<br>".join(esc(part) for part in text.split("\n"))


# ---------------------------------------------------------------- content renderers

def content_trs(blocks):
    """TRS WCM editor output: <p style=text-indent>, headings in <strong>, tables with <p> cells."""
    out = []
    for b in blocks:
        if b["type"] == "table":
            out.append('<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;width:100%">\n<tbody>')
            for row in table_rows(b):
                out.append("<tr>" + "".join(
                    '<td style="border:1px solid #000"%s><p style="text-align:center"><span style="font-size:14px">%s</span></p></td>'
                    % (spans(c), cell_html(c["text"])) for c in row) + "</tr>")
            out.append("</tbody>\n</table>")
        elif b["type"] == "heading":
            out.append('<p style="text-indent:2em"><strong><span style="font-family:黑体">%s</span></strong></p>' % esc(b["text"]))
        else:
            out.append('<p style="text-indent:2em;line-height:2"><span style="font-family:仿宋_GB2312;font-size:16px">%s</span></p>'
                       % per_char_numbers(esc(b["text"])))
    return "\n".join(out)


def spans(c):
    s = ""
    if c["rowSpan"] > 1:
        s += ' rowspan="%d"' % c["rowSpan"]
    if c["columnSpan"] > 1:
        s += ' colspan="%d"' % c["columnSpan"]
    return s


def content_word(blocks):
    """Word "save as web page" (filtered): MsoNormal, <o:p>, lang spans, font tags, nbsp."""
    out = []
    for b in blocks:
        if b["type"] == "table":
            out.append("<div align=center>\n<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0\n"
                       " style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;\n"
                       " mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>")
            for r, row in enumerate(table_rows(b)):
                out.append(" <tr style='mso-yfti-irow:%d'>" % r)
                for c in row:
                    text = c["text"]
                    inner = "<span lang=EN-US style='font-size:10.5pt'><o:p>&nbsp;</o:p></span>" if not text else \
                        "<span style='font-size:10.5pt;font-family:宋体;mso-ascii-font-family:Calibri'>%s</span>" % per_char_numbers(cell_html(text))
                    out.append("  <td width=60 valign=top style='width:45.0pt;border:solid windowtext 1.0pt;\n"
                               "  mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'%s>\n"
                               "  <p class=MsoNormal align=center style='text-align:center'>%s</p>\n  </td>" % (spans(c), inner))
                out.append(" </tr>")
            out.append("</table>\n</div>\n<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>")
        elif b["type"] == "heading":
            out.append("<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><b><span\n"
                       "style='font-size:16.0pt;font-family:黑体'>%s<span lang=EN-US><o:p></o:p></span></span></b></p>" % esc(b["text"]))
        else:
            text = esc(b["text"]).replace("，", "，</span><span style='font-family:仿宋_GB2312'>", 1)
            out.append("<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt'><span\n"
                       "style='font-size:16.0pt;font-family:仿宋_GB2312'>%s</span><span lang=EN-US\n"
                       "style='font-size:16.0pt'><o:p></o:p></span></p>" % per_char_numbers(text))
    return wrap_source("\n".join(out))


def content_plain(blocks, unclosed=False, th_header=False, split_at=None):
    """An older CMS: bare <p>, <font> tags, optionally unclosed p/td/tr and th header rows."""
    out = []
    for b in blocks:
        if b["type"] == "table":
            rows = table_rows(b)
            parts = [rows] if split_at is None or len(rows) <= split_at else [rows[:split_at], rows[split_at:]]
            for k, part in enumerate(parts):
                out.append("<table border=1 width=\"100%\">")
                for r, row in enumerate(part):
                    tag = "th" if th_header and r == 0 and k == 0 else "td"
                    cells = "".join("<%s%s>%s%s" % (tag, spans(c), "<font size=2>%s</font>" % cell_html(c["text"]),
                                                      "" if unclosed else "</%s>" % tag) for c in row)
                    out.append("<tr>" + cells + ("" if unclosed else "</tr>"))
                out.append("</table>")
        else:
            out.append("<p><font face=\"宋体\">%s</font>%s" % (esc(b["text"]), "" if unclosed else "</p>"))
    return "\n".join(out)


# ---------------------------------------------------------------- page templates

def info_table(rows):
    return "\n".join("<tr><td class=\"t1\">%s</td><td class=\"t2\">%s</td><td class=\"t1\">%s</td><td class=\"t2\">%s</td></tr>" % r
                     for r in rows)


def page_trs(title, body, site, charset_meta, published):
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
{charset_meta}
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{title}_{site}</title>
<meta name="SiteName" content="{site}">
<meta name="ColumnName" content="政府信息公开年报">
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="{published} 10:32">
<meta name="ContentSource" content="{site}">
<link rel="stylesheet" href="/css/common.css">
<style>.header{{height:120px}} #zoom p{{line-height:2}}</style>
<script src="/js/jquery.min.js"></script>
<script>var _hmt = _hmt || []; document.write("<p>统计代码</p>");</script>
</head>
<body>
<div class="header"><div class="logo"><img src="/img/logo.png" alt="{site}"></div>
<div class="search"><input type="text" placeholder="请输入关键字"><button>搜索</button></div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="main w1200">
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/ndbg/">政府信息公开年报</a></div>
<div class="xxgk_table"><table class="table_suoyin" width="100%">
{info_table([("索&nbsp;引&nbsp;号：", "11410922MB1C42051P/2022-00031", "主题分类：", "综合政务/其他"),
             ("发布机构：", "{0}".format(site.replace("网", "")), "成文日期：", published.replace("-", "年", 1).replace("-", "月") + "日"),
             ("名　　称：", title, "公开日期：", published)])}
</table></div>
<div class="article">
<h1 class="article-title">{title}</h1>
<div class="article-info">发布时间：{published} &nbsp; 来源：{site} &nbsp; 【字体：<a>大</a> <a>中</a> <a>小</a>】</div>
<div id="zoom" class="article-con"><div class="TRS_Editor"><style>.TRS_Editor P{{margin-top:0}}</style>
{body}
</div></div>
<div class="bdsharebuttonbox"><span>分享到：</span><a class="bds_weixin" title="分享到微信"></a><a class="bds_tsina" title="分享到新浪微博"></a></div>
<div class="article-tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
<div class="prev-next"><p>上一篇：<a href="/a.html">关于2021年第四季度政务公开工作的通报</a></p><p>下一篇：<a href="/b.html">2022年政务公开工作要点</a></p></div>
<div class="related"><h3>相关文章</h3><ul><li><a href="/c.html">2020年政府信息公开工作年度报告</a></li><li><a href="/d.html">2019年政府信息公开工作年度报告</a></li></ul></div>
</div>
</div>
<div class="footer"><p><a href="/">网站地图</a> | <a href="/">联系我们</a></p>
<p>主办单位：{site.replace("网", "")}办公室 &nbsp; 承办单位：信息中心</p>
<p>网站标识码：4107260001 &nbsp; <a href="https://beian.miit.gov.cn">豫ICP备05012345号</a> &nbsp; 豫公网安备 41072602000123号</p></div>
<div style="display:none">隐藏的统计文字</div>
</body>
</html>
"""


def page_ucap(title, body, site, published):
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{title}</title>
<script language="javascript" src="/script/0/1202151634468421.js"></script>
</head>
<body leftmargin="0" topmargin="0">
<div id="top"><table width="1000" align="center"><tr><td><img src="/picture/0/logo.jpg"></td><td class="topnav"><a href="/">网站首页</a> <a href="/col/col1/">信息公开</a> <a href="/col/col2/">办事服务</a></td></tr></table></div>
<table width="1000" align="center"><tr><td class="bt_link">您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/col/col8/">政府信息公开年报</a></td></tr></table>
<table width="1000" align="center" class="xxgk_info">
<tr><td width="100">索引号：</td><td>001008003010001/2022-00012</td><td width="100">发布机构：</td><td>{site}人民政府</td></tr>
<tr><td>公开方式：</td><td>主动公开</td><td>发文日期：</td><td>{published.replace("-", "/")}</td></tr>
<tr><td>名称：</td><td colspan="3">{title}</td></tr>
<tr><td>公开日期：</td><td>{published}</td><td>有效性：</td><td>有效</td></tr>
</table>
<table width="1000" align="center"><tr><td class="title" align="center"><b>{title}</b></td></tr>
<tr><td id="ucapcontent" class="bt_content">
{body}
</td></tr></table>
<table width="1000" align="center"><tr><td align="center"><a href="javascript:window.print()">【打印】</a> <a href="javascript:window.close()">【关闭】</a></td></tr></table>
<div id="footer"><p>主办：{site}人民政府办公室 &nbsp;&nbsp; 地址：人民路1号</p><p>网站标识码：3412210007 &nbsp; 皖ICP备06001234号-1</p></div>
</body>
</html>
"""


def page_word(title, body):
    return f"""<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<title>{title}</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>Administrator</o:Author>
  <o:Pages>6</o:Pages>
 </o:DocumentProperties>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face
	{{font-family:宋体;
	panose-1:2 1 6 0 3 1 1 1 1 1;
	mso-font-charset:134;}}
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{{mso-style-unhide:no;
	margin:0cm;
	text-align:justify;
	font-size:10.5pt;
	font-family:"Calibri",sans-serif;}}
@page WordSection1
	{{size:595.3pt 841.9pt;
	margin:72.0pt 90.0pt 72.0pt 90.0pt;}}
div.WordSection1
	{{page:WordSection1;}}
-->
</style>
<!--[if gte mso 10]>
<style>
 table.MsoNormalTable
	{{mso-style-name:普通表格;}}
</style>
<![endif]-->
</head>

<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>

<div class=WordSection1 style='layout-grid:15.6pt'>

<p class=MsoNormal align=center style='text-align:center'><b><span
style='font-size:22.0pt;font-family:方正小标宋简体'>{title}<span lang=EN-US><o:p></o:p></span></span></b></p>

<p class=MsoNormal><![if !supportEmptyParas]>&nbsp;<![endif]><o:p></o:p></p>

{body}

<p class=MsoNormal><span lang=EN-US style='mso-bidi-font-size:10.5pt'><![if !supportLists]><span
style='mso-list:Ignore'></span><![endif]><o:p>&nbsp;</o:p></span></p>

</div>

</body>

</html>
"""


def page_layout(title, body):
    """A table-layout portal of the 2000s: header, left menu, content cell, footer rows."""
    return f"""<html>
<head>
<title>{title}</title>
</head>
<body bgcolor="#ffffff">
<table width="980" border="0" cellspacing="0" cellpadding="0" align="center">
<tr><td colspan="2" height="100"><img src="/images/banner.jpg"></td></tr>
<tr><td colspan="2" class="menu"><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <a href="/bsfw">办事服务</a> | <a href="/gzhd">公众互动</a></td></tr>
<tr>
<td width="200" valign="top">
 <table width="100%"><tr><td><a href="/tzgg">通知公告</a></td></tr><tr><td><a href="/zcwj">政策文件</a></td></tr><tr><td><a href="/ndbg">年度报告</a></td></tr></table>
</td>
<td width="780" valign="top">
<table width="100%" border="0"><tr><td align="center"><font size="4"><b>{title}</b></font></td></tr>
<tr><td>
{body}
</td></tr></table>
</td>
</tr>
<tr><td colspan="2" align="center" class="copyright">版权所有：某某县人民政府 &nbsp; 技术支持：某某网络公司 &nbsp; 备案号：滇ICP备10001234号</td></tr>
</table>
</body>
</html>
"""


def page_article(title, body, published):
    return f"""<!doctype html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{title} - 某某市人民政府门户网站</title>
</head>
<body>
<header class="site-header"><nav><a href="/">首页</a><a href="/zw/">政务</a><a href="/hd/">互动</a></nav></header>
<main>
<div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/xxgk/">信息公开</a> &gt; 年度报告</div>
<article>
<h1>{title}</h1>
<p class="meta">发布日期：{published} 信息来源：某某市人民政府办公室 浏览次数：1234</p>
<div class="article-content">
{body}
</div>
<div class="share">分享到：<a>微信</a> <a>微博</a></div>
</article>
<aside class="related"><h2>相关链接</h2><ul><li><a>2020年度报告</a></li></ul></aside>
</main>
<footer><p>某某市人民政府办公室主办</p><p>网站标识码5301000001 滇ICP备05001234号</p></footer>
</body>
</html>
"""


def applications_table_2021():
    """Table three of the 2021 format as portals publish it: merged cells as Word makes them.
    Columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计."""
    def vals(values):
        return "".join("<td><p align=center><span>%s</span></p></td>" % v for v in values)
    zero = [0] * 7
    out = ['<table border="1" cellspacing="0" cellpadding="0">',
           '<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>',
           '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>',
           "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>",
           '<tr><td colspan="3">一、本年新收政府信息公开申请数量</td>%s</tr>' % vals([5, 1, 0, 0, 0, 0, 6]),
           '<tr><td colspan="3">二、上年结转政府信息公开申请数量</td>%s</tr>' % vals(zero),
           '<tr><td rowspan="22">三、本年度办理结果</td><td colspan="2">（一）予以公开</td>%s</tr>' % vals([2, 1, 0, 0, 0, 0, 3]),
           '<tr><td colspan="2">（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td>%s</tr>' % vals([1, 0, 0, 0, 0, 0, 1])]
    groups = [
        ("（三）不予公开", [("1.属于国家秘密", zero), ("2.其他法律行政法规禁止公开", zero), ("3.危及“三安全一稳定”", zero),
                       ("4.保护第三方合法权益", zero), ("5.属于三类内部事务信息", zero), ("6.属于四类过程性信息", zero),
                       ("7.属于行政执法案卷", zero), ("8.属于行政查询事项", zero)]),
        ("（四）无法提供", [("1.本机关不掌握相关政府信息", [1, 0, 0, 0, 0, 0, 1]), ("2.没有现成信息需要另行制作", zero),
                       ("3.补正后申请内容仍不明确", zero)]),
        ("（五）不予处理", [("1.信访举报投诉类申请", zero), ("2.重复申请", zero), ("3.要求提供公开出版物", zero),
                       ("4.无正当理由大量反复申请", zero), ("5.要求行政机关确认或重新出具已获取信息", zero)]),
        ("（六）其他处理", [("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", zero),
                       ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", zero), ("3.其他", zero)]),
    ]
    for group, items in groups:
        for k, (label, values) in enumerate(items):
            head = '<td rowspan="%d">%s</td>' % (len(items), group) if k == 0 else ""
            out.append("<tr>%s<td>%s</td>%s</tr>" % (head, label, vals(values)))
    out.append('<tr><td colspan="2">（七）总计</td>%s</tr>' % vals([4, 1, 0, 0, 0, 0, 5]))
    out.append('<tr><td colspan="3">四、结转下年度继续办理</td>%s</tr>' % vals([1, 0, 0, 0, 0, 0, 1]))
    out.append("</table>")
    return "\n".join(out)


def page_spans():
    title = "某某市生态环境局2021年政府信息公开工作年度报告"
    body = "\n".join([
        "<p>一、总体情况</p><p>2021年，本局主动公开政府信息312条。</p>",
        "<p>二、主动公开政府信息情况</p><p>详见门户网站。</p>",
        "<p>三、收到和处理政府信息公开申请情况</p>", applications_table_2021(),
        "<p>四、政府信息公开行政复议、行政诉讼情况</p><p>本年度无行政复议和行政诉讼。</p>",
        "<p>五、存在的主要问题及改进情况</p><p>公开的及时性有待提高。</p>",
        "<p>六、其他需要报告的事项</p><p>无。</p>",
        "<p style=\"text-align:right\">某某市生态环境局</p><p style=\"text-align:right\">2022年1月25日</p>",
    ])
    return page_ucap(title, body, "某某市", "2022-01-26")


def write(relative, text, encoding):
    path = os.path.join(ROOT, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = text.encode(encoding)
    with open(path, "wb") as f:
        f.write(data)


def title_and_rest(blocks):
    first = blocks[0]
    if "报告" not in first["text"] and blocks[1]["text"].endswith("报告"):  # a title over two lines
        return first["text"] + blocks[1]["text"], blocks[2:]
    assert first["type"] == "paragraph" and "报告" in first["text"], first
    return first["text"], blocks[1:]


def main():
    fixtures = "Tests/Fixtures/html/"
    # 000: TRS portal page, UTF-8, <meta charset>.
    title, rest = title_and_rest(seed("000_349c54217d600586"))
    write(fixtures + "000-trs-utf8.html",
          page_trs(title, content_trs(rest), "玉溪市江川区人民政府网", '<meta charset="utf-8">', "2022-01-28"), "utf-8")
    # 001: Hanweb ucap page, GB2312 declared by http-equiv, GBK bytes.
    title, rest = title_and_rest(seed("001_7097c5c10f7e9ea9"))
    write(fixtures + "001-ucap-gbk.html", page_ucap(title, content_trs(rest), "某某县", "2022-01-19"), "gb18030")
    # 002: Word "save as web page", GB2312 declared, GBK bytes.
    title, rest = title_and_rest(seed("002_32e8e180e59a5afa"))
    write(fixtures + "002-word-gbk.html", page_word(title, content_word(rest)), "gb18030")
    # 003: table-layout portal, no charset declared, UTF-8 bytes with a BOM-less body.
    title, rest = title_and_rest(seed("003_2c1bade6c9c5d287"))
    write(fixtures + "003-layout-undeclared.html", page_layout(title, content_plain(rest)), "utf-8")
    # 004: <article> page that declares UTF-8 but was saved as GBK; th header row, unclosed
    # p/td/tr, and the applications table split into two <table> elements.
    title, rest = title_and_rest(seed("004_604213c82ade96a7"))
    write(fixtures + "004-mislabeled-gbk.html",
          page_article(title, content_plain(rest, unclosed=True, th_header=True, split_at=12), "2022-01-30"), "gb18030")
    # Undeclared GBK (no meta at all) and Big5.
    title, rest = title_and_rest(seed("001_7097c5c10f7e9ea9"))
    write(fixtures + "005-undeclared-gbk.html", page_layout(title, content_plain(rest)), "gb18030")
    write(fixtures + "006-big5.html", """<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5">
<title>某縣政府資訊公開年度報告</title></head><body><div class="TRS_Editor">
<p>一、總體情況</p><p>本年度主動公開政府資訊1234條，受理申請5件。</p></div></body></html>
""", "big5")
    write(fixtures + "008-spans-gbk.html", page_spans(), "gb18030")
    write(fixtures + "007-bom-utf8.html", "\ufeff<html><body><div id=\"zoom\"><p>一、总体情况</p><p>本机关主动公开政府信息86条，全部通过门户网站发布。</p></div></body></html>\n", "utf-8")
    # Samples: one UTF-8 portal page and one GBK Word page, with their outputs stored beside them.
    title, rest = title_and_rest(seed("000_349c54217d600586"))
    write("Samples/html/010_trs_portal_utf8.html",
          page_article(title, content_trs(rest), "2022-01-28"), "utf-8")
    title, rest = title_and_rest(seed("003_2c1bade6c9c5d287"))
    write("Samples/html/011_word_export_gbk.html", page_word(title, content_word(rest)), "gb18030")


if __name__ == "__main__":
    main()
