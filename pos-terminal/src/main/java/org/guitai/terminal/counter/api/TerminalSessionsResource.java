package org.guitai.terminal.counter.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;
import org.guitai.platform.security.Public;
import org.guitai.terminal.platform.config.TerminalSettings;
import org.guitai.terminal.platform.problem.TerminalRuleException;
import org.guitai.terminal.platform.security.OfflineLogins;
import org.guitai.terminal.platform.store.StoreConnection;
import org.guitai.terminal.platform.store.TerminalKey;
import org.guitai.terminal.platform.json.JsonBodies;

/**
 * {@code POST /api/terminal/sessions}: logging in at this counter. While the store answers, it is
 * the store's login (its token, its refusals); the terminal then keeps the member's slow PIN hash
 * for offline logins, and enrols its key with the store if it has not yet. When the store does not
 * answer, staff who logged in here in the last 7 days log in against that hash: {@code
 * "offline": true}, and the token is this terminal's alone.
 */
@Path("terminal/sessions")
@ApplicationScoped
@Consumes(APPLICATION_JSON)
@Produces(APPLICATION_JSON)
@Public
public class TerminalSessionsResource {

    private static final Logger LOG = Logger.getLogger(TerminalSessionsResource.class.getName());

    @Inject
    TerminalSettings settings;

    @Inject
    StoreConnection store;

    @Inject
    OfflineLogins offline;

    @Inject
    TerminalKey key;

    /** Slow hashing and enrolment happen beside the login, which need not wait for them. */
    private final ExecutorService beside = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "guitai-login-keeping");
        t.setDaemon(true);
        return t;
    });

    @PreDestroy
    void stop() {
        beside.shutdown();
    }

    @POST
    public Response logIn(@Valid @NotNull LoginRequest login) {
        byte[] body = Json.createObjectBuilder().add("terminalId", settings.terminalId()).add("staffCode", login.staffCode())
                .add("pin", login.pin()).build().toString().getBytes(StandardCharsets.UTF_8);
        // the store checks a PIN slowly on purpose: the whole store timeout, not the brief one of a sale handed over
        Optional<HttpResponse<String>> answer = store.send("POST", "sessions", body, new StoreConnection.Anonymous(), settings.storeTimeout());
        if (answer.isPresent()) {
            HttpResponse<String> a = answer.get();
            if (a.statusCode() != 201) {
                return Response.status(a.statusCode()).type(a.headers().firstValue("Content-Type").orElse("application/problem+json"))
                        .entity(a.body()).build();
            }
            JsonObject session = JsonBodies.object(a.body());
            JsonObject staff = session.getJsonObject("staff");
            String token = session.getString("token");
            beside.execute(() -> {
                offline.remember(login.staffCode(), login.pin(), staff);
                enrol(token);
            });
            return Response.status(201).entity(Json.createObjectBuilder(session).add("offline", false).build()).build();
        }
        Map.Entry<String, JsonObject> offlineSession = offline.logIn(login.staffCode(), login.pin())
                .orElseThrow(() -> new TerminalRuleException("offline-login-refused", 401, "Cannot log in while the store is away",
                        "the store does not answer: only staff who logged in at this terminal in the last 7 days can log in here, with their PIN"));
        return Response.status(201).entity(Json.createObjectBuilder().add("token", offlineSession.getKey())
                .add("staff", offlineSession.getValue()).add("terminalId", settings.terminalId()).add("offline", true).build()).build();
    }

    /** Gives the store this terminal's public key, in the name of whoever just logged in here, until it took it. */
    private void enrol(String token) {
        if (key.enrolled()) {
            return;
        }
        byte[] body = Json.createObjectBuilder().add("publicKey", key.publicKey()).build().toString().getBytes(StandardCharsets.UTF_8);
        store.send("PUT", "terminals/" + settings.terminalId() + "/key", body, new StoreConnection.Bearer(token), settings.replayTimeout())
                .ifPresent(a -> {
                    if (a.statusCode() == 200 || a.statusCode() == 201) {
                        key.markEnrolled();
                        LOG.info(() -> "terminal " + settings.terminalId() + " enrolled its key with the store");
                    } else {
                        LOG.warning(() -> "the store did not take this terminal's key (" + a.statusCode() + "): a store manager logging in here enrols it");
                    }
                });
    }
}
