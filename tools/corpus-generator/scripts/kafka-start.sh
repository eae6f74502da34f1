#!/bin/bash
# Usage: kafka-start.sh <stdout-log>   Single-node KRaft broker+controller on 127.0.0.1:$KAFKA_PORT, auto.create.topics.enable=false
set -e; source "$(dirname "$0")/env.sh"
LOG=$1
CP=$(cp_broker)
if [ ! -d "$RUN/kafka-data" ]; then
  cat > "$RUN/kafka.properties" <<P
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CTRL_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CTRL_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$RUN/kafka-data
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
auto.create.topics.enable=false
group.initial.rebalance.delay.ms=0
P
  CID=$(java -cp "$CP" kafka.tools.StorageTool random-uuid 2>/dev/null)
  java -Dlog4j.configuration=file:$GEN_DIR/broker/log4j.properties -cp "$CP" kafka.tools.StorageTool format -t "$CID" -c "$RUN/kafka.properties" > "$RUN/kafka-format.log" 2>&1
fi
nohup java -Xmx512m -Dlog4j.configuration=file:$GEN_DIR/broker/log4j.properties -cp "$CP" kafka.Kafka "$RUN/kafka.properties" > "$LOG" 2>&1 &
echo $! > "$RUN/kafka.pid"
for i in $(seq 1 60); do grep -q "Kafka Server started" "$LOG" && exit 0; sleep 1; done
echo "kafka did not start" >&2; exit 1
