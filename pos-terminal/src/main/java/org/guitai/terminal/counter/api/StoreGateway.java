package org.guitai.terminal.counter.api;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.concurrent.TimeUnit;
import org.guitai.terminal.platform.config.TerminalSettings;

/**
 * {@code /api/store/...} is the store server's {@code /api/...}: method, path, query, body and the
 * cashier's token pass through unchanged, and the store's answer (problems included) comes back
 * as it was given. When the store does not answer, the page gets a 503 problem instead.
 */
@Path("store")
@ApplicationScoped
public class StoreGateway {

    @Inject
    TerminalSettings settings;

    private Client client;

    @PostConstruct
    void connect() {
        long timeout = settings.storeTimeout().toMillis();
        client = ClientBuilder.newBuilder()
                .connectTimeout(Math.min(timeout, 3000), TimeUnit.MILLISECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS)
                .build();
    }

    @PreDestroy
    void disconnect() {
        client.close();
    }

    @GET
    @Path("{path: .+}")
    public Response get(@PathParam("path") String path, @Context UriInfo uri, @Context HttpHeaders headers) {
        return forward(path, uri, headers, builder -> builder.get());
    }

    @POST
    @Path("{path: .+}")
    public Response post(@PathParam("path") String path, @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        MediaType type = headers.getMediaType() == null ? MediaType.APPLICATION_JSON_TYPE : headers.getMediaType();
        return forward(path, uri, headers, builder -> builder.post(Entity.entity(body == null ? new byte[0] : body, type)));
    }

    @DELETE
    @Path("{path: .+}")
    public Response delete(@PathParam("path") String path, @Context UriInfo uri, @Context HttpHeaders headers) {
        return forward(path, uri, headers, builder -> builder.delete());
    }

    private Response forward(String path, UriInfo uri, HttpHeaders headers, java.util.function.Function<Invocation.Builder, Response> call) {
        WebTarget target = client.target(settings.storeUrl()).path("api").path(path);
        for (var query : uri.getQueryParameters().entrySet()) {
            target = target.queryParam(query.getKey(), query.getValue().toArray());
        }
        Invocation.Builder builder = target.request();
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            builder.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        builder.header(HttpHeaders.ACCEPT, accept == null ? MediaType.APPLICATION_JSON : accept);
        try (Response answer = call.apply(builder)) {
            byte[] body = answer.hasEntity() ? answer.readEntity(byte[].class) : null;
            Response.ResponseBuilder reply = Response.status(answer.getStatus()).entity(body);
            if (answer.getMediaType() != null) {
                reply.type(answer.getMediaType());
            }
            String location = answer.getHeaderString(HttpHeaders.LOCATION);
            if (location != null) {
                reply.header(HttpHeaders.LOCATION, location);
            }
            return reply.build();
        } catch (ProcessingException e) {
            throw new StoreUnreachableException(settings.storeUrl().toString(), e);
        }
    }
}
