#!/usr/bin/env python3
"""Makes the HTML fixture pages of corpora/pages/ from the seed texts in corpora/seeds/.

Usage: python3 corpora/pages/make_pages.py   (from the repository root; rewrites the pages)

Each page puts one seed's own text into a layout that government sites use (TRS editor
div with breadcrumbs and sidebars, an old table layout with #zoom, a gov.cn-style information
table, an aggregator page with ad copy), in UTF-8 or GBK, with a right, missing or wrong charset
declaration, and page chrome around it (breadcrumbs, share widgets, print links, related
lists, pagination, footers). The expected metadata and text checks are written by hand below,
next to each layout, and saved as <page>.expected.json; the cleaner's tests read both.
"""
import html
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "corpora" / "seeds"
OUT = ROOT / "corpora" / "pages"


def seed_lines(prefix):
    path = next(SEEDS.glob(prefix + "_*.txt"))
    return [l.rstrip() for l in path.read_text(encoding="utf-8").split("\n")]


def nonblank(lines):
    return [l.strip() for l in lines if l.strip()]


def paras(lines):
    return "\n".join(f"<p>{html.escape(l)}</p>" for l in lines)


def table(header, rows, thead=True):
    h = "".join(f"<th>{html.escape(c)}</th>" if thead else f"<td>{html.escape(c)}</td>" for c in header)
    body = []
    for r in rows:
        cells = []
        for c in r:
            if isinstance(c, tuple):  # (text, attrs)
                cells.append(f"<td {c[1]}>{html.escape(c[0])}</td>")
            else:
                cells.append(f"<td>{html.escape(c).replace(chr(10), '<br>')}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    head = f"<thead><tr>{h}</tr></thead>" if thead else f"<tr>{h}</tr>"
    return f'<table border="1" cellspacing="0">{head}<tbody>{"".join(body)}</tbody></table>'


SIDEBAR = """<div class="left"><div class="lm">信息公开</div><ul>
<li><a href="/zwgk/tzgg/">通知公告</a></li><li><a href="/zwgk/zcjd/">政策解读</a></li>
<li><a href="/zwgk/ghjh/">规划计划</a></li><li><a href="/zwgk/rsxx/">人事信息</a></li>
<li><a href="/zwgk/czzj/">财政资金</a></li></ul></div>"""
FOOTER = """<div class="footer"><p>主办单位：市人民政府办公室 承办单位：市大数据中心</p>
<p>版权所有 网站标识码3205000001 苏ICP备05012345号</p></div>"""


def page_suzhou_report():
    """Seed 001 in a TRS layout: UTF-8 with <meta charset>, breadcrumbs, sidebar, share bar."""
    ls = nonblank(seed_lines("001"))
    title, number = ls[1], ls[2]
    body = ls[4:-1]  # from the first paragraph to (此件公开发布, without the QR line
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}_苏州市人民政府</title>
<meta name="ArticleTitle" content="{title}"><meta name="PubDate" content="2022-01-30 11:59">
<meta name="ContentSource" content="苏州市人民政府办公室">
<script>var _hmt = _hmt || []; document.write("统计代码");</script>
<style>.TRS_Editor p {{ text-indent: 2em; }}</style></head>
<body><div class="header"><div class="logo">苏州市人民政府</div>
<div class="search"><input type="text" placeholder="请输入关键字"><button>搜索</button></div></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="#">政府信息公开专栏</a> &gt; 法治政府建设工作报告</div>
<div class="main">{SIDEBAR}
<div class="right"><div class="article">
<h1 class="title">{title}</h1>
<div class="info"><span>时间：2022-01-30 11:59</span> <span>来源：苏州市人民政府办公室</span> <span>访问量：<em id="count">1024</em></span></div>
<div class="TRS_Editor"><p style="text-align:center">{number}</p>
{paras(body)}
</div>
<div class="bdshare">分享到：<a class="bds_weixin">微信</a> <a class="bds_tsina">微博</a> <a class="bds_qzone">QQ空间</a></div>
<div class="ewm"><img src="qr.png">扫一扫在手机打开当前页</div>
<div class="print">【<a href="javascript:window.print()">打印本页</a>】 【<a href="javascript:window.close()">关闭本页</a>】</div>
</div>
<div class="xgwz"><h3>相关文章</h3><ul><li><a href="/a.html">苏州市2020年法治政府建设工作报告</a></li><li><a href="/b.html">关于印发苏州市法治政府建设实施方案的通知</a></li></ul></div>
</div></div>
{FOOTER}
</body></html>"""
    expected = {
        "encoding": "UTF-8",
        "warnings": False,
        "document": {
            "title": title,
            "doc_number": "苏府呈〔2022〕5号",
            "issuer": "苏州市人民政府",
            "region": "320500",
            "kind": "report",
            "published": "2022-01-30",
            "signed": "2022-01-29",
            "period": None,
            "year": 2021,
        },
        "text_starts_with": title,
        "text_contains": [number, "一、主要举措和成效", "2022129", "(此件公开发布"],
        "text_lacks": ["当前位置", "分享到", "扫一扫", "打印本页", "相关文章", "版权所有", "访问量", "统计代码", "搜索", "通知公告"],
        "tables": [],
    }
    return "suzhou-report-trs-utf8.html", page.encode("utf-8"), expected


def task_table_rows(lines):
    """Task rows of seed 000's flattened 任务分解表, first section, as (序号, 名称, 任务, 牵头, 责任)."""
    ls = nonblank(lines)
    start = ls.index("(一)")
    rows, task, bodies = [], None, []
    for l in ls[start + 2:]:
        if l.startswith("(二)"):
            break
        if re.match(r"^\d、", l):
            if task:
                rows.append((task, bodies))
            task, bodies = l, []
        elif len(l) <= 8:
            bodies.append(l)
        elif task is not None:
            task += l
    if task:
        rows.append((task, bodies))
    out = [[("(一)", ""), ("加快政府职能转变", ""), "", "", ""]]
    for t, b in rows:
        out.append(["", "", t, b[0] if b else "", "\n".join(b[1:])])
    return out


def page_suzhou_plan():
    """Seed 000 on an aggregator: GBK bytes declared as UTF-8 (wrong), banner, pagination, task table."""
    raw = seed_lines("000")
    ls = nonblank(raw)
    title = ls[1]
    body = ls[2:ls.index("附件:") + 2]  # 三、保障措施 … 附件: and the table's caption
    rows = task_table_rows(raw)
    page = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{title}-法搜网</title></head><body>
<div id="top"><div class="logo">法搜网--中国法律信息搜索网</div></div>
<table width="980"><tr><td width="200" valign="top"><div class="menu"><a href="/">首页</a><br><a href="/fg/">法规库</a><br><a href="/al/">案例库</a></div></td>
<td valign="top"><div class="lawtitle"><h2>{title}</h2></div>
<div id="content">{paras(body)}
{table(["序号", "名称", "工作任务", "牵头部门", "责任部门"], rows)}
</div>
<div class="pages">第 [1] [2] [3] [4] [5] 页 共[6]页</div>
<p class="tip">上面法规内容为部分内容,如果要查看全文请点击此处:查看全文</p>
<p>【发表评论】 【互动社区】</p>
<div class="related"><b>相关文章</b><ul><li><a href="/x">苏州市依法行政考核办法</a></li></ul></div>
</td></tr></table></body></html>"""
    expected = {
        "encoding": "GBK",
        "warnings": True,
        "document": {
            "title": title,
            "doc_number": None,
            "issuer": "苏州市人民政府",
            "region": "320500",
            "kind": "plan",
            "published": None,
            "signed": None,
            "period": [2011, 2015],
            "year": 2011,
        },
        "text_starts_with": title,
        "text_contains": ["三、保障措施", "26.强化依法行政工作的组织领导", "附件:"],
        "text_lacks": ["法搜网", "第 [1]", "共[6]页", "上面法规内容", "发表评论", "相关文章", "法规库"],
        "tables": [{"header": ["序号", "名称", "工作任务", "牵头部门", "责任部门"], "rows": len(rows),
                    "row_contains": [1, "市政府办"]}],
    }
    return "suzhou-plan-aggregator-gbk-wrong-charset.html", page.encode("gbk", errors="xmlcharrefreplace"), expected


def target_table_rows(lines):
    """Rows of seed 002's 附件1 目标责任书 (序号, 考核项目, 目标内容), flattened one cell per line."""
    ls = nonblank(lines)
    start = ls.index("附件1") + 5  # 附件1, caption, 序号, 考核项目, 目标内容
    end = ls.index("附件2")
    rows, cur = [], None
    for l in ls[start:end]:
        if re.fullmatch(r"\d{1,2}", l):
            if cur:
                rows.append(cur)
            cur = [l]
        elif cur is not None:
            cur.append(l)
    if cur:
        rows.append(cur)
    return [[r[0], "".join(r[1:-1]), r[-1]] for r in rows]


def page_zhaohua():
    """Seed 002 in an old table layout: GBK declared gb2312, #zoom, 附件 table as <table>."""
    raw = seed_lines("002")
    ls = nonblank(raw)
    title_line = ls[2]
    title = re.sub(r"\s+", "", title_line)
    start = ls.index("昭府办发〔2017〕10号")
    end = ls.index("附件1")
    body = ls[start:end]
    rows = target_table_rows(raw)
    page = f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{title}</title></head><body>
<table width="1000" align="center"><tr><td colspan="2"><img src="banner.jpg" alt="广元市昭化区人民政府"></td></tr>
<tr><td colspan="2" class="dqwz">您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/zwgk/">政务公开</a> &gt;&gt; 政府文件</td></tr>
<tr><td width="220" valign="top"><table><tr><td><a href="/a">区政府文件</a></td></tr><tr><td><a href="/b">区政府办文件</a></td></tr><tr><td><a href="/c">部门文件</a></td></tr></table></td>
<td valign="top">
<div class="bt">{html.escape(title_line)}</div>
<div class="sj">发布时间：2017-05-31 15:01:00 来源：广元市昭化区人民政府办公室 【字体：<a>大</a> <a>中</a> <a>小</a>】</div>
<div id="zoom">{paras(body)}
<p>附件1</p><p>广元市昭化区2017年部门法治政府建设目标责任书</p>
{table(["序号", "考核项目", "目标内容"], rows, thead=False)}
</div>
<div class="znwd">智能问答 关闭<br>你还可以输入40</div>
<div class="fy">第 [1] [2] 页 共[2]页</div>
</td></tr></table>
<div class="foot">版权所有：广元市昭化区人民政府办公室</div></body></html>"""
    expected = {
        "encoding": "GBK",
        "warnings": False,
        "document": {
            "title": title,
            "doc_number": "昭府办发〔2017〕10号",
            "issuer": "广元市昭化区人民政府办公室",
            "region": "510811",
            "kind": "annual_plan",
            "published": "2017-05-31",
            "signed": "2017-05-31",
            "period": None,
            "year": 2017,
        },
        "text_starts_with": None,
        "text_contains": ["昭府办发〔2017〕10号", "2017年度法治政府建设工作安排", "附件1"],
        "text_lacks": ["您现在的位置", "智能问答", "你还可以输入", "共[2]页", "字体", "版权所有", "区政府办文件"],
        "tables": [{"header": ["序号", "考核项目", "目标内容"], "rows": len(rows),
                    "row_contains": [8, "依法接受监督"]}],
    }
    return "zhaohua-plan-table-layout-gbk.html", page.encode("gbk", errors="xmlcharrefreplace"), expected


def page_jiaxing():
    """Seed 003 in a gov.cn-style layout: GBK with no charset declaration, information table."""
    ls = nonblank(seed_lines("003"))
    title = ls[2]
    body = ls[4:-3]  # from the salutation to the signature date
    page = f"""<html><head><title>{title}</title></head><body>
<div class="top-banner">嘉兴市人民政府门户网站</div>
<div class="crumb">首页 &gt; 政务公开 &gt; 市政府信息 &gt; 嘉兴市人民政府公报 &gt; 2014年第4期</div>
<table class="xxgk-info"><tr><td>索引号：</td><td>002609486/2014-00318</td><td>主题分类：</td><td>政府法制</td></tr>
<tr><td>发布机构：</td><td>嘉兴市人民政府</td><td>成文日期：</td><td>2014-03-27</td></tr>
<tr><td>文号：</td><td></td><td>发布日期：</td><td>2022-12-08</td></tr>
<tr><td>标题：</td><td colspan="3">{title}</td></tr></table>
<div class="pages_content" id="UCAP-CONTENT">{paras(body)}</div>
<div class="article-foot"><p>作者：</p><p>信息来源：</p><p>【打印本页】 【关闭本页】</p></div>
<div class="sidebar"><h4>热点推荐</h4><a href="/1">嘉兴市2014年政府工作报告</a><a href="/2">关于进一步加强行政执法的意见</a></div>
</body></html>"""
    expected = {
        "encoding": "GBK",
        "warnings": False,
        "document": {
            "title": title,
            "doc_number": None,
            "issuer": "嘉兴市人民政府",
            "region": "330400",
            "kind": "opinion",
            "published": "2022-12-08",
            "signed": "2014-03-27",
            "period": None,
            "year": 2014,
        },
        "text_starts_with": title,
        "text_contains": ["一、加强政府制度建设", "2014年3月27日"],
        "text_lacks": ["首页", "门户网站", "索引号", "作者", "信息来源", "打印本页", "热点推荐"],
        "tables": [],
    }
    return "jiaxing-opinion-govcn-gbk-undeclared.html", page.encode("gbk", errors="xmlcharrefreplace"), expected


def page_county():
    """Seed 004 on an essay site: UTF-8 without declaration, ad copy, no title of its own."""
    ls = nonblank(seed_lines("004"))
    ad, body = ls[0], ls[1:]
    page = f"""<html><head><title>地方政府依法行政工作方案范文-范文网</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/fw/">范文大全</a> <a href="/gzfa/">工作方案</a></div>
<h1>地方政府依法行政工作方案范文</h1>
<div class="intro">{html.escape(ad)}</div>
<div class="content">{paras(body)}</div>
<div class="recommend"><h3>相关文章</h3><a href="/1">乡镇依法行政工作计划范文</a></div>
</body></html>"""
    expected = {
        "encoding": "UTF-8",
        "warnings": False,
        "document": {
            "title": None,
            "doc_number": None,
            "issuer": None,
            "region": None,
            "kind": "implementation_plan",
            "published": None,
            "signed": None,
            "period": None,
            "year": None,
        },
        "text_starts_with": body[0],
        "text_contains": ["一、全面推进依法行政的指导思想和总体要求"],
        "text_lacks": ["本站", "范文", "相关文章", "首页"],
        "tables": [],
    }
    return "county-plan-essay-site-utf8-undeclared.html", page.encode("utf-8"), expected


def main():
    for make in (page_suzhou_report, page_suzhou_plan, page_zhaohua, page_jiaxing, page_county):
        name, data, expected = make()
        (OUT / name).write_bytes(data)
        expected["page"] = name
        (OUT / (name.removesuffix(".html") + ".expected.json")).write_text(
            json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(name, len(data))


if __name__ == "__main__":
    main()
