#!/usr/bin/env python3
"""Writes a synthetic government site of N pages for the crawl benchmark.

Layout: index.html links to C column list pages; each column has paginated list pages
(index.html, index_1.html, ...) of 20 detail links with a 下一页 link; each detail page is a
document (a numbered work plan of 60 items, ~7 KB) with navigation links. Deterministic: the same N gives
the same files.

usage: gen_site.py OUT_DIR [PAGES]
"""
import os
import sys

out = sys.argv[1]
pages = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
per_list = 20
columns = ["xxgk", "zcwj", "ghjh", "gzbg", "fzzf"]

TASKS = [
    "加强重点领域立法，年内完成地方性法规修订草案起草工作，由市司法局牵头。",
    "规范性文件合法性审核率达到100%，6月底前完成现行有效文件清理。",
    "全面推行行政执法三项制度，每季度通报一次执法案卷评查情况。",
    "行政机关负责人出庭应诉率不低于90%，年底前实现全覆盖。",
    "按时办结人大代表建议和政协提案，办结率达到100%。",
    "深化“放管服”改革，企业开办时间压缩至1个工作日以内。",
    "城镇新增就业2.5万人以上，市人力资源社会保障局牵头。",
]

def head(title):
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s_示范市人民政府</title></head><body>'
        '<div class="header"><a href="/index.html">首页</a>%s</div>'
        % (title, "".join(' <a href="/%s/index.html">%s</a>' % (c, c) for c in columns))
    )

FOOT = '<div class="footer">主办：示范市人民政府办公室　网站标识码：0000000000</div></body></html>'

def detail(col, i):
    paras = []
    for k in range(1, 61):
        paras.append("<p>%d.%s</p>" % (k, TASKS[(i + k) % len(TASKS)]))
    return (
        head("示范市2024年重点工作任务（第%d号）" % i)
        + '<div class="article"><h1>示范市2024年重点工作任务（第%d号）</h1><div class="TRS_Editor">' % i
        + "".join(paras)
        + '</div></div><div class="related"><a href="/%s/index.html">返回列表</a></div>' % col
        + FOOT
    )

os.makedirs(out, exist_ok=True)
details_total = pages - 1
per_col = details_total // len(columns)
written = 1
with open(os.path.join(out, "index.html"), "w", encoding="utf-8") as f:
    f.write(head("首页") + FOOT)
for col in columns:
    d = os.path.join(out, col)
    os.makedirs(d, exist_ok=True)
    # Each column: lists + details, about per_col pages in all.
    n_details = per_col * per_list // (per_list + 1)
    n_lists = (n_details + per_list - 1) // per_list
    for li in range(n_lists):
        name = "index.html" if li == 0 else "index_%d.html" % li
        items = []
        for k in range(per_list):
            i = li * per_list + k
            if i >= n_details:
                break
            items.append('<li><a href="t2024_%d.html">示范市2024年重点工作任务（第%d号）</a><span>2024-03-01</span></li>' % (i, i))
        nxt = '<a href="index_%d.html">下一页</a>' % (li + 1) if li + 1 < n_lists else "<span>下一页</span>"
        with open(os.path.join(d, name), "w", encoding="utf-8") as f:
            f.write(head(col) + '<ul class="list">' + "".join(items) + '</ul><div class="pager">' + nxt + "</div>" + FOOT)
        written += 1
    for i in range(n_details):
        with open(os.path.join(d, "t2024_%d.html" % i), "w", encoding="utf-8") as f:
            f.write(detail(col, i))
        written += 1
with open(os.path.join(out, "robots.txt"), "w") as f:
    f.write("User-agent: *\nDisallow: /private/\n")
print(written)
