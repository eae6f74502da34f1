#!/bin/bash
# Produces corpus/benign/*.log. Needs: target/classes + target/classpath.txt (mvn package) and broker/target/classpath.txt.
set -e; source "$(dirname "$0")/env.sh"; S=$(dirname "$0")
CP=$(cp_main)
# --- fresh state
rm -rf "$RUN/pgdata" "$RUN/kafka-data" "$RUN/redis-m" "$RUN/redis-r" "$RUN"/redis-*.log "$RUN"/*.raw "$RUN"/pg-benign.log "$RUN"/kafka-broker-benign.log
rm -f "$OUT"/benign/*.log
# --- servers
"$S/pg-start.sh" "$RUN/pg-benign.log"; "$S/pg-setup-db.sh"
"$S/redis-benign.sh"
"$S/kafka-start.sh" "$RUN/kafka-broker-benign.log"
# --- PostgreSQL load besides the app: pgbench
PGPASSWORD=app pgbench -q -h 127.0.0.1 -p $PGPORT -U app -i -s 2 bench > "$RUN/pgbench.out" 2>&1
# --- Spring Boot web/JPA/Hikari/Flyway/actuator/Redis app, ~40 s of traffic
java -cp "$CP" corpus.jpa.JpaApp --spring.config.name=jpa > "$RUN/spring-boot-jpa.raw" 2>&1 &
APP=$!
for i in $(seq 1 60); do curl -s -o /dev/null http://127.0.0.1:58080/actuator/health && break; sleep 1; done
( PGPASSWORD=app pgbench -h 127.0.0.1 -p $PGPORT -U app -c 2 -T 35 -R 20 bench > "$RUN/pgbench-run.out" 2>&1 ) &
END=$((SECONDS+40)); n=0
while [ $SECONDS -lt $END ]; do
  n=$((n+1))
  curl -s -o /dev/null -X POST "http://127.0.0.1:58080/api/authors?name=author-$n"
  curl -s -o /dev/null http://127.0.0.1:58080/api/authors
  curl -s -o /dev/null http://127.0.0.1:58080/api/authors/$((n % 5 + 1))
  [ $((n % 5)) = 0 ] && curl -s -o /dev/null http://127.0.0.1:58080/actuator/health
  [ $((n % 9)) = 0 ] && curl -s -o /dev/null http://127.0.0.1:58080/actuator/metrics/hikaricp.connections.active
  sleep 1.5
done
curl -s -o /dev/null -X POST http://127.0.0.1:58080/actuator/shutdown; wait $APP || true
wait
# --- Liquibase/H2 app
java -cp "$CP" corpus.lb.LiquibaseApp --spring.config.name=liquibase > "$RUN/spring-boot-liquibase-h2.raw" 2>&1
# --- WebFlux / Reactor Netty app
java -Dcorpus.requests=40 -cp "$CP" corpus.reactive.ReactiveApp --spring.config.name=reactive > "$RUN/reactor-netty.raw" 2>&1
# --- Kafka clients
java -cp "$CP" corpus.kafkaclient.KafkaClientApp --spring.config.name=kafka > "$RUN/kafka-client.raw" 2>&1
# --- Redis: a few manual operations
redis-cli -p $REDIS_PORT BGSAVE >/dev/null; sleep 1; redis-cli -p $REDIS_REPLICA_PORT BGREWRITEAOF >/dev/null; sleep 6
redis-cli -p $REDIS_REPLICA_PORT SHUTDOWN >/dev/null || true; sleep 1
redis-cli -p $REDIS_PORT SHUTDOWN >/dev/null || true
# --- stop servers
"$S/kafka-stop.sh"; "$S/pg-stop.sh"; sleep 1
# --- collect
for f in spring-boot-jpa spring-boot-liquibase-h2 reactor-netty kafka-client; do strip_ansi < "$RUN/$f.raw" > "$OUT/benign/$f.log"; done
strip_ansi < "$RUN/kafka-broker-benign.log" > "$OUT/benign/kafka-broker.log"
cp "$RUN/pg-benign.log" "$OUT/benign/postgresql-server.log"
cat "$RUN/redis-master.log" > "$OUT/benign/redis-server.log"
cat "$RUN/redis-replica.log" > "$OUT/benign/redis-server-replica.log"
wc -l "$OUT"/benign/*.log
