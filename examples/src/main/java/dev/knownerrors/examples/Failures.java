package dev.knownerrors.examples;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Common ways a service really fails, each producing the genuine exception (nothing is faked
 * except the Redis line, which a service would relay from its Redis client or server log).
 */
final class Failures {

    private Failures() {
    }

    /** What each scenario logs: a message and, where there is one, the real exception. */
    record Failure(String message, Throwable error) {
    }

    static Map<String, Failure> all() {
        Map<String, Failure> all = new LinkedHashMap<>();
        all.put("connection refused", new Failure("Could not reach the inventory service", connectToClosedPort()));
        all.put("address in use", new Failure("HTTP server could not start", bindTwice()));
        all.put("unknown host", new Failure("Payment gateway lookup failed", resolveUnknownHost()));
        all.put("json parse error", new Failure("Rejected a malformed order payload", parseBadJson()));
        all.put("redis fork", new Failure("Redis reported: Can't save in background: fork: Cannot allocate memory", null));
        return all;
    }

    static Throwable connectToClosedPort() {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            return new IllegalStateException("connected to a closed port?");
        } catch (IOException e) {
            return e;
        }
    }

    static Throwable bindTwice() {
        try (ServerSocket first = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ServerSocket second = new ServerSocket()) {
            second.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), first.getLocalPort()));
            return new IllegalStateException("bound the same port twice?");
        } catch (IOException e) {
            return e;
        }
    }

    static Throwable resolveUnknownHost() {
        try {
            InetAddress.getByName("payments.no-such-host.invalid");
            return new IllegalStateException("resolved an .invalid name?");
        } catch (IOException e) {
            return e;
        }
    }

    static Throwable parseBadJson() {
        try (JsonParser p = new JsonFactory().createParser("{'sku': 42}")) {
            while (p.nextToken() != null) {
                p.currentName();
            }
            return new IllegalStateException("parsed invalid JSON?");
        } catch (IOException e) {
            return e;
        }
    }
}
