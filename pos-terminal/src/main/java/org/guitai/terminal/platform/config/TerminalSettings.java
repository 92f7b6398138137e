package org.guitai.terminal.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Logger;
import org.guitai.kernel.settings.SettingsReader;
import org.guitai.platform.config.Settings;

/**
 * The settings of a counter terminal, checked at start-up: which terminal this is and where its
 * store server answers ({@code GUITAI_TERMINAL_ID}, {@code GUITAI_STORE_URL}).
 */
@ApplicationScoped
public class TerminalSettings extends Settings {

    private static final Logger LOG = Logger.getLogger(TerminalSettings.class.getName());

    private String terminalId;
    private URI storeUrl;
    private Duration storeTimeout;
    private Path dataDir;
    private Duration documentTimeout;
    private Duration replayTimeout;
    private Duration replayInterval;
    private int replayBatch;
    private Path jposXml;

    @Override
    protected void read(SettingsReader r) {
        terminalId = r.required("guitai.terminal.id", v -> v.matches("[A-Za-z0-9-]{1,16}"), "1 to 16 letters, digits or dashes");
        storeUrl = r.parsed("guitai.store.url", "http://localhost:8081", SettingsReader::httpUrl, "an http(s) URL such as http://store:8081");
        storeTimeout = Duration.ofMillis(r.number("guitai.store.timeout-ms", 10_000, 100, 120_000));
        documentTimeout = Duration.ofMillis(r.number("guitai.terminal.document-timeout-ms", 2_000, 100, 10_000));
        replayTimeout = Duration.ofMillis(r.number("guitai.terminal.replay-timeout-ms", 10_000, 100, 120_000));
        replayInterval = Duration.ofMillis(r.number("guitai.terminal.replay-interval-ms", 2_000, 50, 600_000));
        replayBatch = (int) r.number("guitai.terminal.replay-batch", 100, 1, 10_000);
        // the journal, the queue of sales waiting for the store, the catalog snapshot, the printer's paper: all on this disk
        dataDir = Path.of(r.optional("guitai.terminal.data-dir").orElse("var/terminal-" + terminalId)).toAbsolutePath();
        // the counter's devices by logical name; a relative path is taken from where the terminal was started, like the data directory
        jposXml = Path.of(r.optional("guitai.terminal.jpos-xml").orElse("config/terminal/jpos.xml")).toAbsolutePath();
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        LOG.info(() -> "terminal " + terminalId + " selling through the store at " + storeUrl);
    }

    public String terminalId() {
        return terminalId;
    }

    public URI storeUrl() {
        return storeUrl;
    }

    /** Where the terminal keeps what must survive a restart ({@code GUITAI_TERMINAL_DATA_DIR}); created at start. */
    public Path dataDir() {
        return dataDir;
    }

    /** How long a finished sale handed to the terminal waits for the store before it is queued (at most 2 s by default). */
    public Duration documentTimeout() {
        return documentTimeout;
    }

    /** How long a replayed sale waits for the store's answer. */
    public Duration replayTimeout() {
        return replayTimeout;
    }

    /** How often the terminal looks for the store while sales wait, and reports to it. */
    public Duration replayInterval() {
        return replayInterval;
    }

    /** At most this many queued sales are sent in one round: a terminal back from a long outage does not hold the store alone. */
    public int replayBatch() {
        return replayBatch;
    }

    /** The JavaPOS configuration naming the counter's devices ({@code GUITAI_TERMINAL_JPOS_XML}): a file, not a classpath resource. */
    public Path jposXml() {
        return jposXml;
    }

    public Duration storeTimeout() {
        return storeTimeout;
    }
}
