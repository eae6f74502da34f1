#!/usr/bin/env python3
"""Runs `known-errors scan` over the corpus and reports (1) every diagnosed line of corpus/benign/*.log
(false positives) and (2) for errors.jsonl, whether each event gets its expected id.
Usage: check-corpus.py <known-errors.jar> <corpus-dir> [extra scan args, e.g. --kb=DIR]"""
import json, os, subprocess, sys, tempfile, collections

jar, corpus, extra = sys.argv[1], sys.argv[2], sys.argv[3:]
def scan(path):
    r = subprocess.run(["java", "-jar", jar, "scan", "--format", "jsonl", *extra, path], capture_output=True, text=True)
    return [json.loads(l) for l in r.stdout.splitlines() if l.startswith("{")]

print("== benign false positives")
fp = 0
for f in sorted(os.listdir(os.path.join(corpus, "benign"))):
    p = os.path.join(corpus, "benign", f); lines = open(p, encoding="utf-8").read().splitlines()
    for d in scan(p):
        fp += 1; print(f"{f}:{d['line']}: {d['id']}: {lines[d['line'] - 1][:220]}")
print(f"{fp} false positives")

print("== errors.jsonl")
evs = [json.loads(l) for l in open(os.path.join(corpus, "errors.jsonl"), encoding="utf-8")]
owner = {}; buf = []
for i, e in enumerate(evs):
    # a plain line before each event ends the scanner's previous event; if the event starts with an exception
    # line the scanner may take it as a continuation of this separator, so the separator belongs to the event
    buf.append(f"corpus-check separator {i + 1}"); owner[len(buf)] = i
    for l in e["text"].split("\n"):
        buf.append(l); owner[len(buf)] = i
with tempfile.NamedTemporaryFile("w", suffix=".log", delete=False, encoding="utf-8") as t:
    t.write("\n".join(buf) + "\n"); tmp = t.name
got = collections.defaultdict(set)
for d in scan(tmp):
    i = owner.get(d["line"])
    if i is not None: got[i].add(d["id"])
os.unlink(tmp)
ok = wrong = missed = nulls_clean = nulls_diag = 0
for i, e in enumerate(evs):
    exp, ids = e["expected"], got.get(i, set())
    if exp is None:
        if ids: nulls_diag += 1; print(f"NULL-BUT-DIAGNOSED #{i+1} {sorted(ids)} :: {e['source'][:100]}")
        else: nulls_clean += 1
    elif exp in ids:
        ok += 1
        if len(ids) > 1: print(f"OK+EXTRA #{i+1} expected {exp} also {sorted(ids - {exp})} :: {e['source'][:100]}")
    else:
        if ids: wrong += 1; print(f"WRONG #{i+1} expected {exp} got {sorted(ids)} :: {e['source'][:100]}")
        else: missed += 1; print(f"MISSED #{i+1} expected {exp} :: {e['source'][:100]}")
print(f"{len(evs)} events: {ok} expected id diagnosed, {missed} not diagnosed, {wrong} diagnosed as something else; "
      f"null-labelled: {nulls_clean} clean, {nulls_diag} diagnosed")
