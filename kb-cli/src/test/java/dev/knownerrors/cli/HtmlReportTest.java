package dev.knownerrors.cli;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The page of {@code scan --format html} as written (what a browser makes of it: {@link ChromiumReportTest}). */
class HtmlReportTest {

    /** A KB entry whose every text attacks the page. */
    static final String HOSTILE_KB = """
            {"id": "t/hostile", "regex": "hostile widget failure",
             "signature": "hostile widget failure <img src=x onerror=alert(1)>",
             "root_cause": "Root \\"quoted\\" & <b>bold</b> </style><script>alert(2)</script>",
             "workarounds": [{"action": "Restart <script>alert(3)</script>", "success_rate": 0.5}],
             "dead_ends": [{"action": "Retry 'x'", "why_fails": "</code></p><iframe src=//evil>", "fail_rate": 0.9}],
             "official_doc_url": "javascript:alert(4)"}
            """;
    /** A log line that attacks the page: a script, an attribute break-out, controls. */
    static final String HOSTILE_LINE = "2024-05-01 12:00:09.000 ERROR [x] <script>document.title='pwned'</script> \"'><img src=x"
            + " onerror=alert(5)> \u001b[31m hostile widget failure";

    @TempDir
    Path dir;
    String kb;
    String hostileKb;
    Path log;

    @BeforeEach
    void files() throws IOException {
        kb = Cli.write(dir.resolve("kb/test.json"), Cli.TEST_KB).toString();
        hostileKb = Cli.write(dir.resolve("kb2/hostile.json"), HOSTILE_KB).toString();
        log = Cli.write(dir.resolve("app.log"), ScanCommandTest.LOG + HOSTILE_LINE + "\n");
    }

    Document page(String... files) {
        String[] args = new String[files.length + 9];
        System.arraycopy(new String[] {"scan", "--no-bundled", "--kb", kb, "--kb", hostileKb, "--kb", Cli.SEED_KB,
            "--format=html"}, 0, args, 0, 9);
        System.arraycopy(files, 0, args, 9, files.length);
        Cli.Result r = Cli.run(args);
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("<!DOCTYPE html>\n").endsWith("</html>\n");
        return Jsoup.parse(r.out());
    }

    @Test
    void thePageLoadsNothingFromOutsideAndAllowsOnlyItsOwnStyleAndScript() throws NoSuchAlgorithmException {
        Document doc = page(log.toString());

        assertThat(doc.select("link, img, iframe, object, embed, [src], [srcset]")).isEmpty();
        assertThat(doc.select("style").html()).doesNotContain("url(", "@import");
        assertThat(doc.select("a[href]")).allSatisfy(a -> assertThat(a.attr("href")).matches("#e\\d+|https://\\S+"));
        assertThat(doc.select("script")).singleElement().satisfies(s -> assertThat(s.attributes().size()).isZero());
        String csp = doc.select("meta[http-equiv=Content-Security-Policy]").attr("content");
        assertThat(csp).isEqualTo("default-src 'none'; style-src '" + sha256(doc.select("style").first().data())
                + "'; script-src '" + sha256(doc.select("script").first().data()) + "'");
    }

    @Test
    void everyTextFromTheLogAndTheKbIsEscaped() {
        Document doc = page(log.toString());

        Element hostile = doc.select("article.entry[data-id=t/hostile]").first();
        assertThat(hostile).isNotNull();
        assertThat(hostile.select(".seen.first .line").text()).isEqualTo(
                "2024-05-01 12:00:09.000 ERROR [x] <script>document.title='pwned'</script> \"'><img src=x onerror=alert(5)>"
                        + " \uFFFD[31m hostile widget failure");
        assertThat(hostile.select(".title").text()).isEqualTo("hostile widget failure <img src=x onerror=alert(1)>");
        assertThat(hostile.select(".cause").text()).isEqualTo("Root \"quoted\" & <b>bold</b> </style><script>alert(2)</script>");
        assertThat(hostile.select(".workarounds li").text()).isEqualTo("Restart <script>alert(3)</script> 50 %");
        assertThat(hostile.select(".dead-ends li").text()).isEqualTo("Retry 'x' \u2014 </code></p><iframe src=//evil> fails 90 %");
        assertThat(hostile.select(".doc").text()).isEqualTo("javascript:alert(4)");
        assertThat(hostile.select(".doc a")).isEmpty();
        assertThat(doc.select("b, iframe, img")).isEmpty();
        assertThat(doc.title()).startsWith("known errors: ");
    }

    @Test
    void eachKnownErrorShowsItsWorkaroundsDeadEndsDocsAndFirstAndLastLine() {
        Document doc = page(log.toString());

        assertThat(doc.select("#totals").text()).isEqualTo("9 events scanned, 6 diagnosed, 4 known errors");
        assertThat(doc.select("#summary tbody tr")).extracting(tr -> tr.select("td").eachText()).containsExactly(
                java.util.List.of("network/connection-refused", "java.net.ConnectException: Connection refused", "3", "3", "20"),
                java.util.List.of(Cli.REDIS_ID, Cli.REDIS_MESSAGE, "1", "11", "11"),
                java.util.List.of("jvm/heap-space", "java.lang.OutOfMemoryError: Java heap space", "1", "12", "12"),
                java.util.List.of("t/hostile", "hostile widget failure <img src=x onerror=alert(1)>", "1", "21", "21"));
        Element refused = doc.select("article.entry[data-id=network/connection-refused]").first();
        assertThat(refused.select("h3").text()).isEqualTo("network/connection-refused \u00d73");
        assertThat(refused.select(".workarounds li").eachText()).containsExactly(
                "Check the host and port, start the server 85 %", "Open the firewall 30 %");
        assertThat(refused.select(".dead-ends li").eachText()).containsExactly(
                "Raising the connect timeout \u2014 nothing answers however long you wait fails 90 %",
                "Retrying in a loop \u2014 the port stays closed fails 80 %");
        assertThat(refused.select(".doc a").attr("href"))
                .isEqualTo("https://docs.oracle.com/javase/8/docs/api/java/net/ConnectException.html");
        assertThat(refused.select(".seen.first").text()).startsWith("first at line 3: 2024-05-01 12:00:02.000 ERROR [http-1]");
        assertThat(refused.select(".seen.last").text()).startsWith("last at line 20: 2024-05-01 12:00:07.000 INFO [main] c.e.Health");
        assertThat(doc.select("article.entry[data-id=jvm/heap-space] .seen.last")).as("one example when seen once").isEmpty();
    }

    @Test
    void theChartIsOverTimeWhenEveryDiagnosedLineHasATimestamp() {
        Document doc = page(log.toString());

        assertThat(doc.select("figcaption").text())
                .isEqualTo("From 2024-05-01 12:00:02 to 2024-05-01 12:00:09 (log time); one bar: 1 s.");
        assertThat(doc.select("svg#chart rect.bar")).hasSize(6)
                .extracting(r -> r.attr("data-id") + "=" + r.attr("data-count")).containsExactly(
                        "network/connection-refused=1", Cli.REDIS_ID + "=1", "jvm/heap-space=1", "network/connection-refused=1",
                        "network/connection-refused=1", "t/hostile=1");
        assertThat(doc.select(".legend li[data-id]").eachText()).containsExactly("network/connection-refused (3)",
                Cli.REDIS_ID + " (1)", "jvm/heap-space (1)", "t/hostile (1)");
    }

    @Test
    void theChartFallsBackToLineNumbersWhenADiagnosedLineHasNoTimestamp() throws IOException {
        Path other = Cli.write(dir.resolve("redis.log"), "1:M 01 May 2024 12:00:04.000 # " + Cli.REDIS_MESSAGE + "\n");

        Document doc = page(log.toString(), other.toString());

        assertThat(doc.select("figcaption").text())
                .isEqualTo("By line number (not every diagnosed line has a timestamp): lines 3 to 22; one bar: 1 line.");
        assertThat(doc.select("svg#chart rect.bar[data-id=" + Cli.REDIS_ID + "]")).extracting(r -> r.select("title").text())
                .containsExactly(Cli.REDIS_ID + ": 1, line 11", Cli.REDIS_ID + ": 1, line 22");
        assertThat(doc.select("#summary tr[data-id=" + Cli.REDIS_ID + "] td").eachText())
                .endsWith(log + ":11", other + ":1");
    }

    @Test
    void withNothingDiagnosedThePageSaysSoAndHasNoChart() throws IOException {
        Path quiet = Cli.write(dir.resolve("quiet.log"), "INFO all good\n");

        Document doc = page(quiet.toString());

        assertThat(doc.select("#totals").text()).isEqualTo("1 event scanned, no known error found");
        assertThat(doc.select("svg, #summary, article")).isEmpty();
    }

    static String sha256(String text) throws NoSuchAlgorithmException {
        return "sha256-" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
