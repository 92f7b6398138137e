package org.guitai.store.masterdata;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
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
 * Imports the CSV files of one folder, each optional: {@code products.csv}
 * (sku, barcode, name, brand, model, spec, colour, unit, price, vat_rate and, optionally, category), {@code stock.csv} (sku, on_hand:
 * opening stock), {@code terminals.csv} (id, name) and {@code staff.csv} (code, name, roles separated by
 * {@code |}, pin). A row whose key the store already has is left alone, so importing the same folder at
 * every start keeps stock levels, prices and PIN changes; a bad row stops the whole import, naming its file
 * and line, and nothing of it is kept.
 */
@ApplicationScoped
public class MasterDataImport {

    static final List<String> FILES = List.of("products.csv", "stock.csv", "terminals.csv", "staff.csv");
    private static final Logger LOG = Logger.getLogger(MasterDataImport.class.getName());

    @Inject
    CatalogRepository catalog;

    @Inject
    StaffRepository staff;

    @Inject
    StoreSettings settings;

    @Inject
    Clock clock;

    /** Imports the folder {@code guitai.import-dir} names, if it names one. */
    @Transactional
    public void importConfigured() {
        settings.importDir().ifPresent(this::importFrom);
    }

    private void importFrom(Path folder) {
        if (FILES.stream().noneMatch(f -> Files.isRegularFile(folder.resolve(f)))) {
            throw new IllegalStateException("guitai.import-dir is " + folder + ", which holds none of " + FILES);
        }
        Instant now = clock.instant();
        List<String> counts = new ArrayList<>();
        counts.add(Csv.importing(folder.resolve("products.csv"), this::products));
        counts.add(Csv.importing(folder.resolve("stock.csv"), file -> stock(file, now)));
        counts.add(Csv.importing(folder.resolve("terminals.csv"), file -> terminals(file, now)));
        counts.add(Csv.importing(folder.resolve("staff.csv"), file -> staff(file, now)));
        LOG.info(() -> "master data imported from " + folder + ": " + String.join(", ", counts));
    }

    private String products(Path file) {
        Tally tally = new Tally("products");
        Set<String> seen = new HashSet<>();
        // barcodes of this file: the catalog's lookup does not see products added in this transaction
        Set<String> barcodes = new HashSet<>();
        for (Csv.Row row : Csv.readIfPresent(file)) {
            String sku = row.get("sku");
            if (!seen.add(sku)) {
                throw row.problem(file, "SKU " + sku + " appears twice");
            }
            if (catalog.find(sku).isPresent()) {
                tally.kept++;
                continue;
            }
            Ean13 barcode;
            try {
                barcode = new Ean13(row.get("barcode"));
            } catch (IllegalArgumentException e) {
                throw row.problem(file, e.getMessage());
            }
            if (!barcodes.add(barcode.toString()) || catalog.findByBarcode(barcode.toString()).isPresent()) {
                throw row.problem(file, "barcode " + barcode + " already belongs to another product");
            }
            try {
                Product.Description description = new Product.Description(row.get("name"), row.get("brand"), row.get("model"),
                        row.get("spec"), row.get("colour"), row.get("unit"));
                catalog.add(new Product(sku, barcode, description, Money.of(row.get("price"), settings.currency()),
                        new BigDecimal(row.get("vat_rate"))).inCategory(row.fields().getOrDefault("category", "")));
            } catch (IllegalArgumentException e) {
                throw row.problem(file, e.getMessage());
            }
            tally.added++;
        }
        return tally.toString();
    }

    private String stock(Path file, Instant now) {
        Tally tally = new Tally("stock levels");
        for (Csv.Row row : Csv.readIfPresent(file)) {
            String sku = row.get("sku");
            if (catalog.find(sku).isEmpty()) {
                throw row.problem(file, "no product has SKU " + sku);
            }
            if (catalog.stock(sku).isPresent()) {
                tally.kept++;
                continue;
            }
            try {
                catalog.add(new Stock(sku, new BigDecimal(row.get("on_hand")), now));
            } catch (IllegalArgumentException e) {
                throw row.problem(file, e.getMessage());
            }
            tally.added++;
        }
        return tally.toString();
    }

    private String terminals(Path file, Instant now) {
        Tally tally = new Tally("terminals");
        for (Csv.Row row : Csv.readIfPresent(file)) {
            if (staff.findTerminal(row.get("id")).isPresent()) {
                tally.kept++;
                continue;
            }
            staff.add(new Terminal(row.get("id"), row.get("name"), now));
            tally.added++;
        }
        return tally.toString();
    }

    private String staff(Path file, Instant now) {
        Tally tally = new Tally("staff");
        for (Csv.Row row : Csv.readIfPresent(file)) {
            if (staff.find(row.get("code")).isPresent()) {
                tally.kept++;
                continue;
            }
            Set<Role> roles;
            try {
                roles = row.constants("roles", Role.class);
            } catch (IllegalArgumentException e) {
                throw row.problem(file, e.getMessage());
            }
            staff.add(new Staff(row.get("code"), row.get("name"), roles, SlowHash.hash(row.get("pin")), now));
            tally.added++;
        }
        return tally.toString();
    }

    private static final class Tally {
        private final String what;
        int added;
        int kept;

        Tally(String what) {
            this.what = what;
        }

        @Override
        public String toString() {
            return what + " " + added + " added, " + kept + " already there";
        }
    }
}
