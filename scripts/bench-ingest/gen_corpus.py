#!/usr/bin/env python3
"""Writes a corpus of SIZE megabytes of plain-text government documents into DIR, made from
the project's own documents (corpora/seeds), varied so that an index sees many regions, years
and numbering styles rather than one text repeated:

- each generated document starts from one seed and takes its lines in order, with about a
  third of its paragraphs swapped for paragraphs of the other seeds (so term statistics are a
  mixture, not copies);
- every region name of the seed (the city and county names it mentions) is replaced by another
  region of the GB/T 2260 table (corpora/regions/gbt2260.tsv), chosen per document;
- every year is shifted by the same offset (2011-2015 plan -> 2016-2020 plan, ...);
- every fifth document renumbers its outline (一、 -> 1., （一） -> (1)).

Deterministic: the same SIZE gives the same bytes. Usage:
    gen_corpus.py DIR SIZE_MB
"""

import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
SEEDS = os.path.join(REPO, "corpora", "seeds")
REGIONS = os.path.join(REPO, "corpora", "regions", "gbt2260.tsv")
# The regions the seeds name, replaced in every generated document.
SEED_REGIONS = ["苏州市", "苏州", "嘉兴市", "嘉兴", "广元市", "广元", "昭化区", "昭化", "江苏省", "浙江省", "四川省"]
YEAR = re.compile(r"(?<![0-9])(19[89][0-9]|20[0-4][0-9])(?![0-9])")
CHINESE_DIGITS = "一二三四五六七八九十"


def regions():
    cities, counties = [], []
    with open(REGIONS, encoding="utf-8") as f:
        next(f)
        for line in f:
            code, name = line.rstrip("\n").split("\t")
            if code.endswith("0000"):
                continue
            (cities if code.endswith("00") else counties).append(name)
    return cities, counties


def renumber(text):
    for i, d in enumerate(CHINESE_DIGITS, 1):
        text = text.replace(f"\n{d}、", f"\n{i}.").replace(f"（{d}）", f"({i})")
    return text


def main():
    out, size_mb = sys.argv[1], float(sys.argv[2])
    target = int(size_mb * 1024 * 1024)
    seeds = []
    for name in sorted(os.listdir(SEEDS)):
        with open(os.path.join(SEEDS, name), encoding="utf-8") as f:
            seeds.append(f.read())
    pool = [p for s in seeds for p in s.split("\n") if len(p) > 20]
    cities, counties = regions()
    rng = random.Random(20261206)
    os.makedirs(out, exist_ok=True)
    written, n = 0, 0
    while written < target:
        seed = seeds[n % len(seeds)]
        lines = [
            rng.choice(pool) if len(line) > 20 and rng.random() < 0.33 else line
            for line in seed.split("\n")
        ]
        text = "\n".join(lines)
        city, county = rng.choice(cities), rng.choice(counties)
        for old in SEED_REGIONS:
            new = county if old.startswith("昭化") else city
            if not old.endswith(("市", "区", "省")):
                new = new[:-1] if len(new) > 2 else new
            text = text.replace(old, new)
        shift = rng.randrange(-8, 4)
        text = YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
        if n % 5 == 4:
            text = renumber(text)
        data = text.encode("utf-8")
        sub = os.path.join(out, f"{n // 1000:04d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"doc{n:07d}.txt"), "wb") as f:
            f.write(data)
        written += len(data)
        n += 1
    print(n)


if __name__ == "__main__":
    main()
