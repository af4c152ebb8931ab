#!/usr/bin/env python3
"""Generate a synthetic press corpus for scale benchmarks from real articles.

Sentences of the source articles (plain-text files under each SOURCE folder) are
recombined into new articles with a title line, a byline, a dateline and a body,
new file names and new dates. Output is deterministic for a given --seed.

usage: gen_corpus.py --count N --out DIR [--seed S] SOURCE [SOURCE ...]
"""
import argparse
import os
import random
import re
import sys

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")
AUTHORS = [
    "Anna Keller", "Tom Briggs", "Maria Lopez", "James Okafor", "Elena Petrova",
    "David Chen", "Sarah Novak", "Luca Bianchi", "Priya Raman", "Jonas Berg",
]
SPEAKERS = [
    "Dmitry Peskov", "Angela Merkel", "James Baker", "Paul Volcker", "Margaret Thatcher",
    "Jacques Delors", "Yasuhiro Nakasone", "Helmut Kohl", "Tony Blair", "Gordon Brown",
]
VERBS = ["said", "told reporters", "added", "warned", "argued"]


def load_sentences(sources):
    sentences = []
    for root in sources:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            for name in sorted(filenames):
                if not name.endswith(".txt") or name.upper() in ("README.TXT", "SOURCE.TXT"):
                    continue
                with open(os.path.join(dirpath, name), encoding="utf-8", errors="replace") as f:
                    lines = f.read().split("\n")
                text = " ".join(" ".join(lines[1:]).split())
                for s in SENTENCE_END.split(text):
                    if 30 <= len(s) <= 400:
                        sentences.append(s)
    if not sentences:
        sys.exit("gen_corpus: no sentences found under " + " ".join(sources))
    return sentences


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--count", type=int, required=True, help="number of articles to write")
    p.add_argument("--out", required=True, help="output folder (created)")
    p.add_argument("--seed", type=int, default=6, help="random seed (default 6)")
    p.add_argument("sources", nargs="+", help="folders of real plain-text articles")
    a = p.parse_args()
    rng = random.Random(a.seed)
    sentences = load_sentences(a.sources)
    per_dir = 1000
    for i in range(a.count):
        if i % per_dir == 0:
            d = os.path.join(a.out, "%04d" % (i // per_dir))
            os.makedirs(d, exist_ok=True)
        title = rng.choice(sentences).rstrip(".").split(",")[0][:90]
        year = rng.randint(1985, 2025)
        date = "%d-%02d-%02d" % (year, rng.randint(1, 12), rng.randint(1, 28))
        paras = []
        for _ in range(rng.randint(2, 6)):
            body = " ".join(rng.choice(sentences) for _ in range(rng.randint(2, 5)))
            if rng.random() < 0.4:
                quote = rng.choice(sentences).rstrip(".")
                body += ' "%s," %s %s.' % (quote, rng.choice(SPEAKERS), rng.choice(VERBS))
            paras.append(body)
        text = "%s\n\nBy %s\nPublished: %s\n\n%s\n" % (
            title, rng.choice(AUTHORS), date, "\n\n".join(paras))
        with open(os.path.join(d, "a%07d.txt" % i), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
