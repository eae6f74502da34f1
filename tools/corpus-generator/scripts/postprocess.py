#!/usr/bin/env python3
"""Assembles corpus/errors.jsonl from the outputs of run-errors.sh.
Usage: postprocess.py <errors-run-dir> <out.jsonl>
Sources: raw.jsonl (written by corpus.errors.ErrorProvoker with Jackson), uncaught errors printed by child JVMs
(jvm-*.out), ERROR/FATAL lines of the PostgreSQL server log, and the Redis server log of the MISCONF instance.
Output written with python's json module, one object per line: {"source", "text", "expected"}."""
import json, os, re, subprocess, sys

d, out = sys.argv[1], sys.argv[2]
events = []
JDK = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
JDK = "OpenJDK " + re.search(r'"([^"]+)"', JDK).group(1)

# 1. in-process scenarios
for line in open(os.path.join(d, "raw.jsonl"), encoding="utf-8"):
    e = json.loads(line)
    if "marker:" in e["text"].split("\n")[-1] and "logged by" not in e["source"]:
        continue  # helper exception thrown only to end a scenario whose real events are the logged ones
    events.append(e)

# 2. child JVMs: the "Exception in thread" line (or a printed stack trace) and its "Caused by:" lines
JVM_RULES = [("GC overhead limit", "jvm/oom-gc-overhead-limit"), ("Java heap space", "jvm/oom-java-heap-space"),
             ("Metaspace", "jvm/oom-metaspace"), ("direct buffer memory", "jvm/oom-direct-buffer-memory"),
             ("unable to create native thread", "jvm/oom-unable-to-create-native-thread"),
             ("StackOverflowError", "jvm/stack-overflow-error"), ("Could not initialize class", "jvm/noclassdeffounderror-could-not-initialize"),
             ("NoClassDefFoundError", "jvm/noclassdeffounderror-missing-class"), ("UnsupportedClassVersionError", "jvm/unsupported-class-version"),
             ("Too many open files", "network/too-many-open-files"), ("NoSuchMethodError", "jvm/nosuchmethoderror-dependency-conflict")]
JVM_DESC = {"heap": "java -Xmx32m, allocating until the heap is full", "gc-overhead": "java -Xmx48m -XX:+UseParallelGC, filling a HashMap",
            "metaspace": "java -XX:MaxMetaspaceSize=24m, loading one class in ever new class loaders",
            "direct": "java -XX:MaxDirectMemorySize=8m, ByteBuffer.allocateDirect in a loop", "stack": "java -Xss512k, unbounded recursion",
            "initfail": "static initializer throws, class used twice", "ucv": "loading a class file whose major version was set to 65 (Java 21)",
            "noclassdef": "Jackson class referenced but jackson-databind not on the classpath",
            "fds-file": "ulimit -n 128, opening FileInputStreams", "fds-socket": "ulimit -n 128, opening client sockets",
            "fds-accept": "ulimit -n 128, ServerSocket.accept with the fd table full",
            "threads": "user nobody with ulimit -u 64, starting threads", "nsme": "app compiled against library 2.0, run with 1.0",
            "slf4j-none": "slf4j-api 2.0 without any provider", "slf4j-multi": "slf4j-api 2.0 with logback-classic and slf4j-simple"}
EXC = re.compile(r'^(Exception in thread "[^"]*" )?[a-zA-Z_$][\w$]*(\.[\w$]+)+(Exception|Error)(: |$)')
for f in sorted(os.listdir(d)):
    m = re.match(r"jvm-(.+)\.out$", f)
    if not m: continue
    mode = m.group(1); lines = open(os.path.join(d, f), encoding="utf-8", errors="replace").read().splitlines()
    src = f"{JDK} child JVM: {JVM_DESC.get(mode, mode)}"
    if mode.startswith("slf4j"):
        txt = "\n".join(l for l in lines if l.startswith("SLF4J"))
        if txt: events.append({"source": src, "text": txt, "expected": "logging/slf4j-no-providers" if mode == "slf4j-none" else "logging/slf4j-multiple-bindings"})
        continue
    i = 0
    while i < len(lines):
        if EXC.match(lines[i]):
            ev = [lines[i]]; j = i + 1
            while j < len(lines) and (lines[j].startswith("\t") or lines[j].startswith("Caused by: ") or lines[j].startswith("...")):
                if lines[j].startswith("Caused by: "): ev.append(lines[j][len("Caused by: "):])
                j += 1
            txt = "\n".join(ev)
            exp = next((k for s, k in JVM_RULES if s in txt), None)
            if ev[0].startswith("java.lang.ExceptionInInitializerError"): exp = None
            events.append({"source": src, "text": txt, "expected": exp}); i = j
        elif re.match(r"^\[[\d.]+s\]\[warning\]\[os,thread\]", lines[i]):
            ev = [lines[i]]; j = i + 1
            while j < len(lines) and re.match(r"^\[[\d.]+s\]\[warning\]\[os,thread\]", lines[j]): ev.append(lines[j]); j += 1
            events.append({"source": src + " (JVM unified-logging warning)", "text": "\n".join(ev), "expected": "jvm/oom-unable-to-create-native-thread"}); i = j
        else:
            i += 1

# 3. PostgreSQL server log (error phase): ERROR/FATAL lines plus a directly following DETAIL line
PG_RULES = [("too many clients", "database/postgres-too-many-clients"), ("password authentication failed", "database/postgres-password-auth-failed"),
            ("deadlock detected", "database/postgres-deadlock-detected"), (re.compile(r'relation "[^"]+" does not exist'), "database/postgres-relation-does-not-exist")]
PGV = "PostgreSQL 15 server log"
pl = open(os.path.join(d, "pg-errors.log"), encoding="utf-8", errors="replace").read().splitlines()
seen = set()
for i, l in enumerate(pl):
    m = re.match(r"^\S+ \S+ \S+ \[\d+\] (?:\S+ )?(ERROR|FATAL):  (.*)$", l)
    if not m: continue
    key = re.sub(r"\d+", "#", m.group(2))
    if key in seen: continue
    seen.add(key)
    txt = l
    if i + 1 < len(pl) and re.match(r"^\S+ \S+ \S+ \[\d+\] (?:\S+ )?DETAIL:", pl[i + 1]): txt += "\n" + pl[i + 1]
    exp = next((k for s, k in PG_RULES if (s.search(txt) if hasattr(s, "search") else s in txt)), None)
    events.append({"source": f"{PGV} ({m.group(1)} line)", "text": txt, "expected": exp})

# 4. Redis server log of the instance whose dump directory is not writable
rl = os.path.join(d, "redis", "rolog", "misconf.log")
if os.path.exists(rl):
    for l in open(rl, encoding="utf-8", errors="replace"):
        l = l.rstrip("\n")
        if " # " in l and ("Failed opening" in l or "Background saving error" in l):
            events.append({"source": "Redis 7.0.15 server log, BGSAVE into a directory the redis user cannot write", "text": l, "expected": None})

# 5. label overrides: (substring of source, substring of text or None, expected). Later rules win.
#    Ids beyond /tmp/kbcheck/existing-ids.txt are entries of kb-core/src/main/kb at generation time.
OVERRIDES = [
    ("server accepts and never answers (timeout 2 s)", None, "database/redis-client-unable-to-connect"),
    ("non-numeric string into long", None, "serialization/jackson-mismatched-input"),
    ("string where a number is expected", None, "serialization/jackson-mismatched-input"),
    ("Jackson", "No content to map due to end-of-input", "serialization/jackson-no-content-end-of-input"),
    ("truncated JSON", None, "serialization/jackson-unexpected-end-of-input"),
    ("port already in use", "cancelling refresh attempt: org.springframework.context.ApplicationContextException: Failed to start bean 'webServerStartStop'", None),
    ("remaining connection slots", None, None),
    ("PostgreSQL 15 server log", "remaining connection slots are reserved", "database/postgres-too-many-clients"),
    ("on a string key", None, "database/redis-wrongtype"),
    ("duplicate primary key", None, "database/postgres-duplicate-key"),
    ("PostgreSQL 15 server log", "duplicate key value violates unique constraint", "database/postgres-duplicate-key"),
    ("database that does not exist", None, "database/postgres-database-does-not-exist"),
    ("PostgreSQL 15 server log", "does not exist", None),
    ("PostgreSQL 15 server log", 'FATAL:  database "', "database/postgres-database-does-not-exist"),
    ("PostgreSQL 15 server log", "relation \"", "database/postgres-relation-does-not-exist"),
    ("statement_timeout", None, "database/postgres-statement-timeout"),
    ("PostgreSQL 15 server log", "canceling statement due to statement timeout", "database/postgres-statement-timeout"),
    ("JdbcTemplate query timeout", None, "database/postgres-cancel-user-request"),
    ("PostgreSQL 15 server log", "canceling statement due to user request", "database/postgres-cancel-user-request"),
    ("SERIALIZABLE", None, "database/postgres-serialization-failure"),
    ("PostgreSQL 15 server log", "could not serialize access", "database/postgres-serialization-failure"),
    ("non-empty schema", None, "database/flyway-non-empty-schema-no-history"),
    ("join fetch of two List", None, "orm/multiple-bag-fetch"),
    ("detached entity", None, "orm/detached-entity-passed-to-persist"),
    ("@Value placeholder", None, "spring/could-not-resolve-placeholder"),
    ("@ConfigurationProperties value of the wrong type", None, "spring/failed-to-bind-properties"),
    ("TLSv1.2-only client to a TLSv1.3-only server", None, "tls/protocol-version-alert"),
    ("accepting only TLSv1.3", None, "tls/protocol-version-alert"),
    ("Reactor Netty GET, server never answers", None, "netty/read-timeout-exception"),
    ("does not exist", "UNKNOWN_TOPIC_OR_PARTITION", "messaging/kafka-unknown-topic-or-partition"),
    ("no broker listening", "could not be established", "messaging/kafka-broker-not-available"),
    ("no broker listening", "Bootstrap broker", "messaging/kafka-bootstrap-broker-disconnected"),
    ("static initializer throws", "java.lang.ExceptionInInitializerError\n", "jvm/exception-in-initializer-error"),
]
for e in events:
    for src, txt, exp in OVERRIDES:
        if src in e["source"] and (txt is None or txt in e["text"]):
            e["expected"] = exp
# drop exact duplicates (same text), keep the first
uniq, seen_t = [], set()
for e in events:
    if e["text"] in seen_t: continue
    seen_t.add(e["text"]); uniq.append(e)
events = uniq
known = set()
for f in ["/tmp/kbcheck/existing-ids.txt"]:
    if os.path.exists(f): known |= {l.strip() for l in open(f) if l.strip()}
kbdir = os.path.join(os.path.dirname(os.path.abspath(out)), "..", "..", "..", "main", "kb")
if os.path.isdir(kbdir):
    for root, _, files in os.walk(kbdir):
        known |= {os.path.relpath(os.path.join(root, f), kbdir)[:-5] for f in files if f.endswith(".json")}
for e in events:
    if known and e["expected"] and e["expected"] not in known: print("WARNING: unknown KB id", e["expected"], "for", e["source"])

with open(out, "w", encoding="utf-8") as o:
    for e in events:
        o.write(json.dumps({"source": e["source"], "text": e["text"], "expected": e["expected"]}, ensure_ascii=False) + "\n")
print(f"{len(events)} events -> {out}")
