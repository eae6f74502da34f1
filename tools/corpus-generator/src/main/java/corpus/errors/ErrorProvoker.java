package corpus.errors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.lettuce.core.RedisClient;
import io.netty.channel.ChannelOption;
import java.io.*;
import java.net.*;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.security.KeyStore;
import java.sql.*;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;
import javax.net.ssl.*;
import org.apache.kafka.clients.admin.*;
import org.apache.kafka.clients.consumer.*;
import org.apache.kafka.clients.producer.*;
import org.apache.kafka.common.serialization.*;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import redis.clients.jedis.Jedis;

/**
 * Provokes real error events against local servers (127.0.0.1 only) and appends them as JSON lines
 * {source, text, expected} to -Dcorpus.out. text = the message line, then one "Class: message" line per
 * exception in the cause chain. Library-logged WARN/ERROR events during a scenario are recorded too.
 * Usage: java -Dlogback.configurationFile=logback-errors.xml -Dorg.springframework.boot.logging.LoggingSystem=none
 *        -Dcorpus.out=FILE -Dcorpus.tls=DIR corpus.errors.ErrorProvoker [group...]
 */
public class ErrorProvoker {
  static final Logger log = LoggerFactory.getLogger("app");
  static final ObjectMapper JSON = new ObjectMapper();
  static Path OUT;
  static final int CLOSED = 59999, SILENT = 59998, FULL = 59997;
  static final String PG = "jdbc:postgresql://127.0.0.1:55432/app";
  static final String KAFKA = "127.0.0.1:59092";
  static final String PGJDBC = "pgjdbc " + org.postgresql.util.DriverInfo.DRIVER_VERSION;
  static final String JEDIS = "Jedis 5.0.2", LETTUCE = "Lettuce " + io.lettuce.core.RedisClient.class.getPackage().getImplementationVersion();
  static final String SB = "Spring Boot 3.3.5";
  static final String JDK = "JDK " + System.getProperty("java.version");

  public interface Body { void run() throws Throwable; }

  static synchronized void emit(String source, String text, String expected) {
    try {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("source", source); m.put("text", text); m.put("expected", expected);
      Files.writeString(OUT, JSON.writeValueAsString(m) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) { throw new UncheckedIOException(e); }
  }
  static String chain(Throwable t) {
    StringBuilder sb = new StringBuilder(); Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (; t != null && seen.add(t); t = t.getCause()) sb.append('\n').append(t);
    return sb.toString();
  }
  /** loggedLabels: pairs of (substring of a logged event's text, expected id or "null"). */
  static void scenario(String source, String expected, String message, Body body, String... loggedLabels) {
    CaptureAppender.drain();
    log.info("=== scenario: {}", source);
    try { body.run(); log.warn("NO EXCEPTION for {}", source); }
    catch (Throwable t) { log.error(message, t); emit(source, message + chain(t), expected); }
    try { Thread.sleep(300); } catch (InterruptedException e) { }  // let asynchronous loggers finish
    Set<String> seen = new HashSet<>(); int n = 0;
    for (CaptureAppender.Logged l : CaptureAppender.drain()) {
      String key = l.text().replaceAll("[0-9a-f]*\\d[0-9a-f]*", "#");
      if (!seen.add(key) || n >= 3) continue;
      String exp = null; boolean matched = false;
      for (int i = 0; i + 1 < loggedLabels.length; i += 2)
        if (loggedLabels[i].equals("*") || l.text().contains(loggedLabels[i])) { exp = "null".equals(loggedLabels[i + 1]) ? null : loggedLabels[i + 1]; break; }
      emit(source + " (logged by " + l.logger() + " at " + l.level() + ")", l.text(), exp); n++;
    }
  }

  public static void main(String[] args) throws Exception {
    OUT = Path.of(System.getProperty("corpus.out"));
    Set<String> groups = new LinkedHashSet<>(Arrays.asList(args));
    if (groups.isEmpty()) groups.addAll(List.of("net", "tls", "redis", "pg", "hibernate", "jackson", "spring", "kafka"));
    for (String g : groups) {
      try {
        switch (g) {
          case "net" -> Net.run(); case "tls" -> Tls.run(); case "redis" -> Redis.run(); case "pg" -> Pg.run();
          case "hibernate" -> Hib.run(); case "jackson" -> Jackson.run(); case "spring" -> Spring.run(); case "kafka" -> Kafka.run();
          case "datasource-child" -> Spring.datasourceMissing();
          default -> throw new IllegalArgumentException(g);
        }
      } catch (Throwable t) { log.error("group " + g + " aborted", t); }
    }
    System.exit(0);
  }

  // ------------------------------------------------------------------ helpers: fake servers
  /** Accepts connections and never answers. */
  static ServerSocket silentServer(int port) throws IOException {
    ServerSocket ss = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"));
    Thread t = new Thread(() -> { List<Socket> keep = new ArrayList<>(); try { while (true) keep.add(ss.accept()); } catch (IOException e) { } });
    t.setDaemon(true); t.start(); return ss;
  }
  /** Listens with backlog 1 and never accepts; the accept queue is filled so further SYNs are dropped -> connect timeout. */
  static ServerSocket fullBacklogServer(int port) throws IOException {
    ServerSocket ss = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"));
    for (int i = 0; i < 4; i++) { try { Socket s = new Socket(); s.connect(new InetSocketAddress("127.0.0.1", port), 300); } catch (IOException e) { } }
    return ss;
  }
  /** Accepts, then closes with SO_LINGER 0 (RST). */
  static ServerSocket resetServer(int port) throws IOException {
    ServerSocket ss = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"));
    Thread t = new Thread(() -> { try { while (true) { Socket s = ss.accept(); s.getInputStream().read(new byte[16]); s.setSoLinger(true, 0); s.close(); } } catch (IOException e) { } });
    t.setDaemon(true); t.start(); return ss;
  }
  static String httpGet(String url, int connectMs, int readMs) throws IOException {
    HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
    c.setConnectTimeout(connectMs); c.setReadTimeout(readMs);
    try (InputStream in = c.getInputStream()) { return new String(in.readAllBytes(), StandardCharsets.UTF_8); }
  }
  static RestTemplate rest(int connectMs, int readMs) {
    SimpleClientHttpRequestFactory f = new SimpleClientHttpRequestFactory(); f.setConnectTimeout(connectMs); f.setReadTimeout(readMs);
    return new RestTemplate(f);
  }
  static WebClient webClient(reactor.netty.http.client.HttpClient hc) { return WebClient.builder().clientConnector(new ReactorClientHttpConnector(hc)).build(); }
  static String javaHttp(HttpClient c, String url, Duration timeout) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)); if (timeout != null) b.timeout(timeout);
    return c.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
  }
  static HikariDataSource hikari(String url, String user, String pw, int max, long connTimeout) {
    HikariConfig c = new HikariConfig(); c.setJdbcUrl(url); c.setUsername(user); c.setPassword(pw); c.setMaximumPoolSize(max);
    c.setConnectionTimeout(connTimeout); c.setInitializationFailTimeout(1); return new HikariDataSource(c);
  }

  // ------------------------------------------------------------------ network
  static class Net {
    static void run() throws Exception {
      String closed = "http://127.0.0.1:" + CLOSED + "/api/orders";
      scenario(PGJDBC + " connecting to a closed port", "database/pgjdbc-connection-refused", "Could not connect to the database",
          () -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + CLOSED + "/app", "app", "app"));
      scenario("HikariCP 5.1.0 + " + PGJDBC + " pool start against a closed port", "database/pgjdbc-connection-refused", "Startup failed",
          () -> hikari("jdbc:postgresql://127.0.0.1:" + CLOSED + "/app", "app", "app", 2, 2000).close(),
          "Exception during pool initialization", "database/pgjdbc-connection-refused");
      scenario("MySQL Connector/J " + com.mysql.cj.Constants.CJ_VERSION + " connecting to a closed port", "database/mysql-communications-link-failure", "Could not connect to the database",
          () -> DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + CLOSED + "/app", "app", "app"));
      scenario(JEDIS + " PING to a closed port", "database/redis-client-unable-to-connect", "Cache lookup failed",
          () -> { try (Jedis j = new Jedis("127.0.0.1", CLOSED)) { j.ping(); } });
      scenario(LETTUCE + " connect to a closed port", "database/redis-client-unable-to-connect", "Cache lookup failed",
          () -> { RedisClient c = RedisClient.create("redis://127.0.0.1:" + CLOSED); try { c.connect().sync().ping(); } finally { c.shutdown(); } });
      scenario("Spring Data Redis (Lettuce) " + SB + " to a closed port", "database/redis-client-unable-to-connect", "Cache lookup failed",
          () -> { LettuceConnectionFactory f = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", CLOSED)); f.afterPropertiesSet(); f.start();
                  try { StringRedisTemplate t = new StringRedisTemplate(f); t.opsForValue().get("k"); } finally { f.destroy(); } });
      scenario(JDK + " HttpURLConnection GET to a closed port", "network/connection-refused", "Request to inventory service failed", () -> httpGet(closed, 2000, 2000));
      scenario(JDK + " java.net.http.HttpClient GET to a closed port", "network/connection-refused", "Request to inventory service failed",
          () -> javaHttp(HttpClient.newHttpClient(), closed, null));
      scenario("Spring RestTemplate (" + SB + ") GET to a closed port", "network/connection-refused", "Request to inventory service failed",
          () -> rest(2000, 2000).getForObject(closed, String.class));
      scenario("Spring WebClient on Reactor Netty GET to a closed port", "network/connection-refused", "Request to inventory service failed",
          () -> webClient(reactor.netty.http.client.HttpClient.create()).get().uri(closed).retrieve().bodyToMono(String.class).block());
      // unknown host
      String bad = "no-such-host.invalid";
      scenario(PGJDBC + " connecting to an unknown host", "network/unknown-host", "Could not connect to the database",
          () -> DriverManager.getConnection("jdbc:postgresql://" + bad + ":5432/app", "app", "app"));
      scenario(JDK + " HttpURLConnection GET to an unknown host", "network/unknown-host", "Request to inventory service failed", () -> httpGet("http://" + bad + "/x", 2000, 2000));
      scenario(JDK + " java.net.http.HttpClient GET to an unknown host", "network/unknown-host", "Request to inventory service failed",
          () -> javaHttp(HttpClient.newHttpClient(), "http://" + bad + "/x", null));
      scenario("Spring WebClient on Reactor Netty GET to an unknown host", "network/unknown-host", "Request to inventory service failed",
          () -> webClient(reactor.netty.http.client.HttpClient.create()).get().uri("http://" + bad + "/x").retrieve().bodyToMono(String.class).block());
      scenario(JEDIS + " PING to an unknown host", "network/unknown-host", "Cache lookup failed",
          () -> { try (Jedis j = new Jedis(bad, 6379)) { j.ping(); } });
      scenario("kafka-clients " + org.apache.kafka.common.utils.AppInfoParser.getVersion() + " producer with an unknown bootstrap host", "network/unknown-host", "Could not create Kafka producer",
          () -> { Properties p = new Properties(); p.put("bootstrap.servers", bad + ":9092"); p.put("key.serializer", StringSerializer.class.getName()); p.put("value.serializer", StringSerializer.class.getName()); new KafkaProducer<String, String>(p).close(); }, "Couldn't resolve server", "network/unknown-host");
      // read timeouts against a server that accepts and never answers
      try (ServerSocket s = silentServer(SILENT)) {
        String silent = "http://127.0.0.1:" + SILENT + "/api/orders";
        scenario(JDK + " HttpURLConnection GET, server accepts and never answers (readTimeout 1500 ms)", "network/read-timeout", "Request to inventory service failed", () -> httpGet(silent, 1500, 1500));
        scenario("Spring RestTemplate GET, server never answers (readTimeout 1500 ms)", "network/read-timeout", "Request to inventory service failed", () -> rest(1500, 1500).getForObject(silent, String.class));
        scenario(JDK + " java.net.http.HttpClient GET, server never answers (request timeout 1500 ms)", "network/read-timeout", "Request to inventory service failed",
            () -> javaHttp(HttpClient.newHttpClient(), silent, Duration.ofMillis(1500)));
        scenario("Spring WebClient on Reactor Netty GET, server never answers (responseTimeout 1500 ms)", "network/read-timeout", "Request to inventory service failed",
            () -> webClient(reactor.netty.http.client.HttpClient.create().responseTimeout(Duration.ofMillis(1500))).get().uri(silent).retrieve().bodyToMono(String.class).block(), "ReadTimeoutException", "network/read-timeout");
        scenario(PGJDBC + " connect, server accepts and never answers (socketTimeout=2)", "network/read-timeout", "Could not connect to the database",
            () -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + SILENT + "/app?socketTimeout=2&loginTimeout=10", "app", "app"));
        scenario(JEDIS + " PING, server accepts and never answers (soTimeout 1500 ms)", "network/read-timeout", "Cache lookup failed",
            () -> { try (Jedis j = new Jedis("127.0.0.1", SILENT, 1500)) { j.ping(); } });
        scenario(LETTUCE + " connect, server accepts and never answers (timeout 2 s)", null, "Cache lookup failed",
            () -> { RedisClient c = RedisClient.create("redis://127.0.0.1:" + SILENT + "?timeout=2s"); try { c.connect().sync().ping(); } finally { c.shutdown(); } });
        scenario("MySQL Connector/J connect, server accepts and never answers (socketTimeout=2000)", "database/mysql-communications-link-failure", "Could not connect to the database",
            () -> DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + SILENT + "/app?socketTimeout=2000&connectTimeout=2000", "app", "app"));
      }
      // connect timeouts: listener whose accept queue is full
      try (ServerSocket s = fullBacklogServer(FULL)) {
        String full = "http://127.0.0.1:" + FULL + "/api/orders";
        scenario(JDK + " HttpURLConnection GET, SYN not answered (connectTimeout 1500 ms)", "network/connect-timeout", "Request to inventory service failed", () -> httpGet(full, 1500, 1500));
        scenario(JDK + " java.net.http.HttpClient GET, SYN not answered (connectTimeout 1500 ms)", "network/connect-timeout", "Request to inventory service failed",
            () -> javaHttp(HttpClient.newBuilder().connectTimeout(Duration.ofMillis(1500)).build(), full, null));
        scenario("Spring WebClient on Reactor Netty GET, SYN not answered (CONNECT_TIMEOUT_MILLIS 1500)", "network/connect-timeout", "Request to inventory service failed",
            () -> webClient(reactor.netty.http.client.HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 1500)).get().uri(full).retrieve().bodyToMono(String.class).block());
        scenario(PGJDBC + " connect, SYN not answered (connectTimeout=2)", "network/connect-timeout", "Could not connect to the database",
            () -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + FULL + "/app?connectTimeout=2", "app", "app"));
      }
      // reset / broken pipe / bind
      try (ServerSocket s = resetServer(59996)) {
        scenario(JDK + " HttpURLConnection GET, server resets the connection (SO_LINGER 0)", "network/connection-reset", "Request to inventory service failed",
            () -> httpGet("http://127.0.0.1:59996/x", 1500, 1500));
        scenario(JEDIS + " PING, server resets the connection", "network/connection-reset", "Cache lookup failed",
            () -> { try (Jedis j = new Jedis("127.0.0.1", 59996, 1500)) { j.ping(); } });
      }
      try (ServerSocket ss = new ServerSocket(59995, 50, InetAddress.getByName("127.0.0.1"))) {
        Thread t = new Thread(() -> { try { Socket a = ss.accept(); Thread.sleep(200); a.close(); } catch (Exception e) { } }); t.start();
        scenario(JDK + " socket writing after the peer closed", "network/broken-pipe", "Upload to peer failed", () -> {
          try (Socket c = new Socket("127.0.0.1", 59995)) { OutputStream o = c.getOutputStream(); byte[] buf = new byte[8192];
            for (int i = 0; i < 2000; i++) { o.write(buf); o.flush(); Thread.sleep(i < 5 ? 100 : 1); } } });
      }
      try (ServerSocket ss = new ServerSocket(59994, 50, InetAddress.getByName("127.0.0.1"))) {
        scenario(JDK + " ServerSocket bind to a port in use", "network/address-already-in-use", "Listener start failed",
            () -> new ServerSocket(59994, 50, InetAddress.getByName("127.0.0.1")).close());
        scenario("Reactor Netty HttpServer bind to a port in use", "network/address-already-in-use", "Listener start failed",
            () -> reactor.netty.http.server.HttpServer.create().host("127.0.0.1").port(59994).handle((req, res) -> res.sendString(reactor.core.publisher.Mono.just("x"))).bindNow().disposeNow());
      }
    }
  }

  // ------------------------------------------------------------------ TLS
  static class Tls {
    static Path dir; static final char[] PW = "changeit".toCharArray();
    static SSLContext serverCtx(String ks) throws Exception {
      KeyStore k = KeyStore.getInstance("PKCS12"); try (InputStream in = Files.newInputStream(dir.resolve(ks))) { k.load(in, PW); }
      KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509"); kmf.init(k, PW);
      SSLContext c = SSLContext.getInstance("TLS"); c.init(kmf.getKeyManagers(), null, null); return c;
    }
    static SSLContext clientCtx(String trust) throws Exception {
      if (trust == null) return SSLContext.getDefault();
      KeyStore k = KeyStore.getInstance("PKCS12"); try (InputStream in = Files.newInputStream(dir.resolve(trust))) { k.load(in, PW); }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX"); tmf.init(k);
      SSLContext c = SSLContext.getInstance("TLS"); c.init(null, tmf.getTrustManagers(), null); return c;
    }
    static com.sun.net.httpserver.HttpsServer server(int port, String ks, String[] protocols, String[] suites) throws Exception {
      var s = com.sun.net.httpserver.HttpsServer.create(new InetSocketAddress("127.0.0.1", port), 50);
      s.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(serverCtx(ks)) {
        @Override public void configure(com.sun.net.httpserver.HttpsParameters p) {
          SSLParameters sp = getSSLContext().getDefaultSSLParameters();
          if (protocols != null) sp.setProtocols(protocols); if (suites != null) sp.setCipherSuites(suites); p.setSSLParameters(sp);
        }
      });
      s.createContext("/", ex -> { byte[] b = "ok".getBytes(); ex.sendResponseHeaders(200, b.length); ex.getResponseBody().write(b); ex.close(); });
      s.start(); return s;
    }
    /** Plain JDK SSLServerSocket that performs the handshake itself (sends TLS alerts) and records its own failures. */
    static SSLServerSocket rawServer(int port, String ks, String[] protocols, String[] suites, String what) throws Exception {
      SSLServerSocket ss = (SSLServerSocket) serverCtx(ks).getServerSocketFactory().createServerSocket(port, 50, InetAddress.getByName("127.0.0.1"));
      if (protocols != null) ss.setEnabledProtocols(protocols); if (suites != null) ss.setEnabledCipherSuites(suites);
      Thread t = new Thread(() -> { while (!ss.isClosed()) { try (SSLSocket s = (SSLSocket) ss.accept()) { s.startHandshake(); }
        catch (IOException e) { if (!ss.isClosed()) emit(JDK + " SSLServerSocket (server side) " + what, "TLS handshake with client failed" + chain(e), e.toString().contains("no cipher suites in common") ? "tls/handshake-failure-alert" : null); } } });
      t.setDaemon(true); t.start(); return ss;
    }
    static String https(String url, SSLContext ctx) throws Exception {
      HttpsURLConnection c = (HttpsURLConnection) new URL(url).openConnection(); c.setSSLSocketFactory(ctx.getSocketFactory());
      c.setConnectTimeout(3000); c.setReadTimeout(3000);
      try (InputStream in = c.getInputStream()) { return new String(in.readAllBytes()); }
    }
    static void rawHandshake(int port, SSLContext ctx, String[] protocols, String[] suites) throws Exception {
      try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", port)) {
        if (protocols != null) s.setEnabledProtocols(protocols); if (suites != null) s.setEnabledCipherSuites(suites); s.setSoTimeout(3000); s.startHandshake();
      }
    }
    static void run() throws Exception {
      dir = Path.of(System.getProperty("corpus.tls"));
      var self = server(58443, "selfsigned.p12", null, null);
      var wrong = server(58444, "wronghost.p12", null, null);
      var expired = server(58445, "expired.p12", null, null);
      var tls13 = rawServer(58446, "selfsigned.p12", new String[] {"TLSv1.3"}, null, "accepting only TLSv1.3, client offers only TLSv1.2");
      var onecipher = rawServer(58447, "selfsigned.p12", new String[] {"TLSv1.2"}, new String[] {"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"}, "with one cipher suite the client does not offer");
      try {
        String u = "https://localhost:58443/api";
        scenario(JDK + " HttpsURLConnection to a server with a self-signed certificate", "tls/pkix-path-building-failed", "Request to payment service failed", () -> https(u, clientCtx(null)));
        scenario(JDK + " java.net.http.HttpClient to a server with a self-signed certificate", "tls/pkix-path-building-failed", "Request to payment service failed", () -> javaHttp(HttpClient.newHttpClient(), u, null));
        scenario("Spring RestTemplate to a server with a self-signed certificate", "tls/pkix-path-building-failed", "Request to payment service failed", () -> rest(3000, 3000).getForObject(u, String.class));
        scenario("Spring WebClient on Reactor Netty to a server with a self-signed certificate", "tls/pkix-path-building-failed", "Request to payment service failed",
            () -> webClient(reactor.netty.http.client.HttpClient.create()).get().uri(u).retrieve().bodyToMono(String.class).block(), "PKIX path building failed", "tls/pkix-path-building-failed");
        scenario(JDK + " HttpsURLConnection to https://localhost, certificate issued for wrong.example (trusted)", "tls/hostname-mismatch", "Request to payment service failed",
            () -> https("https://localhost:58444/api", clientCtx("trust-wronghost.p12")));
        scenario(JDK + " HttpsURLConnection to https://127.0.0.1, certificate issued for wrong.example (trusted)", "tls/hostname-mismatch", "Request to payment service failed",
            () -> https("https://127.0.0.1:58444/api", clientCtx("trust-wronghost.p12")));
        scenario(JDK + " java.net.http.HttpClient to https://localhost, certificate for wrong.example (trusted)", "tls/hostname-mismatch", "Request to payment service failed",
            () -> javaHttp(HttpClient.newBuilder().sslContext(clientCtx("trust-wronghost.p12")).build(), "https://localhost:58444/api", null));
        scenario(JDK + " HttpsURLConnection, trusted certificate expired (leaf signed by a trusted CA with keytool -gencert -startdate -400d -validity 30)", "tls/certificate-expired", "Request to payment service failed",
            () -> https("https://localhost:58445/api", clientCtx("trust-ca.p12")));
        scenario(JDK + " java.net.http.HttpClient, trusted certificate expired", "tls/certificate-expired", "Request to payment service failed",
            () -> javaHttp(HttpClient.newBuilder().sslContext(clientCtx("trust-ca.p12")).build(), "https://localhost:58445/api", null));
        scenario(JDK + " SSLSocket client limited to TLSv1.1 (disabled by jdk.tls.disabledAlgorithms)", "tls/no-appropriate-protocol", "Handshake with payment service failed",
            () -> rawHandshake(58443, clientCtx("trust-selfsigned.p12"), new String[] {"TLSv1.1"}, null));
        scenario(JDK + " HttpsURLConnection with -Dhttps.protocols style restriction TLSv1 only", "tls/no-appropriate-protocol", "Request to payment service failed", () -> {
          SSLContext c = SSLContext.getInstance("TLSv1"); c.init(null, null, null); https("https://localhost:58443/api", c); });
        scenario(JDK + " SSLSocket TLSv1.2-only client to a TLSv1.3-only server", null, "Handshake with payment service failed",
            () -> rawHandshake(58446, clientCtx("trust-selfsigned.p12"), new String[] {"TLSv1.2"}, null));
        scenario(JDK + " SSLSocket client and server with no common cipher suite", "tls/handshake-failure-alert", "Handshake with payment service failed",
            () -> rawHandshake(58447, clientCtx("trust-selfsigned.p12"), new String[] {"TLSv1.2"}, new String[] {"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"}));
      } finally { self.stop(0); wrong.stop(0); expired.stop(0); tls13.close(); onecipher.close(); }
    }
  }

  // ------------------------------------------------------------------ Redis (servers started by scripts/run-errors.sh)
  static class Redis {
    static StringRedisTemplate spring(int port, String pw) {
      RedisStandaloneConfiguration c = new RedisStandaloneConfiguration("127.0.0.1", port); if (pw != null) c.setPassword(pw);
      LettuceConnectionFactory f = new LettuceConnectionFactory(c); f.afterPropertiesSet(); f.start(); return new StringRedisTemplate(f);
    }
    static void run() throws Exception {
      // 56391 plain, 56392 maxmemory 1mb noeviction, 56393 requirepass, 56394 replica of 56391, 56395 unwritable dir (MISCONF)
      try (Jedis j = new Jedis("127.0.0.1", 56391)) { j.set("user:1", "alice"); }
      scenario(JEDIS + " LPUSH on a string key", null, "Cache update failed", () -> { try (Jedis j = new Jedis("127.0.0.1", 56391)) { j.lpush("user:1", "x"); } });
      scenario("Spring Data Redis (Lettuce) HGET on a string key", null, "Cache lookup failed", () -> spring(56391, null).opsForHash().get("user:1", "name"));
      scenario(JEDIS + " GET without AUTH on a server with requirepass", "database/redis-auth-noauth-wrongpass", "Cache lookup failed", () -> { try (Jedis j = new Jedis("127.0.0.1", 56393)) { j.get("k"); } });
      scenario(JEDIS + " AUTH with a wrong password", "database/redis-auth-noauth-wrongpass", "Cache lookup failed", () -> { try (Jedis j = new Jedis("127.0.0.1", 56393)) { j.auth("wrong"); } });
      scenario(LETTUCE + " GET without password on a server with requirepass", "database/redis-auth-noauth-wrongpass", "Cache lookup failed",
          () -> { RedisClient c = RedisClient.create("redis://127.0.0.1:56393"); try { c.connect().sync().get("k"); } finally { c.shutdown(); } });
      scenario("Spring Data Redis (Lettuce) with a wrong password", "database/redis-auth-noauth-wrongpass", "Cache lookup failed", () -> spring(56393, "wrong").opsForValue().get("k"));
      scenario(JEDIS + " SET beyond maxmemory 1mb (noeviction)", "database/redis-oom-maxmemory", "Cache update failed", () -> {
        try (Jedis j = new Jedis("127.0.0.1", 56392)) { String v = "x".repeat(10000); for (int i = 0; i < 1000; i++) j.set("blob:" + i, v); } });
      scenario("Spring Data Redis (Lettuce) SET beyond maxmemory 1mb", "database/redis-oom-maxmemory", "Cache update failed", () -> { StringRedisTemplate t = spring(56392, null); for (int i = 0; i < 1000; i++) t.opsForValue().set("more:" + i, "x".repeat(10000)); });
      Thread.sleep(1500);
      scenario(JEDIS + " SET on a read-only replica", "database/redis-readonly-replica", "Cache update failed", () -> { try (Jedis j = new Jedis("127.0.0.1", 56394)) { j.set("k", "v"); } });
      scenario("Spring Data Redis (Lettuce) SET on a read-only replica", "database/redis-readonly-replica", "Cache update failed", () -> spring(56394, null).opsForValue().set("k", "v"));
      try (Jedis j = new Jedis("127.0.0.1", 56395)) { j.set("a", "1"); try { j.bgsave(); } catch (Exception e) { } }
      Thread.sleep(2000);
      scenario(JEDIS + " SET after a failed BGSAVE (dump dir not writable)", "database/redis-misconf-rdb-persist", "Cache update failed", () -> { try (Jedis j = new Jedis("127.0.0.1", 56395)) { j.set("k", "v"); } });
      scenario("Spring Data Redis (Lettuce) SET after a failed BGSAVE", "database/redis-misconf-rdb-persist", "Cache update failed", () -> spring(56395, null).opsForValue().set("k", "v"));
    }
  }

  // ------------------------------------------------------------------ PostgreSQL (error-phase server: max_connections=8)
  static class Pg {
    static Connection c() throws SQLException { return DriverManager.getConnection(PG, "app", "app"); }
    static void run() throws Exception {
      try (Connection c = c(); Statement s = c.createStatement()) {
        s.execute("drop table if exists account; create table account(id int primary key, balance int); insert into account values (1, 100), (2, 100)");
      }
      scenario(PGJDBC + " SELECT from a missing table", "database/postgres-relation-does-not-exist", "Query failed",
          () -> { try (Connection c = c()) { c.createStatement().executeQuery("select * from customers"); } });
      JdbcTemplate jt = new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(PG, "app", "app"));
      scenario("Spring JdbcTemplate + " + PGJDBC + " SELECT from a missing table", "database/postgres-relation-does-not-exist", "Query failed",
          () -> jt.queryForList("select id from order_items where order_id = ?", 7));
      scenario(PGJDBC + " INSERT duplicate primary key", null, "Insert failed", () -> { try (Connection c = c()) { c.createStatement().execute("insert into account values (1, 5)"); } });
      scenario("Spring JdbcTemplate INSERT duplicate primary key", null, "Insert failed", () -> jt.update("insert into account values (2, 5)"));
      // deadlock
      for (String via : List.of("jdbc", "spring")) {
        scenario((via.equals("jdbc") ? PGJDBC : "Spring JdbcTemplate + " + PGJDBC) + " two transactions updating two rows in opposite order", "database/postgres-deadlock-detected", "Transfer failed", () -> {
          CyclicBarrier bar = new CyclicBarrier(2);
          ExecutorService ex = Executors.newFixedThreadPool(2);
          List<Future<?>> fs = new ArrayList<>();
          for (int k = 0; k < 2; k++) { final int a = k == 0 ? 1 : 2, b = k == 0 ? 2 : 1;
            fs.add(ex.submit(() -> { try (Connection c = c()) { c.setAutoCommit(false);
              if (via.equals("jdbc")) { c.createStatement().executeUpdate("update account set balance = balance - 1 where id = " + a); bar.await(); Thread.sleep(100);
                c.createStatement().executeUpdate("update account set balance = balance + 1 where id = " + b); }
              else { JdbcTemplate t = new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(c, true));
                t.update("update account set balance = balance - 1 where id = ?", a); bar.await(); Thread.sleep(100); t.update("update account set balance = balance + 1 where id = ?", b); }
              c.commit(); } return null; })); }
          ex.shutdown(); Throwable err = null;
          for (Future<?> f : fs) try { f.get(); } catch (ExecutionException e) { err = e.getCause(); }
          if (err != null) throw err;
        });
      }
      scenario(PGJDBC + " opening more connections than max_connections=8", "database/postgres-too-many-clients", "Could not connect to the database", () -> {
        List<Connection> l = new ArrayList<>(); try { for (int i = 0; i < 12; i++) l.add(c()); } finally { for (Connection c : l) c.close(); } });
      scenario("HikariCP pool (maximumPoolSize 12) against max_connections=8", "database/postgres-too-many-clients", "Startup failed", () -> {
        List<HikariDataSource> l = new ArrayList<>(); List<Connection> cs = new ArrayList<>();
        try { for (int i = 0; i < 12; i++) { HikariDataSource d = hikari(PG, "app", "app", 1, 1500); l.add(d); cs.add(d.getConnection()); } }
        finally { for (Connection c : cs) c.close(); for (HikariDataSource d : l) d.close(); } },
        "Connection is not available", "database/postgres-too-many-clients", "Exception during pool initialization", "database/postgres-too-many-clients");
      scenario(PGJDBC + " wrong password (scram-sha-256)", "database/postgres-password-auth-failed", "Could not connect to the database",
          () -> DriverManager.getConnection(PG, "app", "wrong"));
      scenario("HikariCP pool start with a wrong password", "database/postgres-password-auth-failed", "Startup failed", () -> hikari(PG, "app", "wrong", 2, 2000).close(),
          "Exception during pool initialization", "database/postgres-password-auth-failed");
      scenario(PGJDBC + " connecting to a database that does not exist", null, "Could not connect to the database",
          () -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:55432/reporting", "app", "app"));
      scenario(PGJDBC + " statement_timeout 200ms, pg_sleep(2)", null, "Report query failed",
          () -> { try (Connection c = c(); Statement s = c.createStatement()) { s.execute("set statement_timeout = 200"); s.execute("select pg_sleep(2)"); } });
      scenario("Spring JdbcTemplate query timeout 1 s, pg_sleep(3)", null, "Report query failed",
          () -> { JdbcTemplate t = new JdbcTemplate(jt.getDataSource()); t.setQueryTimeout(1); t.execute("select pg_sleep(3)"); });
      scenario(PGJDBC + " two SERIALIZABLE transactions updating the same row", null, "Transfer failed", () -> {
        try (Connection a = c(); Connection b = c()) {
          a.setAutoCommit(false); b.setAutoCommit(false);
          a.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE); b.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
          a.createStatement().executeQuery("select balance from account where id = 1").close();
          b.createStatement().executeQuery("select balance from account where id = 1").close();
          a.createStatement().executeUpdate("update account set balance = 1 where id = 1"); a.commit();
          b.createStatement().executeUpdate("update account set balance = 2 where id = 1"); b.commit(); } });
      scenario("HikariCP maximumPoolSize=1, connection held, connectionTimeout 1000 ms", "database/hikari-connection-timeout", "Request failed", () -> {
        try (HikariDataSource d = hikari(PG, "app", "app", 1, 1000); Connection held = d.getConnection()) { d.getConnection(); } });
      scenario("HikariCP idle connections terminated by the server (pg_terminate_backend), then borrowed", "database/hikari-failed-to-validate-maxlifetime", "Request failed", () -> {
        HikariConfig cfg = new HikariConfig(); cfg.setJdbcUrl(PG); cfg.setUsername("app"); cfg.setPassword("app"); cfg.setMaximumPoolSize(2); cfg.setMinimumIdle(2); cfg.setPoolName("HikariPool-stale");
        try (HikariDataSource d = new HikariDataSource(cfg)) {
          try (Connection x = d.getConnection()) { } Thread.sleep(1500);
          try (Connection su = DriverManager.getConnection(PG.replace("/app", "/postgres"), "postgres", "postgres")) {
            su.createStatement().executeQuery("select pg_terminate_backend(pid) from pg_stat_activity where usename = 'app' and pid <> pg_backend_pid() and application_name = 'PostgreSQL JDBC Driver'").close(); }
          Thread.sleep(1500); try (Connection x = d.getConnection()) { x.createStatement().execute("select 1"); }
          throw new IllegalStateException("marker: stale-connection scenario finished (not an error event)"); } },
        "Failed to validate connection", "database/hikari-failed-to-validate-maxlifetime");
      scenario("Flyway 10.10.0 migrate on a non-empty schema without history table", null, "Startup failed", () -> {
        try (Connection c = c()) { c.createStatement().execute("create schema if not exists legacy; create table if not exists legacy.t(id int)"); }
        org.flywaydb.core.Flyway.configure().dataSource(PG, "app", "app").schemas("legacy").locations("classpath:db/migration").load().migrate(); });
    }
  }

  // ------------------------------------------------------------------ Hibernate via the corpus.jpa app
  static class Hib {
    static void run() throws Exception {
      ConfigurableApplicationContext ctx = new SpringApplicationBuilder(corpus.jpa.JpaApp.class).web(WebApplicationType.NONE)
          .properties("spring.config.name=jpa", "spring.flyway.schemas=hib", "spring.jpa.properties.hibernate.default_schema=hib",
              "spring.main.banner-mode=off")
          .run();
      try {
        var em = ctx.getBean(jakarta.persistence.EntityManagerFactory.class);
        var repo = ctx.getBean(corpus.jpa.JpaApp.AuthorRepository.class);
        scenario("Hibernate " + org.hibernate.Version.getVersionString() + " lazy collection touched after the session closed", "database/hibernate-lazy-initialization-no-session", "Request failed",
            () -> { corpus.jpa.JpaApp.Author a = repo.findById(1L).orElseThrow(); a.books.size(); });
        scenario("Hibernate " + org.hibernate.Version.getVersionString() + " join fetch of two List collections (EntityManager)", null, "Request failed", () -> {
          var e = em.createEntityManager(); try { e.createQuery("select a from JpaApp$Author a left join fetch a.books left join fetch a.awards", corpus.jpa.JpaApp.Author.class).getResultList(); } finally { e.close(); } });
        scenario("Spring Data JPA save() then persist() of a detached entity", null, "Request failed", () -> {
          var e = em.createEntityManager(); var tx = e.getTransaction(); tx.begin();
          try { corpus.jpa.JpaApp.Author a = new corpus.jpa.JpaApp.Author(); a.id = 1L; a.name = "x"; e.persist(a); tx.commit(); } finally { if (tx.isActive()) tx.rollback(); e.close(); } });
        scenario("Spring Data JPA repository.save() of a duplicate primary key via native insert", null, "Request failed", () -> {
          ctx.getBean(JdbcTemplate.class).update("insert into hib.author(id, name) values (1, 'dup')"); });
      } finally { ctx.close(); }
    }
  }

  // ------------------------------------------------------------------ Jackson
  static class Jackson {
    public static class Order { public long id; public String customer; public List<String> items; }
    public static class Money { final long cents; Money(long c) { cents = c; } }
    public record Point(int x, int y) {}
    static void run() throws Exception {
      ObjectMapper m = new ObjectMapper();
      String ver = "Jackson " + com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION;
      scenario(ver + " unknown property", "serialization/jackson-unrecognized-field", "Could not read order", () -> m.readValue("{\"id\":1,\"customer\":\"a\",\"coupon\":\"X\"}", Order.class));
      scenario(ver + " malformed JSON (single quotes)", "serialization/jackson-unexpected-character", "Could not read order", () -> m.readValue("{'id':1}", Order.class));
      scenario(ver + " HTML error page parsed as JSON", "serialization/jackson-unexpected-character", "Could not read order", () -> m.readValue("<html><body>502 Bad Gateway</body></html>", Order.class));
      scenario(ver + " array where an object is expected", "serialization/jackson-mismatched-input", "Could not read order", () -> m.readValue("[{\"id\":1}]", Order.class));
      scenario(ver + " string where a list is expected", "serialization/jackson-mismatched-input", "Could not read order", () -> m.readValue("{\"id\":1,\"items\":\"a\"}", Order.class));
      scenario(ver + " empty body", "serialization/jackson-mismatched-input", "Could not read order", () -> m.readValue("", Order.class));
      scenario(ver + " non-numeric string into long", null, "Could not read order", () -> m.readValue("{\"id\":\"abc\"}", Order.class));
      scenario(ver + " class without default constructor or @JsonCreator", "serialization/jackson-no-creator", "Could not read price", () -> m.readValue("{\"cents\":5}", Money.class));
      scenario(ver + " truncated JSON", null, "Could not read order", () -> m.readValue("{\"id\":1,\"customer\":\"a", Order.class));
      var conv = new org.springframework.http.converter.json.MappingJackson2HttpMessageConverter();
      scenario("Spring MVC MappingJackson2HttpMessageConverter, string where a number is expected in the request body", null, "Request failed",
          () -> conv.read(Order.class, new org.springframework.mock.http.MockHttpInputMessage("{\"id\":\"abc\"}".getBytes())));
    }
  }

  // ------------------------------------------------------------------ Spring Boot startup failures (in-process)
  static class Spring {
    static final String EXCL = "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration,org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration,org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration,org.springframework.boot.autoconfigure.liquibase.LiquibaseAutoConfiguration,org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration,org.springframework.boot.autoconfigure.data.redis.RedisReactiveAutoConfiguration,org.springframework.boot.autoconfigure.data.redis.RedisRepositoriesAutoConfiguration,org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration";
    static void start(Class<?> cfg, WebApplicationType web, String... props) {
      List<String> p = new ArrayList<>(List.of(props)); p.add(EXCL); p.add("spring.main.banner-mode=off");
      new SpringApplicationBuilder(cfg).web(web).properties(p.toArray(String[]::new)).run().close();
    }
    static void run() throws Exception {
      String L = "Application run failed";
      scenario(SB + " startup: constructor needs a bean of a type that has none", "spring/no-such-bean-definition", L, () -> start(corpus.errors.boot.MissingBean.class, WebApplicationType.NONE),
          "required a bean of type", "spring/no-such-bean-definition", "Application run failed", "spring/no-such-bean-definition", "*", "spring/no-such-bean-definition");
      scenario(SB + " startup: two candidate beans for one injection point", "spring/no-unique-bean-definition", L, () -> start(corpus.errors.boot.TwoBeans.class, WebApplicationType.NONE),
          "required a single bean", "spring/no-unique-bean-definition", "Application run failed", "spring/no-unique-bean-definition", "*", "spring/no-unique-bean-definition");
      scenario(SB + " startup: constructor injection cycle", "spring/circular-dependency", L, () -> start(corpus.errors.boot.Cycle.class, WebApplicationType.NONE),
          "form a cycle", "spring/circular-dependency", "Application run failed", "spring/circular-dependency", "*", "spring/circular-dependency");
      scenario(SB + " startup: @Value placeholder not defined", null, L, () -> start(corpus.errors.boot.Placeholder.class, WebApplicationType.NONE), "*", "null");
      try (ServerSocket ss = new ServerSocket(58090, 50, InetAddress.getByName("0.0.0.0"))) {
        scenario(SB + " startup: Tomcat port already in use", "spring/port-already-in-use", L, () -> start(corpus.errors.boot.Web.class, WebApplicationType.SERVLET, "server.port=58090"),
            "Port 58090 was already in use", "spring/port-already-in-use", "*", "spring/port-already-in-use");
        scenario(SB + " startup: WebFlux (reactive Tomcat) port already in use", "spring/port-already-in-use", L, () -> start(corpus.errors.boot.Web.class, WebApplicationType.REACTIVE, "server.port=58090"),
            "Port 58090 was already in use", "spring/port-already-in-use", "*", "spring/port-already-in-use");
      }
      scenario(SB + " startup: @ConfigurationProperties value of the wrong type", null, L, () -> start(corpus.errors.boot.BadProps.class, WebApplicationType.NONE, "shop.timeout=soon"));
    }
    /** Run in a child JVM whose classpath has no embedded database (H2 removed). */
    static void datasourceMissing() {
      scenario(SB + " startup: JPA on the classpath, no spring.datasource.url, no embedded database", "spring/datasource-url-not-specified", "Application run failed",
          () -> new SpringApplicationBuilder(corpus.errors.boot.NeedsDataSource.class).web(WebApplicationType.NONE).properties("spring.main.banner-mode=off", "spring.flyway.enabled=false", "spring.liquibase.enabled=false").run().close(),
          "*", "spring/datasource-url-not-specified");
    }
  }

  // ------------------------------------------------------------------ Kafka (broker with auto.create.topics.enable=false)
  static class Kafka {
    static Properties prod(String boot) { Properties p = new Properties(); p.put("bootstrap.servers", boot); p.put("key.serializer", StringSerializer.class.getName());
      p.put("value.serializer", StringSerializer.class.getName()); p.put("max.block.ms", "3000"); return p; }
    static void run() throws Exception {
      String v = "kafka-clients " + org.apache.kafka.common.utils.AppInfoParser.getVersion();
      scenario(v + " producer send to a topic that does not exist (auto.create.topics.enable=false, max.block.ms=3000)", "messaging/kafka-topic-not-present-in-metadata", "Could not publish event",
          () -> { try (var p = new KafkaProducer<String, String>(prod(KAFKA))) { p.send(new ProducerRecord<>("payments-v2", "k", "v")).get(); } },
          "UNKNOWN_TOPIC_OR_PARTITION", null);
      scenario(v + " producer send with no broker listening (max.block.ms=3000)", "messaging/kafka-topic-not-present-in-metadata", "Could not publish event",
          () -> { try (var p = new KafkaProducer<String, String>(prod("127.0.0.1:" + CLOSED))) { p.send(new ProducerRecord<>("payments", "k", "v")).get(); } },
          "could not be established", null);
      scenario(v + " AdminClient listTopics with no broker listening", null, "Health check failed", () -> {
        Properties p = new Properties(); p.put("bootstrap.servers", "127.0.0.1:" + CLOSED); p.put("default.api.timeout.ms", "4000"); p.put("request.timeout.ms", "3000");
        try (Admin a = Admin.create(p)) { a.listTopics().names().get(); } }, "could not be established", null);
      try (Admin a = Admin.create(Map.of("bootstrap.servers", KAFKA))) {
        a.createTopics(List.of(new NewTopic("small", 1, (short) 1).configs(Map.of("max.message.bytes", "1000")), new NewTopic("work", 1, (short) 1))).all().get();
        scenario(v + " AdminClient createTopics for an existing topic", null, "Topic setup failed", () -> a.createTopics(List.of(new NewTopic("small", 1, (short) 1))).all().get());
      }
      scenario(v + " producer record larger than max.request.size (2 MB)", "messaging/kafka-record-too-large", "Could not publish event",
          () -> { try (var p = new KafkaProducer<String, String>(prod(KAFKA))) { p.send(new ProducerRecord<>("work", "k", "x".repeat(2_000_000))).get(); } });
      scenario(v + " producer record larger than the topic's max.message.bytes=1000", "messaging/kafka-record-too-large", "Could not publish event",
          () -> { try (var p = new KafkaProducer<String, String>(prod(KAFKA))) { p.send(new ProducerRecord<>("small", "k", "x".repeat(5000))).get(); } });
      try (var p = new KafkaProducer<String, String>(prod(KAFKA))) { for (int i = 0; i < 10; i++) p.send(new ProducerRecord<>("work", "k" + i, "v")); }
      scenario(v + " consumer commitSync after exceeding max.poll.interval.ms=2000", "messaging/kafka-commit-failed-poll-interval", "Batch processing failed", () -> {
        Properties c = new Properties(); c.put("bootstrap.servers", KAFKA); c.put("group.id", "slow-workers"); c.put("enable.auto.commit", "false");
        c.put("auto.offset.reset", "earliest"); c.put("max.poll.interval.ms", "2000"); c.put("max.poll.records", "1");
        c.put("key.deserializer", StringDeserializer.class.getName()); c.put("value.deserializer", StringDeserializer.class.getName());
        try (var k = new KafkaConsumer<String, String>(c)) { k.subscribe(List.of("work"));
          long end = System.currentTimeMillis() + 15000; while (k.poll(Duration.ofMillis(500)).isEmpty() && System.currentTimeMillis() < end) { }
          Thread.sleep(6000); k.commitSync(); } },
        "poll timeout has expired", "messaging/kafka-commit-failed-poll-interval");
      scenario(v + " consumer subscribed to a topic that does not exist", null, "marker", () -> {
        Properties c = new Properties(); c.put("bootstrap.servers", KAFKA); c.put("group.id", "g2");
        c.put("key.deserializer", StringDeserializer.class.getName()); c.put("value.deserializer", StringDeserializer.class.getName());
        try (var k = new KafkaConsumer<String, String>(c)) { k.subscribe(List.of("invoices")); for (int i = 0; i < 6; i++) k.poll(Duration.ofMillis(500)); }
        throw new IllegalStateException("marker: consumer scenario finished (not an error event)"); }, "UNKNOWN_TOPIC_OR_PARTITION", null);
    }
  }
}
