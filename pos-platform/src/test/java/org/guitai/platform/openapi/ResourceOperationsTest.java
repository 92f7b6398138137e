package org.guitai.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.Test;

class ResourceOperationsTest {

    @ApplicationPath("api")
    static class ShopApplication extends Application {
    }

    @Path("sales")
    static class SalesResource {
        @GET
        @Path("{id}")
        public String get() {
            return "";
        }

        @POST
        public String open() {
            return "";
        }

        public String notAnOperation() {
            return "";
        }
    }

    /** A second resource on the same root path, with a method name that the first also could have. */
    @Path("/sales/")
    static class SaleInvoicesResource {
        @GET
        @Path("/{id}/invoices/")
        public String list() {
            return "";
        }

        @GET
        @Path("{id}/invoices/{number: \\d{8}}")
        @Operation(operationId = "invoiceOfSale")
        public String get() {
            return "";
        }
    }

    @Path("store")
    static class StoreGateway {
        @GET
        @Path("{path: .+}")
        public String get() {
            return "";
        }
    }

    private final ResourceOperations operations = ResourceOperations.of(ApplicationClasses.of(List.of(
            ShopApplication.class, SalesResource.class, SaleInvoicesResource.class, StoreGateway.class, String.class)));

    @Test
    void namesAnOperationAfterItsResourceAndMethod() {
        assertEquals(Optional.of("salesGet"), id("GET", "/api/sales/{id}"));
        assertEquals(Optional.of("salesOpen"), id("post", "/api/sales"));
        assertEquals(Optional.of("saleInvoicesList"), id("GET", "/api/sales/{id}/invoices"));
        assertEquals(Optional.of("storeGatewayGet"), id("GET", "/api/store/{path: .+}"), "a class not called ...Resource keeps its whole name");
    }

    @Test
    void keepsAnOperationIdGivenInTheCode() {
        assertEquals(Optional.of("invoiceOfSale"), id("GET", "/api/sales/{id}/invoices/{number: \\d{8}}"));
    }

    @Test
    void findsNothingWhereNoMethodAnswers() {
        assertEquals(Optional.empty(), id("DELETE", "/api/sales/{id}"));
        assertEquals(Optional.empty(), id("GET", "/api/sales/{id}/lines"));
        assertEquals(Optional.empty(), id("GET", "/sales/{id}"), "the application path is part of every path");
    }

    @Test
    void comparesPathsWithoutTheirSlashesAndExpressions() {
        assertEquals("/api/store/{path}", ResourceOperations.template("api//store/{path: .+}/"));
        assertEquals("/api/invoices/{number}", ResourceOperations.template("/api/invoices/{ number : \\d{8} }"));
        assertEquals("/", ResourceOperations.template("/"));
        assertEquals(Map.of("path", ".+", "number", "\\d{8}"), ResourceOperations.expressions("/a/{path: .+}/{id}/{number: \\d{8}}"));
    }

    @Test
    void findsTheClassesOfAPackageThroughTheClassLoader() {
        List<Class<?>> classes = ApplicationClasses.under("org.guitai.platform.openapi", getClass().getClassLoader()).all();
        assertTrue(classes.containsAll(List.of(SalesResource.class, StoreGateway.class, ResourceOperations.class, getClass())), classes::toString);
        assertTrue(classes.stream().noneMatch(c -> c.getName().endsWith("package-info")), classes::toString);
    }

    private Optional<String> id(String method, String path) {
        return operations.answering(method, path).map(ResourceOperations.Answer::operationId);
    }
}
