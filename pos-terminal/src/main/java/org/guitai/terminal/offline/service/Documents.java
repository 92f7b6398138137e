package org.guitai.terminal.offline.service;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.guitai.platform.problem.InvalidRequestException;
import org.guitai.platform.security.Caller;
import org.guitai.terminal.journal.service.Journal;
import org.guitai.terminal.platform.config.TerminalSettings;
import org.guitai.terminal.platform.problem.TerminalRuleException;
import org.guitai.terminal.platform.store.StoreConnection;
import org.guitai.terminal.platform.store.TerminalKey;
import org.guitai.terminal.platform.storage.DurableFiles;
import org.guitai.terminal.platform.json.JsonBodies;

/**
 * Finished sales handed to the terminal ({@code POST /api/terminal/documents}, and the cash sales
 * it makes itself while the store is away). Each is journaled and put in the queue on the disk
 * first, so nothing accepted is lost; then the store is tried once, briefly. The store's
 * acknowledgement takes the sale out of the queue; its refusal sets it aside with the reason; no
 * answer leaves it queued for the replay, in order. The store records a sale id once, so a sale
 * sent again after a crash is answered with the sale it already has, never recorded twice.
 */
@ApplicationScoped
public class Documents {

    private static final Logger LOG = Logger.getLogger(Documents.class.getName());

    /** What the terminal answers: the store's status and body, or 202 with the queued sale. */
    public record Outcome(int status, String body, boolean problem) {
    }

    @Inject
    TerminalSettings settings;

    @Inject
    Journal journal;

    @Inject
    StoreConnection store;

    @Inject
    TerminalKey key;

    private final Clock clock = Clock.systemUTC();
    private DocumentQueue queue;
    /** Sales the store acknowledged, by id: {@code {"slipCode","slipNumber","total"}} as journaled. */
    private final Map<String, JsonObject> sent = new HashMap<>();
    /** The provisional slip code each sale handed here got. */
    private final Map<String, String> provisional = new HashMap<>();
    private Path slipCounter;
    private Runnable kick = () -> { };
    /** Sales being sent right now: the replay and a hand-over never send the same sale at once. */
    private final java.util.Set<String> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @PostConstruct
    void open() {
        queue = new DocumentQueue(settings.dataDir());
        slipCounter = settings.dataDir().resolve("offline-slip-counter");
        for (JsonObject entry : journal.all()) {
            String type = entry.getString("type");
            if (!entry.containsKey("saleId")) {
                continue;
            }
            if (type.equals(Journal.Type.SENT.name())) {
                sent.put(entry.getString("saleId"), entry);
            } else if (type.equals(Journal.Type.SALE.name()) && entry.containsKey("provisionalSlip")) {
                provisional.put(entry.getString("saleId"), entry.getString("provisionalSlip"));
            }
        }
    }

    /** The replay to wake when a sale is queued behind others. */
    void onQueued(Runnable replay) {
        kick = replay;
    }

    public int pending() {
        return queue.size();
    }

    public List<DocumentQueue.Queued> waiting() {
        return queue.waiting();
    }

    public List<String> refused() {
        return queue.refused();
    }

    /**
     * A finished sale: journaled and queued first, then tried at the store once within the
     * terminal's document timeout. {@code bearer}: the session of who hands it over, used while the
     * terminal is not enrolled yet (an enrolled terminal signs and attests the cashier itself).
     */
    public Outcome hand(JsonObject document, Caller caller, Optional<String> bearer) {
        String saleId = saleId(document);
        JsonObject complete = completed(document, caller);
        synchronized (this) {
            if (sent.containsKey(saleId) || queue.find(saleId).isPresent() || queue.wasRefused(saleId)) {
                return again(saleId, complete, bearer);
            }
            String slip = nextProvisionalSlip();
            Map<String, JsonValue> fields = new LinkedHashMap<>();
            fields.put("saleId", Json.createValue(saleId));
            fields.put("cashierCode", Json.createValue(complete.getString("cashierCode")));
            fields.put("provisionalSlip", Json.createValue(slip));
            if (document.containsKey("total")) {
                fields.put("total", document.get("total"));
            }
            fields.put("document", complete);
            journal.append(Journal.Type.SALE, fields);
            provisional.put(saleId, slip);
            // in flight before it is in line: the replay never picks up a sale this hand-over is about to send
            inFlight.add(saleId);
            queue.add(saleId, complete.toString());
        }
        try {
            if (queue.waiting().get(0).saleId().equalsIgnoreCase(saleId)) {
                Optional<Outcome> answered = sendOnce(saleId, complete.toString(), credential(bearer), settings.documentTimeout());
                if (answered.isPresent()) {
                    return answered.get();
                }
            }
        } finally {
            inFlight.remove(saleId);
        }
        kick.run();
        return queued(saleId);
    }

    /** The same sale again: the store's sale once it has it (200), the refusal once refused, else still queued (202). */
    private Outcome again(String saleId, JsonObject document, Optional<String> bearer) {
        if (queue.wasRefused(saleId)) {
            JsonObject refusal = JsonBodies.object(queue.refused().stream().filter(r -> r.contains(saleId)).findFirst().orElse("{}"))
                    .getJsonObject("refusal");
            return new Outcome(refusal.getInt("status", 422), refusal.getJsonObject("problem").toString(), true);
        }
        Optional<Outcome> answered = send(saleId, document.toString(), credential(bearer), settings.documentTimeout());
        if (answered.isPresent()) {
            Outcome o = answered.get();
            return o.status() == 201 ? new Outcome(200, o.body(), false) : o;
        }
        if (sent.containsKey(saleId)) {
            JsonObject known = sent.get(saleId);
            return new Outcome(200, Json.createObjectBuilder().add("id", saleId).add("status", "RECORDED")
                    .add("slipCode", known.getString("slipCode", "")).build().toString(), false);
        }
        return queued(saleId);
    }

    /**
     * The next sale in line, sent signed; true when the store answered for it (acknowledged or
     * refused), false when it did not or would not yet (the replay tries again later).
     */
    boolean replayNext() {
        List<DocumentQueue.Queued> waiting = queue.waiting();
        if (waiting.isEmpty()) {
            return false;
        }
        DocumentQueue.Queued first = waiting.get(0);
        return send(first.saleId(), first.document(), new StoreConnection.Signed(), settings.replayTimeout()).isPresent();
    }

    /**
     * Posts the document to the store and settles the queue by its answer: empty when the store did
     * not answer, or answered that it cannot take it yet (a lock to wait for, the terminal not
     * recognised yet): the sale stays queued.
     */
    private Optional<Outcome> send(String saleId, String document, StoreConnection.Credential credential, Duration timeout) {
        if (!inFlight.add(saleId)) {
            return Optional.empty();
        }
        try {
            return sendOnce(saleId, document, credential, timeout);
        } finally {
            inFlight.remove(saleId);
        }
    }

    private Optional<Outcome> sendOnce(String saleId, String document, StoreConnection.Credential credential, Duration timeout) {
        Optional<HttpResponse<String>> answer = store.send("POST", "sales/documents", document.getBytes(StandardCharsets.UTF_8),
                credential, timeout);
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        HttpResponse<String> a = answer.get();
        int status = a.statusCode();
        if (status == 200 || status == 201) {
            synchronized (this) {
                if (!sent.containsKey(saleId)) {
                    JsonObject sale = JsonBodies.object(a.body());
                    Map<String, JsonValue> fields = new LinkedHashMap<>();
                    fields.put("saleId", Json.createValue(saleId));
                    fields.put("slipCode", Json.createValue(sale.getString("slipCode", "")));
                    fields.put("total", Json.createValue(sale.getString("total", "")));
                    Optional.ofNullable(provisional.get(saleId)).ifPresent(p -> fields.put("provisionalSlip", Json.createValue(p)));
                    journal.append(Journal.Type.SENT, fields);
                    sent.put(saleId, Json.createObjectBuilder().add("saleId", saleId).add("slipCode", sale.getString("slipCode", "")).build());
                }
                queue.remove(saleId);
            }
            return Optional.of(new Outcome(status, a.body(), false));
        }
        // a refusal is the store's own word, a problem: a 404 page while its application is still starting is not one
        boolean storesWord = a.headers().firstValue("Content-Type").map(type -> type.startsWith("application/problem+json")).orElse(false);
        boolean later = !storesWord || status == 401 || status == 403 || status == 408 || status == 429
                || (status == 409 && a.headers().firstValue("Retry-After").isPresent());
        if (later) {
            LOG.fine(() -> "the store cannot take sale " + saleId + " yet (" + status + "): it stays queued");
            return Optional.empty();
        }
        JsonObject problem = problem(a.body(), status);
        synchronized (this) {
            JsonObject refusal = Json.createObjectBuilder().add("status", status).add("problem", problem)
                    .add("refusedAt", clock.instant().toString()).build();
            if (!queue.wasRefused(saleId)) {
                Map<String, JsonValue> fields = new LinkedHashMap<>();
                fields.put("saleId", Json.createValue(saleId));
                fields.put("status", Json.createValue(status));
                fields.put("reason", Json.createValue(problem.getString("detail", problem.getString("title", "refused"))));
                journal.append(Journal.Type.REFUSED, fields);
            }
            queue.setAside(saleId, refusal.toString());
        }
        LOG.warning(() -> "the store refused sale " + saleId + " (" + status + "): kept for the manager");
        return Optional.of(new Outcome(status, problem.toString(), true));
    }

    /** A manager puts a refused sale back in line (once whatever refused it is put right at the store); false when none is refused under the id. */
    public boolean retryRefused(String saleId) {
        synchronized (this) {
            if (!queue.requeue(saleId)) {
                return false;
            }
        }
        kick.run();
        return true;
    }

    private Outcome queued(String saleId) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("id", saleId).add("status", "QUEUED");
        Optional.ofNullable(provisional.get(saleId)).ifPresent(p -> body.add("provisionalSlip", p));
        body.add("pendingDocuments", queue.size());
        return new Outcome(202, body.build().toString(), false);
    }

    private StoreConnection.Credential credential(Optional<String> bearer) {
        if (key.enrolled() || bearer.isEmpty()) {
            return new StoreConnection.Signed();
        }
        return new StoreConnection.Bearer(bearer.get());
    }

    /** The document as the store gets it: this terminal's id, the cashier it attests, when it was made. */
    private JsonObject completed(JsonObject document, Caller caller) {
        JsonObjectBuilder b = Json.createObjectBuilder(document);
        if (document.containsKey("terminalId") && !settings.terminalId().equals(document.getString("terminalId", ""))) {
            throw new TerminalRuleException("wrong-terminal", 422, "Wrong terminal",
                    "this is terminal " + settings.terminalId() + ", not " + document.get("terminalId"));
        }
        b.add("terminalId", settings.terminalId());
        if (!document.containsKey("cashierCode") || document.isNull("cashierCode")) {
            b.add("cashierCode", caller.staffCode());
        }
        if (!document.containsKey("createdAt") || document.isNull("createdAt")) {
            b.add("createdAt", clock.instant().toString());
        }
        b.remove("total");
        return b.build();
    }

    private static String saleId(JsonObject document) {
        if (!document.containsKey("id") || document.get("id").getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidRequestException("a sale document needs its id, a UUID the counter made");
        }
        String id = document.getString("id");
        try {
            return UUID.fromString(id).toString().equals(id.toLowerCase()) ? id.toLowerCase() : bad(id);
        } catch (IllegalArgumentException e) {
            return bad(id);
        }
    }

    private static String bad(String id) {
        throw new InvalidRequestException("id must be a UUID, not '" + id + "'");
    }

    /** T1-OFF-000001, the next of this terminal's provisional slip numbers, counted on the disk. */
    private String nextProvisionalSlip() {
        try {
            long next = (Files.exists(slipCounter) ? Long.parseLong(Files.readString(slipCounter).trim()) : 0) + 1;
            DurableFiles.write(slipCounter, Long.toString(next));
            return String.format("%s-OFF-%06d", settings.terminalId(), next);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot count provisional slips in " + slipCounter, e);
        }
    }

    private static JsonObject problem(String body, int status) {
        try {
            return JsonBodies.object(body);
        } catch (RuntimeException notJson) {
            return Json.createObjectBuilder().add("status", status).add("title", "Refused by the store").add("detail", String.valueOf(body)).build();
        }
    }
}
