package dev.knownerrors.spring;

import dev.knownerrors.kb.KnowledgeBase;
import dev.knownerrors.kb.internal.Diagnoser;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.core.env.Environment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code known-errors.*} properties: the adapters' properties under their Spring names
 * ({@code minimumLevel} is {@code known-errors.minimum-level}), plus {@code enabled}.
 *
 * <p>Bound twice: by the logging listener straight from the {@link Environment}, right after
 * Spring Boot has initialised logging (no bean exists yet then), and as a
 * {@code @ConfigurationProperties} bean by {@link KnownErrorsAutoConfiguration}. Not thread-safe
 * (a plain bean); read once per installation.
 */
@ConfigurationProperties(KnownErrorsProperties.PREFIX)
public class KnownErrorsProperties {

    static final String PREFIX = "known-errors";

    /** Whether to diagnose log events and startup failures. */
    private boolean enabled = true;

    /**
     * Knowledge-base locations, loaded before the bundled one: file or directory paths,
     * file: URLs or classpath: resources.
     */
    private List<String> knowledgeBase = new ArrayList<>();

    /** Whether to use the bundled knowledge base too. */
    private boolean bundled = true;

    /** Events below this level are passed on without a look. */
    private LogLevel minimumLevel = LogLevel.WARN;

    /** Language of the diagnosis text: en or zh. */
    private String locale = "en";

    /** Whether to keep the diagnosis text to printable ASCII. */
    private boolean ascii;

    /** Whether to append the diagnosis text to the formatted message (turn off when a pattern uses %kb). */
    private boolean appendToMessage = true;

    /** Domains to use ("all" for every one); empty means all but the non-software domains. */
    private List<String> domains = new ArrayList<>();

    /** Whether to leave out entries that would diagnose ordinary log lines. */
    private boolean precisionGuard = true;

    /** At most this many characters of message plus exception chain are scanned per event. */
    private int maxScanLength = 8192;

    /** Whether to also run entries whose regex has no literal every match must contain (they run on every event). */
    private boolean allowUnanchored;

    /** Domains never to use, even when {@code domains} allows them. */
    private List<String> excludedDomains = new ArrayList<>();

    /** Entries with a lower confidence (0 to 1; an entry without one counts as 0.5) are not used. */
    private double minimumConfidence;

    /** The full diagnosis is written once per known error per window, then a one-line reference with a count; 0 writes it every time. */
    private Duration repeatWindow = Duration.ofSeconds(60);

    /** Matching time allowed per event; 0 for no limit. */
    private Duration timeBudget = Duration.ofMillis(1);

    /** How often to look for changed knowledge-base files and reload them; unset: never. */
    private Duration scanPeriod;

    /** Binds the properties from {@code environment}; defaults for those not set. */
    static KnownErrorsProperties bind(Environment environment) {
        return Binder.get(environment).bindOrCreate(PREFIX, KnownErrorsProperties.class);
    }

    /**
     * The knowledge base these properties describe: the shared bundled instance when nothing
     * else is asked for. Load problems are in {@link KnowledgeBase#problems()}.
     */
    KnowledgeBase loadKnowledgeBase() {
        return Diagnoser.knowledgeBase(knowledgeBase, bundled, maxScanLength, allowUnanchored, domainList(),
                precisionGuard, excludedDomainList(), minimumConfidence, timeBudget);
    }

    /** The excluded domains as the adapters take them: comma-separated, or {@code null} for none. */
    String excludedDomainList() {
        return excludedDomains.isEmpty() ? null : String.join(",", excludedDomains);
    }

    /** A duration as the adapters take it: ISO-8601, or {@code null} for unset. */
    static String adapterDuration(Duration d) {
        return d == null ? null : d.toString();
    }

    /** The domains as the adapters take them: comma-separated, or {@code null} for the default. */
    String domainList() {
        return domains.isEmpty() ? null : String.join(",", domains);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<String> getKnowledgeBase() {
        return knowledgeBase;
    }

    public void setKnowledgeBase(List<String> knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    public boolean isBundled() {
        return bundled;
    }

    public void setBundled(boolean bundled) {
        this.bundled = bundled;
    }

    public LogLevel getMinimumLevel() {
        return minimumLevel;
    }

    public void setMinimumLevel(LogLevel minimumLevel) {
        this.minimumLevel = minimumLevel;
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }

    public boolean isAscii() {
        return ascii;
    }

    public void setAscii(boolean ascii) {
        this.ascii = ascii;
    }

    public boolean isAppendToMessage() {
        return appendToMessage;
    }

    public void setAppendToMessage(boolean appendToMessage) {
        this.appendToMessage = appendToMessage;
    }

    public List<String> getDomains() {
        return domains;
    }

    public void setDomains(List<String> domains) {
        this.domains = domains;
    }

    public boolean isPrecisionGuard() {
        return precisionGuard;
    }

    public void setPrecisionGuard(boolean precisionGuard) {
        this.precisionGuard = precisionGuard;
    }

    public int getMaxScanLength() {
        return maxScanLength;
    }

    public void setMaxScanLength(int maxScanLength) {
        this.maxScanLength = maxScanLength;
    }

    public boolean isAllowUnanchored() {
        return allowUnanchored;
    }

    public void setAllowUnanchored(boolean allowUnanchored) {
        this.allowUnanchored = allowUnanchored;
    }

    public List<String> getExcludedDomains() {
        return excludedDomains;
    }

    public void setExcludedDomains(List<String> excludedDomains) {
        this.excludedDomains = excludedDomains;
    }

    public double getMinimumConfidence() {
        return minimumConfidence;
    }

    public void setMinimumConfidence(double minimumConfidence) {
        this.minimumConfidence = minimumConfidence;
    }

    public Duration getRepeatWindow() {
        return repeatWindow;
    }

    public void setRepeatWindow(Duration repeatWindow) {
        this.repeatWindow = repeatWindow;
    }

    public Duration getTimeBudget() {
        return timeBudget;
    }

    public void setTimeBudget(Duration timeBudget) {
        this.timeBudget = timeBudget;
    }

    public Duration getScanPeriod() {
        return scanPeriod;
    }

    public void setScanPeriod(Duration scanPeriod) {
        this.scanPeriod = scanPeriod;
    }
}
