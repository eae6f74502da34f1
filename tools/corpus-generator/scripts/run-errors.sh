#!/bin/bash
# Provokes real errors on 127.0.0.1 and writes corpus/errors.jsonl (via postprocess.py).
# Run after run-benign.sh (reuses its PostgreSQL cluster). Needs target/ built (mvn package).
set -e; source "$(dirname "$0")/env.sh"; S=$(cd "$(dirname "$0")" && pwd)
CP=$(cp_main)
E=$RUN/errors; rm -rf "$E"; mkdir -p "$E"
# --- TLS material (keytool, JDK 17)
T=$E/tls; mkdir -p $T
kt() { keytool -genkeypair -keyalg RSA -keysize 2048 -storetype PKCS12 -storepass changeit -keypass changeit "$@" >/dev/null 2>&1; }
kt -alias server -keystore $T/selfsigned.p12 -dname CN=localhost -ext SAN=dns:localhost,ip:127.0.0.1 -validity 365
kt -alias server -keystore $T/wronghost.p12 -dname CN=wrong.example -ext SAN=dns:wrong.example -validity 365
# expired leaf signed by a (valid, trusted) CA: trust anchors themselves are not date-checked by PKIX
kt -alias ca -keystore $T/ca.p12 -dname "CN=Corpus Test CA" -ext bc:c -validity 3650
keytool -exportcert -rfc -alias ca -keystore $T/ca.p12 -storepass changeit -file $T/ca.crt >/dev/null 2>&1
kt -alias server -keystore $T/expired.p12 -dname CN=localhost
keytool -certreq -alias server -keystore $T/expired.p12 -storepass changeit -file $T/expired.csr >/dev/null 2>&1
keytool -gencert -rfc -alias ca -keystore $T/ca.p12 -storepass changeit -infile $T/expired.csr -outfile $T/expired-signed.crt \
  -ext SAN=dns:localhost,ip:127.0.0.1 -startdate -400d -validity 30 >/dev/null 2>&1
cat $T/ca.crt $T/expired-signed.crt > $T/expired-chain.crt
keytool -importcert -noprompt -alias server -file $T/expired-chain.crt -keystore $T/expired.p12 -storepass changeit >/dev/null 2>&1
keytool -importcert -noprompt -alias ca -file $T/ca.crt -keystore $T/trust-ca.p12 -storetype PKCS12 -storepass changeit >/dev/null 2>&1
for n in selfsigned wronghost; do
  keytool -exportcert -alias server -keystore $T/$n.p12 -storepass changeit -file $T/$n.crt >/dev/null 2>&1
  keytool -importcert -noprompt -alias server -file $T/$n.crt -keystore $T/trust-$n.p12 -storetype PKCS12 -storepass changeit >/dev/null 2>&1
done
# --- Redis servers for errors
R=$E/redis; mkdir -p $R/plain $R/oom $R/auth $R/replica $R/ro $R/rolog; chown redis $R/rolog; chmod 755 $R/ro
redis-server --port 56391 --bind 127.0.0.1 --dir $R/plain --logfile $R/plain.log --daemonize yes --save ""
redis-server --port 56392 --bind 127.0.0.1 --dir $R/oom --logfile $R/oom.log --daemonize yes --save "" --maxmemory 1mb --maxmemory-policy noeviction
redis-server --port 56393 --bind 127.0.0.1 --dir $R/auth --logfile $R/auth.log --daemonize yes --save "" --requirepass s3cret
redis-server --port 56394 --bind 127.0.0.1 --dir $R/replica --logfile $R/replica.log --daemonize yes --save "" --replicaof 127.0.0.1 56391
runuser -u redis -- redis-server --port 56395 --bind 127.0.0.1 --dir $R/ro --logfile $R/rolog/misconf.log --daemonize yes --pidfile $R/rolog/pid
# --- PostgreSQL with max_connections=8, Kafka broker
"$S/pg-start.sh" "$E/pg-errors.log" max_connections=8 superuser_reserved_connections=1
"$S/pg-setup-db.sh"
rm -rf "$RUN/kafka-data"   # fresh KRaft storage: topics of earlier runs must not exist
"$S/kafka-start.sh" "$E/kafka-broker-errors.log"
sleep 2
# --- in-process scenarios
J="java -Dlogback.configurationFile=$GEN_DIR/src/main/resources/logback-errors.xml -Dorg.springframework.boot.logging.LoggingSystem=none -Dcorpus.out=$E/raw.jsonl -Dcorpus.tls=$T"
$J -cp "$CP" corpus.errors.ErrorProvoker net tls redis pg hibernate jackson spring kafka > $E/provoker.out 2>&1 || true
NOH2=$(echo "$CP" | tr ':' '\n' | grep -v '/com/h2database/' | paste -sd:)
$J -cp "$NOH2" corpus.errors.ErrorProvoker datasource-child > $E/provoker-ds.out 2>&1 || true
# --- child JVMs (uncaught errors on stderr)
JV="timeout -k 5 120 java -cp $CP"
$JV -Xmx32m corpus.errors.Jvm heap > $E/jvm-heap.out 2>&1 || true
$JV -Xmx48m -XX:+UseParallelGC corpus.errors.Jvm gc-overhead > $E/jvm-gc-overhead.out 2>&1 || true
$JV -XX:MaxMetaspaceSize=24m corpus.errors.Jvm metaspace > $E/jvm-metaspace.out 2>&1 || true
$JV -XX:MaxDirectMemorySize=8m corpus.errors.Jvm direct > $E/jvm-direct.out 2>&1 || true
$JV -Xss512k corpus.errors.Jvm stack > $E/jvm-stack.out 2>&1 || true
$JV corpus.errors.Jvm initfail > $E/jvm-initfail.out 2>&1 || true
$JV corpus.errors.Jvm ucv > $E/jvm-ucv.out 2>&1 || true
timeout 60 java -cp $GEN_DIR/target/classes corpus.errors.Jvm noclassdef > $E/jvm-noclassdef.out 2>&1 || true
for m in fds-file fds-socket fds-accept; do bash -c "ulimit -n 128; exec $JV corpus.errors.Jvm $m" > $E/jvm-$m.out 2>&1 || true; done
mkdir -p $E/nobody; cp -r $GEN_DIR/target/classes $E/nobody/; chmod -R a+rX $E
runuser -u nobody -- bash -c "ulimit -u 64; exec timeout -k 5 60 java -Xmx64m -cp $E/nobody/classes corpus.errors.Jvm threads" > $E/jvm-threads.out 2>&1 || true
M2=$HOME/.m2/repository
SLF=$(echo "$CP" | tr ':' '\n' | grep -E '/slf4j-api-' )
LB=$(echo "$CP" | tr ':' '\n' | grep -E '/logback-(classic|core)-' | paste -sd:)
[ -f $M2/org/slf4j/slf4j-simple/2.0.16/slf4j-simple-2.0.16.jar ] || mvn -q dependency:get -Dartifact=org.slf4j:slf4j-simple:2.0.16 >/dev/null
java -cp $GEN_DIR/target/classes:$SLF corpus.errors.Jvm slf4j > $E/jvm-slf4j-none.out 2>&1 || true
java -cp $GEN_DIR/target/classes:$SLF:$LB:$M2/org/slf4j/slf4j-simple/2.0.16/slf4j-simple-2.0.16.jar corpus.errors.Jvm slf4j > $E/jvm-slf4j-multi.out 2>&1 || true
N=$E/nsme; mkdir -p $N/v1 $N/v2 $N/app
javac -d $N/v1 $S/fixtures/nsme/v1/PriceClient.java; javac -d $N/v2 $S/fixtures/nsme/v2/PriceClient.java
javac -cp $N/v2 -d $N/app $S/fixtures/nsme/App.java
java -cp $N/app:$N/v1 com.example.shop.App > $E/jvm-nsme.out 2>&1 || true
# --- stop servers
for p in 56391 56392 56393 56394 56395; do redis-cli -p $p -a s3cret --no-auth-warning shutdown nosave >/dev/null 2>&1 || redis-cli -p $p shutdown nosave >/dev/null 2>&1 || true; done
"$S/kafka-stop.sh"; "$S/pg-stop.sh"
# --- assemble errors.jsonl
python3 "$S/postprocess.py" "$E" "$OUT/errors.jsonl"
