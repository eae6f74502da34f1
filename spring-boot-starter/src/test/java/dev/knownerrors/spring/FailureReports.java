package dev.knownerrors.spring;

/** Golden text of Spring Boot's failure report for the test applications, the same on both backends. */
public final class FailureReports {

    public static final String BANNER = "***************************\nAPPLICATION FAILED TO START\n***************************\n\n";

    /** The report as the README shows it (golden: the rendered text is the product). */
    public static final String CONNECTION_REFUSED = BANNER + """
            Description:

            A known error stopped the application: network/connection-refused (java.net.ConnectException, in: \
            Error creating bean with name 'inventoryClient': Invocation of init method failed).

            The target host answered, but nothing is listening on that port, so the TCP connection was actively \
            rejected. The service is down, still starting, listening on another port or only on 127.0.0.1, or you \
            are connecting to the wrong host (inside a container 'localhost' is the container itself).

            Action:

            Verify something listens on the exact host:port from the client's network namespace: \
            nc -vz <host> <port> (and on the server: ss -ltnp | grep <port>) (works in 90 % of cases)
            If the server listens on 127.0.0.1 only, bind it to 0.0.0.0 (e.g. server.address / --bind 0.0.0.0); \
            in Docker use the service name instead of localhost.

            Not worth trying: Increase connect or read timeouts \u2014 A refusal is immediate; there is nothing to \
            wait for, so timeouts do not matter. (fails in 95 % of cases)

            Documentation: https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/net/ConnectException.html
            """;

    private FailureReports() {
    }
}
