package org.guitai.terminal.offline.service;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.guitai.kernel.money.CashRounding;
import org.guitai.kernel.money.Money;
import org.guitai.platform.security.Caller;
import org.guitai.terminal.catalog.service.Catalog;
import org.guitai.terminal.catalog.service.CatalogSnapshot;
import org.guitai.terminal.offline.domain.OfflineSale;
import org.guitai.terminal.platform.config.TerminalSettings;
import org.guitai.terminal.platform.storage.DurableFiles;
import org.guitai.terminal.platform.json.JsonBodies;

/**
 * The store's counter API as this terminal answers it while the store is away, for cash sales: the
 * cashier's screen makes the same calls ({@code /api/store/sales...}) and gets answers of the same
 * shape. Products come from the catalog snapshot, the store's status and this counter's open
 * shift from what the store last said (kept on disk). The moment a sale is paid it is a finished
 * sale: handed to {@link Documents}, journaled and queued before the screen hears it is paid.
 * Anything else (discounts, approvals, invoices, other tenders) answers 503: it needs the store.
 */
@ApplicationScoped
public class OfflineCounter {

    /** An answer: a status and a JSON body (a problem when the status is 4xx/5xx). */
    public record Answer(int status, JsonValue body) {

        public boolean problem() {
            return status >= 400;
        }
    }

    private static final String STATUS = "status";
    private static final String OPEN_SHIFT = "open-shift";

    @Inject
    TerminalSettings settings;

    @Inject
    Catalog catalog;

    @Inject
    Documents documents;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, OfflineSale> sales = new ConcurrentHashMap<>();
    private final Map<String, String> provisionalSlips = new ConcurrentHashMap<>();
    private Path cache;

    @PostConstruct
    void open() {
        cache = settings.dataDir().resolve("store-said");
        try {
            Files.createDirectories(cache);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + cache, e);
        }
    }

    /** Keeps what the store answered to a GET the counter needs while it is away (its status, this counter's open shift). */
    public void storeSaid(String rawPath, String rawQuery, String body) {
        String name = remembered(rawPath, rawQuery);
        if (name != null) {
            DurableFiles.write(cache.resolve(name + ".json"), body);
        }
    }

    private String remembered(String rawPath, String rawQuery) {
        if (rawPath.equals("status")) {
            return STATUS;
        }
        if (rawPath.equals("shifts") && rawQuery != null && rawQuery.contains("status=OPEN")
                && rawQuery.contains("terminalId=" + settings.terminalId())) {
            return OPEN_SHIFT;
        }
        return null;
    }

    /** Whether this terminal has a sale of its own under this id (made while the store was away). */
    public boolean owns(String saleId) {
        return sales.containsKey(saleId);
    }

    /** Answers a store call while the store is away. */
    public Answer answer(String method, String rawPath, String rawQuery, String body, Caller caller) {
        String[] p = rawPath.split("/");
        try {
            if (method.equals("GET") && (rawPath.equals(STATUS) || remembered(rawPath, rawQuery) != null)) {
                return said(remembered(rawPath, rawQuery));
            }
            if (method.equals("GET") && rawPath.equals("products") && rawQuery != null && rawQuery.startsWith("q=")) {
                String q = java.net.URLDecoder.decode(rawQuery.substring(2).split("&")[0], StandardCharsets.UTF_8);
                JsonArrayBuilder found = Json.createArrayBuilder();
                catalog.search(q, 50).forEach(product -> found.add(product.json()));
                return new Answer(200, found.build());
            }
            if (method.equals("DELETE") && rawPath.equals("sessions/current")) {
                return new Answer(204, JsonValue.NULL);
            }
            if (p[0].equals("sales")) {
                return sale(method, p, JsonBodies.objectOrEmpty(body), caller);
            }
        } catch (OfflineSale.Refused refused) {
            return problem(refused.slug(), 422, refused.title(), refused.getMessage());
        }
        return needsTheStore(method + " " + rawPath);
    }

    private Answer sale(String method, String[] p, JsonObject body, Caller caller) {
        if (p.length == 1 && method.equals("POST")) {
            String id = body.getString("id", null);
            if (id == null) {
                return problem("invalid-request", 400, "The request is invalid", "a sale needs its id");
            }
            Optional<JsonObject> shift = openShift();
            if (shift.isEmpty()) {
                return problem("no-open-shift", 409, "No open shift", "no shift is open at " + settings.terminalId()
                        + " as far as this terminal knows: a shift is opened while the store answers");
            }
            JsonObject status = said(STATUS).body().asJsonObject();
            OfflineSale sale = sales.computeIfAbsent(id, i -> new OfflineSale(i, caller.staffCode(), shift.get().getString("id"),
                    Currency.getInstance(status.getString("currency")), RoundingMode.valueOf(status.getString("rounding", "HALF_UP")), clock.instant()));
            return new Answer(201, view(sale));
        }
        OfflineSale sale = p.length > 1 ? sales.get(p[1]) : null;
        if (sale == null) {
            return needsTheStore(method + " sales/" + (p.length > 1 ? p[1] : ""));
        }
        String step = p.length > 2 ? p[2] : "";
        switch (method + " " + step + (p.length > 3 ? "/" + p.length : "")) {
            case "GET " -> {
                return new Answer(200, view(sale));
            }
            case "GET slip" -> {
                return new Answer(200, Json.createValue(slip(sale)));
            }
            case "POST lines" -> {
                Optional<CatalogSnapshot.Product> product = body.containsKey("barcode") ? catalog.byBarcode(body.getString("barcode"))
                        : catalog.bySku(body.getString("sku", ""));
                if (product.isEmpty()) {
                    return problem("product-not-found", 404, "Product not found", "no product "
                            + body.getString("barcode", body.getString("sku", "")) + " in this terminal's catalog snapshot");
                }
                if (body.containsKey("unitPrice") || body.containsKey("discountPercent")) {
                    return needsTheStore("a price override or a discount");
                }
                CatalogSnapshot.Product found = product.get();
                sale.addLine(body.getString("id"), found.sku(), found.barcode(), found.name(), found.unit(), new BigDecimal(body.getString("quantity", "1")),
                        Money.of(found.price(), found.currency()), found.vatRate());
                return new Answer(201, view(sale));
            }
            case "PATCH lines/4" -> {
                if (!body.containsKey("quantity") || body.size() > 1) {
                    return needsTheStore("a discount or a price change");
                }
                sale.changeQuantity(p[3], new BigDecimal(body.getString("quantity")));
                return new Answer(200, view(sale));
            }
            case "POST confirm" -> {
                sale.confirm();
                return new Answer(200, view(sale));
            }
            case "POST payments" -> {
                return pay(sale, body);
            }
            case "POST complete" -> {
                sale.complete();
                return new Answer(200, view(sale));
            }
            default -> {
                return needsTheStore(method + " sales/{id}/" + step);
            }
        }
    }

    /** Cash with the checks; the paid sale is handed on as a finished sale before the screen hears it is paid. */
    private Answer pay(OfflineSale sale, JsonObject body) {
        if (!"CASH".equals(body.getString("tender", ""))) {
            return needsTheStore(body.getString("tender", "this tender") + " payments");
        }
        if (body.containsKey("amount") || (body.containsKey("rejected") && !body.getJsonArray("rejected").isEmpty())) {
            return needsTheStore("a split tender or rejected notes");
        }
        JsonObject status = said(STATUS).body().asJsonObject();
        List<BigDecimal> denominations = status.getJsonArray("denominations").getValuesAs(JsonString.class).stream()
                .map(s -> new BigDecimal(s.getString())).toList();
        CashRounding rounding = new CashRounding(new BigDecimal(status.getString("cashRoundingUnit", "0.01")),
                RoundingMode.valueOf(status.getString("cashRounding", "DOWN")));
        List<OfflineSale.Count> counted = new ArrayList<>();
        if (body.containsKey("counted")) {
            body.getJsonArray("counted").getValuesAs(JsonObject.class).forEach(c ->
                    counted.add(new OfflineSale.Count(new BigDecimal(c.getString("denomination")), c.getInt("count"))));
        }
        boolean first = sale.payment().isEmpty();
        sale.takeCash(body.getString("id"), Money.of(body.getString("amountDue"), sale.currency()), counted, denominations, rounding, clock.instant());
        if (first) {
            Documents.Outcome handed = documents.hand(document(sale, body), new Caller(sale.cashierCode(), sale.cashierCode(), java.util.Set.of(),
                    settings.terminalId()), Optional.empty());
            JsonBodies.objectOrEmpty(handed.body()).entrySet().stream().filter(e -> e.getKey().equals("provisionalSlip"))
                    .findFirst().ifPresent(e -> provisionalSlips.put(sale.id(), ((JsonString) e.getValue()).getString()));
            if (!provisionalSlips.containsKey(sale.id())) {
                provisionalSlips.put(sale.id(), JsonBodies.objectOrEmpty(handed.body()).getString("slipCode", ""));
            }
        }
        OfflineSale.CashPayment cash = sale.payment().orElseThrow();
        JsonArrayBuilder pieces = Json.createArrayBuilder();
        cash.changeBreakdown(denominations).forEach(c -> pieces.add(Json.createObjectBuilder()
                .add("denomination", c.denomination().stripTrailingZeros().toPlainString()).add("count", c.count())));
        JsonObject view = view(sale);
        return new Answer(201, Json.createObjectBuilder().add("payment", view.getJsonArray("payments").getJsonObject(0))
                .add("changeBreakdown", pieces).add("announcement", cash.announcement()).add("sale", view).build());
    }

    /** The finished sale as the store's {@code POST /api/sales/documents} takes it. */
    private JsonObject document(OfflineSale sale, JsonObject cash) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        sale.lines().forEach(l -> {
            JsonObjectBuilder line = Json.createObjectBuilder().add("id", l.id()).add("quantity", l.quantity().toPlainString())
                    .add("unitPrice", l.price().toPlainString());
            if (l.barcode() != null) {
                line.add("barcode", l.barcode());
            } else {
                line.add("sku", l.sku());
            }
            lines.add(line);
        });
        JsonObjectBuilder payment = Json.createObjectBuilder().add("id", cash.getString("id")).add("tender", "CASH")
                .add("amountDue", cash.getString("amountDue"))
                .add("counted", cash.containsKey("counted") ? cash.getJsonArray("counted") : JsonValue.EMPTY_JSON_ARRAY)
                .add("rejected", JsonValue.EMPTY_JSON_ARRAY);
        return Json.createObjectBuilder().add("id", sale.id()).add("terminalId", settings.terminalId()).add("cashierCode", sale.cashierCode())
                .add("createdAt", sale.createdAt().toString()).add("lines", lines).add("payments", Json.createArrayBuilder().add(payment))
                .add("total", sale.total().toPlainString()).build();
    }

    /** The sale in the shape of the store's SaleView, so the screen shows it as it shows any sale. */
    private JsonObject view(OfflineSale sale) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        for (OfflineSale.Line l : sale.lines()) {
            JsonObjectBuilder line = Json.createObjectBuilder().add("id", l.id()).add("lineNo", l.lineNo()).add("sku", l.sku())
                    .add("name", orEmpty(l.name())).add("quantity", l.quantity().stripTrailingZeros().toPlainString())
                    .add("listPrice", l.price().toPlainString()).add("basePrice", l.price().toPlainString()).add("priceOverridden", false)
                    .add("discountPercent", "0").add("unitPrice", l.price().toPlainString()).add("amount", l.amount().toPlainString())
                    .add("vatRate", orEmpty(l.vatRate()));
            if (l.barcode() != null) {
                line.add("barcode", l.barcode());
            }
            if (l.unit() != null) {
                line.add("unit", l.unit());
            }
            lines.add(line);
        }
        JsonArrayBuilder payments = Json.createArrayBuilder();
        sale.payment().ifPresent(c -> payments.add(Json.createObjectBuilder().add("id", c.id()).add("tender", "CASH")
                .add("received", c.received().toPlainString()).add("applied", sale.total().toPlainString())
                .add("change", c.change().toPlainString()).add("rounding", c.rounding().toPlainString())));
        String status = switch (sale.status()) {
            case OPEN -> "OPEN";
            case CONFIRMED -> "CONFIRMED";
            case PAID -> "PAID";
            case COMPLETED -> "COMPLETED";
        };
        JsonObjectBuilder view = Json.createObjectBuilder().add("id", sale.id()).add("status", status)
                .add("terminalId", settings.terminalId()).add("shiftId", sale.shiftId()).add("cashier", sale.cashierCode())
                .add("businessDate", LocalDate.ofInstant(sale.createdAt(), ZoneId.systemDefault()).toString()).add("lines", lines)
                .add("orderDiscountPercent", "0").add("listTotal", sale.total().toPlainString()).add("discountTotal", "0.00")
                .add("total", sale.total().toPlainString()).add("paid", sale.paid().toPlainString()).add("due", sale.due().toPlainString())
                .add("currency", sale.currency().getCurrencyCode()).add("payments", payments)
                .add("createdAt", sale.createdAt().toString()).add("held", false).add("offline", true);
        sale.paidAt().ifPresent(at -> view.add("paidAt", at.toString()));
        Optional.ofNullable(provisionalSlips.get(sale.id())).ifPresent(slip -> view.add("slipCode", slip).add("provisionalSlip", slip));
        return view.build();
    }

    /** The provisional slip of a sale made here, as text for the receipt printer, and its provisional number (the barcode). */
    public Optional<Map.Entry<String, String>> slipText(String saleId) {
        OfflineSale sale = sales.get(saleId);
        if (sale == null || !provisionalSlips.containsKey(saleId)) {
            return Optional.empty();
        }
        String html = slip(sale);
        String text = html.substring(html.indexOf("<pre>\n") + 6, html.indexOf("</pre>")).replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
        return Optional.of(Map.entry(provisionalSlips.get(saleId), text));
    }

    /** A plain slip for a sale made while the store was away: its provisional number; the invoice comes once the store has the sale. */
    private String slip(OfflineSale sale) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>")
                .append(escape(provisionalSlips.getOrDefault(sale.id(), sale.id()))).append("</title></head><body><pre>\n");
        html.append("小票 (临时) Provisional slip ").append(escape(provisionalSlips.getOrDefault(sale.id(), ""))).append('\n');
        html.append(settings.terminalId()).append("  ").append(escape(sale.cashierCode())).append("  ").append(sale.createdAt()).append('\n');
        for (OfflineSale.Line l : sale.lines()) {
            html.append(escape(orEmpty(l.name()))).append("  ").append(l.quantity().stripTrailingZeros().toPlainString()).append(" x ")
                    .append(l.price().toPlainString()).append(" = ").append(l.amount().toPlainString()).append('\n');
        }
        html.append("合计 Total ").append(sale.total().toPlainString()).append('\n');
        sale.payment().ifPresent(c -> html.append("现金 Cash ").append(c.received().toPlainString()).append("  找零 Change ")
                .append(c.change().toPlainString()).append('\n'));
        html.append("发票待门店恢复后开具 Invoice once the store is back\n</pre></body></html>");
        return html.toString();
    }

    private Optional<JsonObject> openShift() {
        Answer said = said(OPEN_SHIFT);
        if (said.status() != 200 || said.body().getValueType() != JsonValue.ValueType.ARRAY || said.body().asJsonArray().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(said.body().asJsonArray().getJsonObject(0));
    }

    private Answer said(String name) {
        Path file = cache.resolve(name + ".json");
        if (!Files.exists(file)) {
            return needsTheStore("GET " + name);
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            try (JsonReader reader = Json.createReader(new StringReader(text))) {
                return new Answer(200, reader.readValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Answer needsTheStore(String what) {
        return problem("store-unreachable", 503, "Store server unreachable",
                what + " needs the store server, which does not answer: while it is away this counter takes cash sales only");
    }

    private static Answer problem(String slug, int status, String title, String detail) {
        return new Answer(status, Json.createObjectBuilder().add("type", org.guitai.kernel.problem.Problem.TYPE_PREFIX + slug).add("title", title)
                .add("status", status).add("detail", detail).build());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    Instant now() {
        return clock.instant();
    }
}
