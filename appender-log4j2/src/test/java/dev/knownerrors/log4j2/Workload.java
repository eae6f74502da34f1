package dev.knownerrors.log4j2;

import org.apache.logging.log4j.Logger;

import java.net.ConnectException;

/**
 * The stress tests' mix of events: per worker, of every 40 consecutive events one is a Redis
 * fork failure (ERROR), one an ERROR with a {@code ConnectException: Connection refused}, ten are
 * benign WARNs (scanned, not matched) and the rest benign INFOs (below the level gate).
 */
final class Workload {

    static final String REDIS_ID = "database/redis-bgsave-fork-error";
    static final String REFUSED_ID = "network/connection-refused";

    private Workload() {
    }

    static String expectedId(int seq) {
        return switch (seq % 40) {
            case 0 -> REDIS_ID;
            case 1 -> REFUSED_ID;
            default -> null;
        };
    }

    static void log(Logger logger, int worker, int seq, ConnectException refused) {
        switch (seq % 40) {
            case 0 -> logger.error("w{} #{} Redis reported: Can't save in background: fork: Cannot allocate memory", worker, seq);
            case 1 -> logger.error("w{} #{} Could not reach the inventory service", worker, seq, refused);
            case 2, 5, 8, 11, 14, 17, 20, 23, 26, 29 ->
                    logger.warn("w{} #{} Slow response from backend: {} ms (connection pool 8/10)", worker, seq, 1200);
            default -> logger.info("w{} #{} Completed GET /api/orders/{} in {} ms", worker, seq, seq, 12);
        }
    }
}
