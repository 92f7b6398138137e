package org.guitai.terminal.catalog.service;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.guitai.terminal.platform.config.TerminalSettings;
import org.guitai.terminal.platform.store.StoreConnection;

/**
 * The catalog snapshot of this terminal, kept current from the store: the whole catalog the first
 * time, then only what changed since the snapshot's version, whenever the store reports a newer one.
 */
@ApplicationScoped
public class Catalog {

    private static final Logger LOG = Logger.getLogger(Catalog.class.getName());
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(2);

    @Inject
    TerminalSettings settings;

    @Inject
    StoreConnection store;

    private CatalogSnapshot snapshot;

    /** The last catch-up: how many products, whether it was a full load, how long it took (fetch and apply), and when. */
    public record CatchUp(int products, boolean full, long millis, java.time.Instant at) {
    }

    private volatile CatchUp last;

    @PostConstruct
    void open() {
        snapshot = new CatalogSnapshot(settings.dataDir().resolve("catalog"));
    }

    public Optional<CatalogSnapshot.Product> byBarcode(String barcode) {
        return snapshot.byBarcode(barcode);
    }

    public Optional<CatalogSnapshot.Product> bySku(String sku) {
        return snapshot.bySku(sku);
    }

    public List<CatalogSnapshot.Product> search(String q, int limit) {
        return snapshot.search(q, limit);
    }

    public long version() {
        return snapshot.version();
    }

    public int size() {
        return snapshot.size();
    }

    public Optional<CatchUp> lastCatchUp() {
        return Optional.ofNullable(last);
    }

    /**
     * Catches up with the store when it reports a newer version than the snapshot's (or the snapshot
     * is empty); returns how many products changed, nothing when the store does not answer.
     */
    public synchronized Optional<Integer> catchUp(long storeVersion) {
        long since = snapshot.size() == 0 ? 0 : snapshot.version();
        if (since != 0 && storeVersion <= since) {
            return Optional.of(0);
        }
        long started = System.nanoTime();
        Optional<HttpResponse<InputStream>> answer = store.send("GET", "catalog/changes?since=" + since, null, new StoreConnection.Signed(),
                LOAD_TIMEOUT, HttpResponse.BodyHandlers.ofInputStream());
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream body = answer.get().body()) {
            if (answer.get().statusCode() != 200) {
                LOG.warning(() -> "the store refused the catalog changes (" + answer.get().statusCode() + "): is this terminal enrolled?");
                return Optional.empty();
            }
            int changed = snapshot.apply(body, since == 0);
            last = new CatchUp(changed, since == 0, (System.nanoTime() - started) / 1_000_000, java.time.Instant.now());
            LOG.info(() -> "catalog snapshot at version " + snapshot.version() + ": " + changed + " products changed, " + snapshot.size() + " in all");
            return Optional.of(changed);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot read the store's catalog changes", e);
            return Optional.empty();
        }
    }
}
