package org.guitai.store.sample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.guitai.kernel.barcode.Ean13;
import org.guitai.kernel.csv.Csv;
import org.guitai.kernel.money.Money;
import org.guitai.kernel.security.SlowHash;
import org.guitai.store.catalog.domain.Product;
import org.guitai.store.catalog.domain.Stock;
import org.guitai.store.catalog.service.CatalogRepository;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.staff.domain.Role;
import org.guitai.store.staff.domain.Staff;
import org.guitai.store.staff.domain.Terminal;
import org.guitai.store.staff.service.StaffRepository;

/**
 * Loads {@code products.csv}, {@code stock.csv}, {@code staff.csv} and {@code terminals.csv}.
 * Products are brought up to date; opening stock, staff and terminals are created only when missing,
 * so a restarted demo keeps its stock levels and PIN changes.
 */
@ApplicationScoped
public class SampleData {

    private static final Logger LOG = Logger.getLogger(SampleData.class.getName());

    @Inject
    CatalogRepository catalog;

    @Inject
    StaffRepository staff;

    @Inject
    StoreSettings settings;

    @Inject
    Clock clock;

    @Transactional
    public void load(Path folder) {
        Instant now = clock.instant();
        int products = 0;
        for (Csv.Row row : rows(folder.resolve("products.csv"))) {
            upsertProduct(row);
            products++;
        }
        for (Csv.Row row : rows(folder.resolve("stock.csv"))) {
            String sku = row.get("sku");
            if (catalog.stock(sku).isEmpty()) {
                catalog.add(new Stock(sku, new BigDecimal(row.get("on_hand")), now));
            }
        }
        for (Csv.Row row : rows(folder.resolve("terminals.csv"))) {
            if (staff.findTerminal(row.get("id")).isEmpty()) {
                staff.add(new Terminal(row.get("id"), row.get("name"), now));
            }
        }
        for (Csv.Row row : rows(folder.resolve("staff.csv"))) {
            if (staff.find(row.get("code")).isEmpty()) {
                staff.add(new Staff(row.get("code"), row.get("name"), roles(row.get("roles")), SlowHash.hash(row.get("pin")), now));
            }
        }
        int loaded = products;
        LOG.info(() -> "sample data loaded from " + folder + ": " + loaded + " products");
    }

    private void upsertProduct(Csv.Row row) {
        String sku = row.get("sku");
        Ean13 barcode;
        try {
            barcode = new Ean13(row.get("barcode"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("products.csv line " + row.line() + ": " + e.getMessage(), e);
        }
        Product.Description description = new Product.Description(row.get("name"), row.get("brand"), row.get("model"),
                row.get("spec"), row.get("colour"), row.get("unit"));
        Money price = Money.of(row.get("price"), settings.currency());
        BigDecimal vatRate = new BigDecimal(row.get("vat_rate"));
        catalog.find(sku).ifPresentOrElse(p -> {
            p.describe(description);
            p.reprice(price, vatRate);
        }, () -> catalog.add(new Product(sku, barcode, description, price, vatRate)));
    }

    private static Set<Role> roles(String roles) {
        return Arrays.stream(roles.split("\\|")).map(String::trim).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    private static List<Csv.Row> rows(Path file) {
        try {
            return Csv.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample data " + file, e);
        }
    }
}
