package org.guitai.terminal.counter.api;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guitai.platform.problem.InvalidRequestException;
import org.guitai.platform.security.Caller;
import org.guitai.platform.security.NotAuthenticatedException;
import org.guitai.platform.security.Public;
import org.guitai.platform.security.TokenFilter;
import org.guitai.terminal.journal.service.Journal;
import org.guitai.terminal.offline.service.Documents;
import org.guitai.terminal.offline.service.OfflineCounter;
import org.guitai.terminal.platform.problem.TerminalRuleException;
import org.guitai.terminal.platform.security.OfflineLogins;
import org.guitai.terminal.platform.security.StoreSessions;
import org.guitai.terminal.device.domain.Printout;
import org.guitai.terminal.device.service.CounterDevices;
import org.guitai.terminal.platform.config.TerminalSettings;
import org.guitai.terminal.platform.json.JsonBodies;

/**
 * {@code /api/store/...} is the store server's {@code /api/...}: method, path, query, body and the
 * request headers the store reads pass through unchanged, and the store's answer (problems, images
 * and all) comes back byte for byte with the headers a client needs; hop-by-hop headers stay on
 * their own hop. A {@code Location} into the store's API is given as the same place behind this
 * gateway, so the page never needs to reach the store itself. When the store does not answer, the
 * page gets a 503 problem instead; a path with empty, {@code .} or {@code ..} segments never leaves
 * the terminal. It needs no terminal session: the store authenticates every call passed through
 * by the {@code Authorization} header that goes with it. While the store is away, a logged-in
 * cashier's calls are answered by this terminal's {@link OfflineCounter} (cash sales), as are all
 * calls of a session opened offline and every step of a sale made offline.
 */
@Path("store")
@ApplicationScoped
@Public
public class StoreGateway {

    /** What the store reads from a request; anything else the browser sent is no business of the store's. */
    private static final List<String> REQUEST_HEADERS = List.of(
            HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.AUTHORIZATION);

    /** End-to-end headers a client needs from an answer. Listing them keeps hop-by-hop ones (Connection, Keep-Alive, Transfer-Encoding, ...) out. */
    private static final List<String> RESPONSE_HEADERS = List.of(
            HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_ENCODING, HttpHeaders.CONTENT_LANGUAGE, "Content-Disposition",
            HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, HttpHeaders.CACHE_CONTROL, HttpHeaders.EXPIRES,
            HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED, HttpHeaders.VARY, HttpHeaders.WWW_AUTHENTICATE);

    /** A store that does not take the connection within this is away; a slow answer has the whole store timeout. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    @Inject
    TerminalSettings settings;

    @Inject
    OfflineCounter offline;

    @Inject
    Journal journal;

    @Inject
    Documents documents;

    @Inject
    OfflineLogins offlineLogins;

    @Inject
    StoreSessions sessions;
    /** The drawer and the printer follow the sale as the store records it. */
    @Inject
    CounterDevices devices;

    private HttpClient client;

    @PostConstruct
    void connect() {
        // HTTP/1.1 only: an HTTP/2 client would offer h2c upgrades the store does not want
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.storeTimeout().compareTo(CONNECT_TIMEOUT) < 0 ? settings.storeTimeout() : CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A GET carries no body that HTTP gives a meaning to, so none is read or passed on. */
    @GET
    @Path("{path: .+}")
    public Response get(@Context UriInfo uri, @Context HttpHeaders headers) {
        return forward("GET", uri, headers, new byte[0]);
    }

    @POST
    @Path("{path: .+}")
    public Response post(@Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("POST", uri, headers, body);
    }

    @PUT
    @Path("{path: .+}")
    public Response put(@Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("PUT", uri, headers, body);
    }

    @PATCH
    @Path("{path: .+}")
    public Response patch(@Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("PATCH", uri, headers, body);
    }

    @DELETE
    @Path("{path: .+}")
    public Response delete(@Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("DELETE", uri, headers, body);
    }

    private Response forward(String method, UriInfo uri, HttpHeaders headers, byte[] body) {
        String rawPath = rawStorePath(uri);
        String rawQuery = uri.getRequestUri().getRawQuery();
        Optional<String> token = TokenFilter.bearerToken(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        // a session opened here while the store was away, or a sale made here then: this terminal answers
        Optional<Caller> offlineCaller = token.flatMap(offlineLogins::session);
        if (offlineCaller.isPresent() || ownSale(rawPath)) {
            Caller caller = offlineCaller.orElseGet(() -> token.map(sessions::resolve).orElseThrow(
                    () -> new NotAuthenticatedException("this call needs 'Authorization: Bearer <token>' from POST /api/terminal/sessions")));
            return offlineAnswer(method, rawPath, rawQuery, body, caller);
        }
        if (method.equals("POST") && rawPath.matches("shifts/[^/]+/close") && documents.pending() > 0) {
            throw new TerminalRuleException("unsynced-sales", 409, "Sales not yet sent",
                    documents.pending() + " sales made at this counter have not reached the store yet: the shift closes once they have");
        }
        try {
            Response answer = forwardToStore(method, uri, headers, body, rawPath, rawQuery);
            if (method.equals("GET") && answer.getStatus() == 200 && answer.getEntity() instanceof byte[] bytes) {
                offline.storeSaid(rawPath, rawQuery, new String(bytes, StandardCharsets.UTF_8));
            }
            if (method.equals("POST") && answer.getStatus() / 100 == 2 && answer.getEntity() instanceof byte[] bytes) {
                journalStep(rawPath, body, bytes);
            }
            return answer;
        } catch (StoreUnreachableException away) {
            if (token.isEmpty()) {
                throw away;
            }
            Caller caller;
            try {
                caller = sessions.resolve(token.get());
            } catch (RuntimeException unknown) {
                throw away;
            }
            return offlineAnswer(method, rawPath, rawQuery, body, caller);
        }
    }

    /**
     * A step the store took at this counter that the journal keeps: a payment, a voided line or
     * cancelled sale, a no-sale, a finished sale, a return's refund. Journaled (forced to disk) before the screen
     * hears the store's answer.
     */
    private void journalStep(String rawPath, byte[] request, byte[] answer) {
        String[] p = rawPath.split("/");
        Journal.Type type;
        if (p.length == 3 && p[0].equals("sales") && p[2].equals("payments")) {
            type = Journal.Type.PAYMENT;
        } else if (p.length == 3 && p[0].equals("sales") && p[2].equals("complete")) {
            type = Journal.Type.SALE;
        } else if (p[0].equals("sales") && (p.length == 3 && p[2].equals("cancel") || p.length == 5 && p[4].equals("void"))) {
            type = Journal.Type.VOID;
        } else if (rawPath.equals("drawer/no-sale")) {
            type = Journal.Type.NO_SALE;
        } else if (p.length == 3 && p[0].equals("returns") && p[2].equals("refund")) {
            // money going back is journaled as money coming in is
            journal.append(Journal.Type.REFUND, refundFields(p[1], JsonBodies.objectOrEmpty(request), JsonBodies.objectOrEmpty(answer)));
            return;
        } else {
            return;
        }
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        JsonObject sent = JsonBodies.objectOrEmpty(request);
        JsonObject got = JsonBodies.objectOrEmpty(answer);
        if (p[0].equals("sales")) {
            fields.put("saleId", Json.createValue(p[1]));
            for (String name : List.of("slipCode", "total", "cashier", "status")) {
                if (got.get(name) instanceof JsonString value) {
                    fields.put(name.equals("cashier") ? "cashierCode" : name, value);
                }
            }
        }
        if (type == Journal.Type.PAYMENT) {
            fields.put("tender", Json.createValue(sent.getString("tender", "")));
            fields.put("paymentId", Json.createValue(sent.getString("id", "")));
        }
        if (p.length == 5) {
            fields.put("lineId", Json.createValue(p[3]));
        }
        if (type == Journal.Type.NO_SALE && sent.get("reason") instanceof JsonString reason) {
            fields.put("reason", reason);
        }
        journal.append(type, fields);
    }

    /** What the journal keeps of a refund: the return, its number, the tender, the refund's id and amount, and the return's state after it. */
    private static Map<String, JsonValue> refundFields(String returnId, JsonObject sent, JsonObject got) {
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        fields.put("returnId", Json.createValue(StorePath.decode(returnId).orElse(returnId)));
        if (got.get("number") instanceof JsonString number) {
            fields.put("returnNumber", number);
        }
        String refundId = sent.getString("id", "");
        fields.put("tender", Json.createValue(sent.getString("tender", "")));
        fields.put("refundId", Json.createValue(refundId));
        // the amount the store refunded under this id (an exchange's is the store's to decide), else the one asked for
        JsonValue amount = got.get("refunds") instanceof JsonArray refunds ? refunds.stream()
                .filter(r -> r instanceof JsonObject o && refundId.equals(o.getString("id", null)) && o.get("amount") instanceof JsonString)
                .map(r -> r.asJsonObject().get("amount")).findFirst().orElse(null) : null;
        if (amount == null && sent.get("amount") instanceof JsonString asked) {
            amount = asked;
        }
        if (amount != null) {
            fields.put("amount", amount);
        }
        if (sent.get("saleId") instanceof JsonString saleId) {
            fields.put("saleId", saleId);
        }
        if (got.get("status") instanceof JsonString status) {
            fields.put("status", status);
        }
        return fields;
    }

    private boolean ownSale(String rawPath) {
        String[] segments = rawPath.split("/");
        return segments.length > 1 && segments[0].equals("sales") && offline.owns(segments[1]);
    }

    private Response offlineAnswer(String method, String rawPath, String rawQuery, byte[] body, Caller caller) {
        // the drawer and the printer follow a sale made here as they follow the store's
        devices.beforeStore(method, rawPath, body);
        OfflineCounter.Answer answer = offline.answer(method, rawPath, rawQuery, new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8), caller);
        if (method.equals("POST") && answer.status() / 100 == 2) {
            String[] p = rawPath.split("/");
            if (p.length == 3 && p[0].equals("sales") && p[2].equals("payments") && JsonBodies.objectOrEmpty(body).getString("tender", "").equals("CASH")) {
                devices.cashTaken();
            } else if (p.length == 3 && p[0].equals("sales") && p[2].equals("complete")) {
                offline.slipText(p[1]).ifPresent(slip -> devices.printReceipt("offline-slip:" + p[1],
                        new Printout("slip " + slip.getKey(), slip.getValue(), Optional.of(slip.getKey()), false)));
            }
        }
        // the page learns that this terminal answered, not the store
        Response.ResponseBuilder reply = Response.status(answer.status()).header("Guitai-Offline", "true");
        if (answer.body().getValueType() == JsonValue.ValueType.NULL) {
            return reply.build();
        }
        if (answer.body().getValueType() == JsonValue.ValueType.STRING) {
            return reply.type("text/html;charset=UTF-8").entity(((JsonString) answer.body()).getString()).build();
        }
        return reply.type(answer.problem() ? "application/problem+json" : MediaType.APPLICATION_JSON).entity(answer.body().toString()).build();
    }

    private Response forwardToStore(String method, UriInfo uri, HttpHeaders headers, byte[] body, String rawPath, String rawQuery) {
        URI target = storeTarget(rawPath, rawQuery);
        devices.beforeStore(method, rawPath, body);
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(settings.storeTimeout())
                .method(method, body == null || body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String name : REQUEST_HEADERS) {
            List<String> values = headers.getRequestHeader(name);
            if (values != null && !values.isEmpty()) {
                request.header(name, String.join(", ", values));
            }
        }
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new StoreUnreachableException(settings.storeUrl().toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnreachableException(settings.storeUrl().toString(), e);
        }
        devices.afterStore(method, rawPath, body, answer.statusCode(), answer.body(), headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        return reply(answer, uri);
    }

    private Response reply(HttpResponse<byte[]> answer, UriInfo uri) {
        Response.ResponseBuilder reply = Response.status(answer.statusCode());
        byte[] body = answer.body();
        if (body != null && body.length > 0) {
            reply.entity(body);
            if (answer.headers().firstValue(HttpHeaders.CONTENT_TYPE).isEmpty()) {
                // what RFC 9110 lets a recipient assume, rather than whatever the page happened to accept
                reply.type(MediaType.APPLICATION_OCTET_STREAM_TYPE);
            }
        }
        for (String name : RESPONSE_HEADERS) {
            for (String value : answer.headers().allValues(name)) {
                reply.header(name, name.equals(HttpHeaders.LOCATION) ? behindTheGateway(answer.uri(), value, uri) : value);
            }
        }
        return reply.build();
    }

    /**
     * What follows {@code /api/store/} in the request as it was sent: the path parameter would have
     * lost its matrix parameters ({@code ;v=2}), which the store's own routing should see.
     */
    private static String rawStorePath(UriInfo uri) {
        String prefix = uri.getBaseUri().getRawPath() + "store/";
        String path = uri.getRequestUri().getRawPath();
        if (!path.startsWith(prefix)) {
            throw new InvalidRequestException("a store call is /api/store/<path below the store's /api/>, not " + path);
        }
        return path.substring(prefix.length());
    }

    /** The store's {@code /api/<path>?<query>}, path and query exactly as the client encoded them. */
    private URI storeTarget(String rawPath, String rawQuery) {
        String target = settings.storeUrl() + "/api/" + StorePath.parse(rawPath).raw() + (rawQuery == null ? "" : "?" + rawQuery);
        try {
            // the request URI may hold non-ASCII characters as they were sent: the store gets them percent-encoded
            return URI.create(URI.create(target).toASCIIString());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("this store call is not a valid URI: " + e.getMessage());
        }
    }

    /** A location in the store's API, as the same place behind this gateway; any other location unchanged. */
    private String behindTheGateway(URI requested, String location, UriInfo uri) {
        URI resolved;
        try {
            resolved = requested.resolve(location);
        } catch (IllegalArgumentException e) {
            return location;
        }
        URI store = settings.storeUrl();
        String storeApi = Optional.ofNullable(store.getRawPath()).orElse("") + "/api/";
        boolean intoTheStore = store.getScheme().equalsIgnoreCase(resolved.getScheme())
                && store.getHost().equalsIgnoreCase(resolved.getHost())
                && port(store) == port(resolved)
                && resolved.getRawPath() != null && resolved.getRawPath().startsWith(storeApi);
        if (!intoTheStore) {
            return location;
        }
        String rest = resolved.getRawPath().substring(storeApi.length())
                + (resolved.getRawQuery() == null ? "" : "?" + resolved.getRawQuery());
        return uri.getBaseUriBuilder().path("store").build() + "/" + rest;
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
