package org.guitai.terminal.offline.service;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.guitai.terminal.catalog.service.Catalog;
import org.guitai.terminal.platform.config.TerminalSettings;
import org.guitai.terminal.platform.security.OfflineLogins;
import org.guitai.terminal.platform.store.StoreConnection;
import org.guitai.terminal.platform.json.JsonBodies;

/**
 * The terminal's own round: every few seconds (and at once when a sale is queued behind others) it
 * sends the queued sales to the store in order, one at a time, stopping at the first the store
 * does not answer for (and after a batch, so that a long queue shares the store with the counters); then it reports to the store how many wait (the store will not close this
 * counter's shift while any do), forgets staff the store no longer lists, and catches the catalog
 * snapshot up when the store's catalog moved on. One thread does all of it, so a sale is never
 * sent by two replays at once.
 */
@ApplicationScoped
public class Replay {

    private static final Logger LOG = Logger.getLogger(Replay.class.getName());

    @Inject
    TerminalSettings settings;

    @Inject
    Documents documents;

    @Inject
    StoreConnection store;

    @Inject
    OfflineLogins offlineLogins;

    @Inject
    Catalog catalog;

    private ScheduledExecutorService worker;
    private final AtomicBoolean kicked = new AtomicBoolean();
    /** The refused sales as the store last took them: sent again only when they change (and after a restart). */
    private String lastRefusedReport;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "guitai-replay");
            t.setDaemon(true);
            return t;
        });
        documents.onQueued(this::kick);
        long every = settings.replayInterval().toMillis();
        worker.scheduleWithFixedDelay(this::round, 0, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    /** Runs a round as soon as the worker is free (once, however often it is kicked meanwhile). */
    public void kick() {
        if (worker != null && kicked.compareAndSet(false, true)) {
            worker.execute(() -> {
                kicked.set(false);
                round();
            });
        }
    }

    private void round() {
        try {
            int sent = 0;
            while (sent < settings.replayBatch() && documents.replayNext()) {
                sent++;
            }
            if (sent > 0) {
                int n = sent;
                LOG.info(() -> "replayed " + n + " queued sales to the store; " + documents.pending() + " still waiting");
            }
            report();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the replay round failed; the next round tries again", e);
        }
    }

    /** Tells the store how many sales wait here; its answer lists active staff and the catalog's version. */
    private void report() {
        byte[] body = Json.createObjectBuilder().add("pendingDocuments", documents.pending()).build().toString()
                .getBytes(StandardCharsets.UTF_8);
        Optional<HttpResponse<String>> answer = store.send("PUT", "terminals/" + settings.terminalId() + "/state", body,
                new StoreConnection.Signed(), settings.replayTimeout());
        if (answer.isEmpty() || answer.get().statusCode() != 200) {
            return;
        }
        JsonObject state = JsonBodies.object(answer.get().body());
        if (state.containsKey("activeStaff")) {
            offlineLogins.retainOnly(state.getJsonArray("activeStaff").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
        }
        if (state.containsKey("catalogVersion")) {
            catalog.catchUp(state.getJsonNumber("catalogVersion").longValue());
        }
        reportRefused();
    }

    /**
     * The sales the store refused, which this terminal keeps, go to the store whenever the list
     * changed, so that the store's manager sees each with its reason on the manager's page.
     */
    private void reportRefused() {
        JsonArrayBuilder refused = Json.createArrayBuilder();
        for (String kept : documents.refused()) {
            JsonObject r = JsonBodies.object(kept);
            JsonObject document = r.getJsonObject("document");
            JsonObject refusal = r.getJsonObject("refusal");
            JsonObject problem = refusal.getJsonObject("problem");
            refused.add(Json.createObjectBuilder().add("saleId", document.getString("id"))
                    .add("cashierCode", document.getString("cashierCode", ""))
                    .add("createdAt", document.getString("createdAt", ""))
                    .add("status", refusal.getInt("status", 422))
                    .add("problemType", problem.getString("type", ""))
                    .add("reason", problem.getString("detail", problem.getString("title", "")))
                    .add("refusedAt", refusal.getString("refusedAt", ""))
                    .add("document", document.toString()));
        }
        String body = Json.createObjectBuilder().add("refused", refused).build().toString();
        if (body.equals(lastRefusedReport)) {
            return;
        }
        store.send("PUT", "refused-sales/" + settings.terminalId(), body.getBytes(StandardCharsets.UTF_8), new StoreConnection.Signed(),
                settings.replayTimeout()).filter(a -> a.statusCode() == 200).ifPresent(a -> lastRefusedReport = body);
    }
}
