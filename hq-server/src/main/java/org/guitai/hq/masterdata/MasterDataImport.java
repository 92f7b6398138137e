package org.guitai.hq.masterdata;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import org.guitai.hq.platform.config.HqSettings;
import org.guitai.hq.staff.domain.HqRole;
import org.guitai.hq.staff.domain.HqStaff;
import org.guitai.hq.staff.service.HqStaffRepository;
import org.guitai.hq.store.domain.ChainStore;
import org.guitai.hq.store.service.ChainStores;
import org.guitai.kernel.csv.Csv;
import org.guitai.kernel.security.SlowHash;

/**
 * Imports {@code stores.csv} (id, name, city, currency) and {@code staff.csv} (code, name, roles
 * separated by {@code |}, password), each optional, adding only the stores and staff HQ lacks; then
 * gives each store named in the credentials file that credential. The file is the operator's word on
 * credentials, so changing a store's line there and restarting HQ replaces its credential. A bad row
 * stops the whole import, naming its file and line.
 */
@ApplicationScoped
public class MasterDataImport {

    static final List<String> FILES = List.of("stores.csv", "staff.csv");
    private static final Logger LOG = Logger.getLogger(MasterDataImport.class.getName());

    @Inject
    ChainStores stores;

    @Inject
    HqStaffRepository staff;

    @Inject
    HqSettings settings;

    @Inject
    Clock clock;

    /** Imports what the settings name: the folder {@code guitai.import-dir}, the file {@code guitai.store-credentials-file}. */
    @Transactional
    public void importConfigured() {
        settings.importDir().ifPresent(this::importFrom);
        settings.storeCredentials().ifPresent(this::issueCredentials);
    }

    private void importFrom(Path folder) {
        if (FILES.stream().noneMatch(f -> Files.isRegularFile(folder.resolve(f)))) {
            throw new IllegalStateException("guitai.import-dir is " + folder + ", which holds none of " + FILES);
        }
        Instant now = clock.instant();
        String storeCount = Csv.importing(folder.resolve("stores.csv"), file -> stores(file, now));
        String staffCount = Csv.importing(folder.resolve("staff.csv"), file -> staff(file, now));
        LOG.info(() -> "master data imported from " + folder + ": " + storeCount + ", " + staffCount);
    }

    private String stores(Path file, Instant now) {
        int added = 0;
        int kept = 0;
        for (Csv.Row row : Csv.readIfPresent(file)) {
            String id = row.get("id");
            if (stores.find(id).isPresent()) {
                kept++;
                continue;
            }
            stores.add(store(file, row), now);
            added++;
        }
        return "stores " + added + " added, " + kept + " already there";
    }

    /** The store of a row of {@code stores.csv}; a currency that is not an ISO 4217 code is a problem of the row. */
    static ChainStore store(Path file, Csv.Row row) {
        Currency currency;
        try {
            currency = Currency.getInstance(row.get("currency"));
        } catch (IllegalArgumentException e) {
            throw row.problem(file, "currency '" + row.get("currency") + "': expected an ISO 4217 code such as CNY");
        }
        return new ChainStore(row.get("id"), row.get("name"), row.get("city"), currency);
    }

    private String staff(Path file, Instant now) {
        int added = 0;
        int kept = 0;
        for (Csv.Row row : Csv.readIfPresent(file)) {
            if (staff.exists(row.get("code"))) {
                kept++;
                continue;
            }
            Set<HqRole> roles;
            try {
                roles = row.constants("roles", HqRole.class);
            } catch (IllegalArgumentException e) {
                throw row.problem(file, e.getMessage());
            }
            staff.add(HqStaff.enrolled(row.get("code"), row.get("name"), roles, SlowHash.hash(row.get("password"))), now);
            added++;
        }
        return "staff " + added + " added, " + kept + " already there";
    }

    private void issueCredentials(Map<String, String> credentials) {
        List<ChainStore> changed = issueCredentials(credentials, stores::find);
        changed.forEach(stores::saveCredential);
        LOG.info(() -> "store credentials: " + credentials.size() + " in the file, " + changed.size() + " issued or replaced now");
    }

    /**
     * Gives each store named in the credentials file that credential, replacing another one; a store
     * HQ does not have stops the start. Answers the stores that got a new credential.
     */
    static List<ChainStore> issueCredentials(Map<String, String> credentials, Function<String, Optional<ChainStore>> find) {
        List<ChainStore> issued = new ArrayList<>();
        for (Map.Entry<String, String> credential : credentials.entrySet()) {
            ChainStore store = find.apply(credential.getKey()).orElseThrow(() -> new IllegalStateException(
                    "guitai.store-credentials-file names store " + credential.getKey()
                            + ", which HQ does not have: add it to stores.csv in the folder guitai.import-dir names"));
            if (!store.accepts(credential.getValue())) {
                store.issueCredential(credential.getValue());
                issued.add(store);
            }
        }
        return issued;
    }
}
