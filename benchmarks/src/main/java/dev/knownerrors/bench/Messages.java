package dev.knownerrors.bench;

/** Realistic log messages: benign lines of about 200 characters, and known errors. */
final class Messages {

    static final String REDIS = "Redis server log: 1:M 24 Nov 2026 03:15:02.117 # Can't save in background: fork: Cannot allocate memory";

    /** Benign messages of about 200 characters (as applications log them). */
    static final String[] BENIGN = {
        "Started OrdersApplication in 4.318 seconds (process running for 4.9); 14 endpoints exposed beneath base path '/actuator'; HikariPool-1 - Start completed; Tomcat started on port 8080 (http) with context path",
        "GET /api/orders/8812 200 OK in 12 ms; user=4411 cache=hit region=eu-west-1 connection pool stats active=3 idle=7 waiting=0; upstream latency p99=41ms; retries=0; payload 1.2 kB; trace=7f3a9c2e11b04d6e",
        "[Consumer clientId=orders-consumer-1, groupId=orders] Setting offset for partition orders-events-3 to the committed offset FetchPosition{offset=481223, offsetEpoch=Optional[7], currentLeader=LeaderAndEpoch}",
        "HikariPool-1 - Pool stats (total=10, active=2, idle=8, waiting=0); housekeeper run took 3 ms; connection validation succeeded for org.postgresql.jdbc.PgConnection@3c9d0b9d after 30000 ms idle time...",
        "Reconciled 412 orders in 1.8 s: 409 unchanged, 3 updated (ids 8812, 8813, 8816); next run scheduled at 2026-11-24T04:20:00Z; batch size 500, parallelism 4, queue depth 0, lag 0 ms, backlog empty now",
        "Completed initialization in 2 ms; DispatcherServlet 'dispatcherServlet' mapped to [/]; 37 request mappings registered; Jackson ObjectMapper configured with JavaTimeModule and ParameterNamesModule, ok",
        "Redis health check OK: PING replied PONG in 0.4 ms; used_memory=1.21G maxmemory=4.00G policy=allkeys-lru; connected_clients=18; rdb_last_bgsave_status=ok; aof_enabled=0; role=master; keyspace db0",
        "Flyway Community Edition 10.15.0 by Redgate; Database: jdbc:postgresql://db.internal:5432/orders (PostgreSQL 16.4); Successfully validated 42 migrations (execution time 00:00.081s); schema up to date",
        "Tomcat initialized with port 8080 (http); Starting service [Tomcat]; Starting Servlet engine: [Apache Tomcat/10.1.28]; Initializing Spring embedded WebApplicationContext; Root WebApplicationContext ready",
        "[Producer clientId=orders-producer-1] Instantiated an idempotent producer. Kafka version: 3.7.1, commitId: 55f3e7ff2c4b4b53, startTimeMs: 1795554644965; acks=all, linger.ms=5, batch.size=16384 bytes",
        "Bootstrapping Spring Data JPA repositories in DEFAULT mode. Finished Spring Data repository scanning in 87 ms. Found 6 JPA repository interfaces. HHH000412: Hibernate ORM core version 6.5.2.Final ok",
        "User 4411 signed in from 10.20.30.40 using OIDC provider 'corp-sso'; session 9f0c1d2e expires at 2026-11-24T12:15:02Z; roles [ORDERS_READ, ORDERS_WRITE]; MFA satisfied; locale en-GB; theme light",
        "Scheduled job 'invoice-sweeper' completed: scanned 1,204 invoices, 17 reminders queued, 0 escalations; duration 842 ms; next fire time 2026-11-24T05:00:00Z; shedlock held by orders-7c9f-2 released",
        "PUT /api/carts/5521/items 204 No Content in 8 ms; items=3 total=129.90 EUR; promo=none; inventory reserved for sku 311-204, 118-772, 900-011; idempotency-key 3a1f0c77 accepted; client app 4.12.0",
        "Metrics published to registry: jvm.memory.used=412MB jvm.threads.live=61 process.cpu.usage=0.07 http.server.requests.count=18231 hikaricp.connections.active=2 kafka.consumer.lag=0 up=1",
        "Received OrderShipped for order 8801 from topic orders-events partition 3 offset 481231; carrier DHL tracking JJD0099912345; status updated from PACKED to SHIPPED; notification email queued",
    };

    /** Where the project's real benign logs are, from the repository's root (where {@code benchmarks/run} runs). */
    static final java.nio.file.Path CORPUS = java.nio.file.Path.of(
            System.getProperty("knownerrors.corpus", "kb-core/src/test/resources/corpus/benign"));

    /**
     * The real benign logs that the precision guard's sample was not taken from (Liquibase/H2,
     * Reactor Netty, Kafka client, Redis replica: the held-out files of the precision figures).
     */
    static final String[] HELD_OUT = {
        "spring-boot-liquibase-h2.log", "reactor-netty.log", "kafka-client.log", "redis-server-replica.log"};

    private static final java.util.regex.Pattern SPRING_PREFIX = java.util.regex.Pattern.compile(
            "^\\S+\\s+[A-Z]+ \\d+ --- \\[[^\\]]*\\] \\[[^\\]]*\\] \\S+\\s+: ");
    private static final java.util.regex.Pattern REDIS_PREFIX = java.util.regex.Pattern.compile(
            "^\\d+:[A-Z] \\d{2} \\w{3} \\d{4} [\\d:.]+ [*#.-] ");

    /**
     * The messages of the held-out logs (each line without its layout's prefix: what an appender
     * scans), in order, joined by a space into texts of exactly 200 characters; empty when the
     * logs are not there.
     */
    static String[] heldOut200() {
        java.util.List<String> out = new java.util.ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (String name : HELD_OUT) {
            java.nio.file.Path file = CORPUS.resolve(name);
            if (!java.nio.file.Files.isRegularFile(file)) {
                return new String[0];
            }
            try {
                for (String line : java.nio.file.Files.readAllLines(file)) {
                    String message = REDIS_PREFIX.matcher(SPRING_PREFIX.matcher(line).replaceFirst("")).replaceFirst("").strip();
                    if (message.isEmpty()) {
                        continue;
                    }
                    text.append(text.length() == 0 ? "" : " ").append(message);
                    while (text.length() >= 200) {
                        out.add(text.substring(0, 200));
                        text.delete(0, 200);
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return out.toArray(new String[0]);
    }

    private Messages() {
    }

    /** The benign messages cut or padded to exactly 200 characters. */
    static String[] benign200() {
        String[] out = new String[BENIGN.length];
        for (int i = 0; i < out.length; i++) {
            String s = BENIGN[i];
            out[i] = s.length() >= 200 ? s.substring(0, 200) : s + " ".repeat(200 - s.length());
        }
        return out;
    }
}
