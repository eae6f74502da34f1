package dev.knownerrors.cli;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The HTML report as a browser shows it: headless Chromium loads the page from disk, runs its
 * script (only if the Content-Security-Policy hash lets it) and dumps the resulting DOM. Runs when
 * {@code /usr/bin/chromium} (or a {@code chromium} on the PATH) exists; with {@code KNOWN_ERRORS_REQUIRE_CHROMIUM=true} (environment
 * or system property, set by {@code .ci/run}) a missing browser fails the test instead of skipping it.
 */
class ChromiumReportTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final String REQUIRE = "KNOWN_ERRORS_REQUIRE_CHROMIUM";

    @TempDir
    Path dir;

    /** /usr/bin/chromium, else a {@code chromium} on the PATH (as {@code command -v chromium} in .ci/run finds it). */
    static Path chromium() {
        Path found = Files.isExecutable(CHROMIUM) ? CHROMIUM : null;
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (found == null && !d.isEmpty() && Files.isExecutable(Path.of(d, "chromium"))) {
                found = Path.of(d, "chromium");
            }
        }
        boolean required = "true".equalsIgnoreCase(System.getenv(REQUIRE)) || Boolean.getBoolean(REQUIRE);
        if (found == null) {
            if (required) {
                fail(REQUIRE + " is set but chromium is missing (apt-get install chromium)");
            }
            assumeTrue(false, "chromium is not installed; set " + REQUIRE + "=true to make this a failure");
        }
        return found;
    }

    @Test
    void chromiumShowsTheCountsTheChartAndTheAdviceAndTheHostileLineOnlyAsText() throws IOException, InterruptedException {
        Path browser = chromium();
        String kb = Cli.write(dir.resolve("kb/test.json"), Cli.TEST_KB).toString();
        String hostileKb = Cli.write(dir.resolve("kb2/hostile.json"), HtmlReportTest.HOSTILE_KB).toString();
        Path log = Cli.write(dir.resolve("app.log"), ScanCommandTest.LOG + HtmlReportTest.HOSTILE_LINE + "\n");
        Cli.Result r = Cli.run("scan", "--no-bundled", "--kb", kb, "--kb", hostileKb, "--kb", Cli.SEED_KB, "--format", "html",
                log.toString());
        assertThat(r.exit()).isZero();
        Path page = Files.writeString(dir.resolve("report.html"), r.out(), StandardCharsets.UTF_8);

        Document dom = Jsoup.parse(render(browser, page));

        assertThat(dom.select("html").attr("data-js")).as("the page's own script ran under its CSP").isEqualTo("on");
        assertThat(dom.title()).isEqualTo("known errors: " + log);
        assertThat(dom.select("script")).hasSize(1);
        assertThat(dom.select("img, iframe, b")).isEmpty();
        assertThat(dom.select(".hint").text()).startsWith("Click a known error");

        assertThat(dom.select("#totals").text()).isEqualTo("9 events scanned, 6 diagnosed, 4 known errors");
        assertThat(dom.select("#summary tbody tr")).extracting(tr -> tr.attr("data-id") + " " + tr.select("td.count").text())
                .containsExactly("network/connection-refused 3", Cli.REDIS_ID + " 1", "jvm/heap-space 1", "t/hostile 1");
        Map<String, Integer> bars = new HashMap<>();
        for (Element rect : dom.select("svg#chart rect.bar")) {
            bars.merge(rect.attr("data-id"), Integer.parseInt(rect.attr("data-count")), Integer::sum);
            assertThat(Double.parseDouble(rect.attr("height"))).isPositive();
        }
        assertThat(bars).containsExactlyInAnyOrderEntriesOf(Map.of("network/connection-refused", 3, Cli.REDIS_ID, 1,
                "jvm/heap-space", 1, "t/hostile", 1));
        assertThat(dom.select("svg#chart text.axis").eachText()).contains("12:00:02", "12:00:09");

        Element refused = dom.select("article.entry[data-id=network/connection-refused]").first();
        assertThat(refused.select(".workarounds li").eachText()).containsExactly(
                "Check the host and port, start the server 85 %", "Open the firewall 30 %");
        assertThat(refused.select(".dead-ends li").eachText()).hasSize(2);
        assertThat(refused.select(".doc a").attr("href")).startsWith("https://docs.oracle.com/");
        Element hostile = dom.select("article.entry[data-id=t/hostile]").first();
        assertThat(hostile.select(".seen.first .line").text())
                .contains("<script>document.title='pwned'</script> \"'><img src=x onerror=alert(5)>");
        assertThat(hostile.select(".workarounds li").text()).isEqualTo("Restart <script>alert(3)</script> 50 %");
        assertThat(hostile.select(".doc a")).isEmpty();
    }

    /** The DOM after load and scripts, as Chromium serialises it. */
    static String render(Path browser, Path page) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(page.getParent(), "chromium-profile");
        Path stderr = page.resolveSibling("chromium-stderr.txt");
        Process p = new ProcessBuilder(List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--dump-dom", page.toUri().toString()))
                .redirectError(stderr.toFile()).start();
        p.getOutputStream().close();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish in 90 s");
        }
        assertThat(p.exitValue()).as("chromium exit code; stderr: %s", Files.readString(stderr)).isZero();
        assertThat(dom).as("chromium's DOM").contains("<html");
        return dom;
    }
}
