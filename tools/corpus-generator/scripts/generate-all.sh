#!/bin/bash
# Builds the generator and regenerates corpus/benign/*.log and corpus/errors.jsonl.
# Requirements (Debian 12, root): openjdk-17, maven, postgresql-15 (+contrib for pgbench), redis-server 7, curl, python3.
# Stops every server it starts. Do not run `mvn` on this project while it runs (the apps load classes from target/classes).
set -e; S=$(cd "$(dirname "$0")" && pwd); G=$(dirname "$S")
mvn -q -B -f "$G/pom.xml" package
mvn -q -B -f "$G/broker/pom.xml" package
"$S/run-benign.sh"
"$S/run-errors.sh"
