package org.guitai.hq.sample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.guitai.hq.platform.config.HqSettings;
import org.guitai.hq.staff.domain.HqRole;
import org.guitai.hq.staff.domain.HqStaff;
import org.guitai.hq.staff.service.HqStaffRepository;
import org.guitai.hq.store.domain.ChainStore;
import org.guitai.hq.store.service.ChainStores;
import org.guitai.kernel.csv.Csv;
import org.guitai.kernel.security.SlowHash;

/** Loads {@code stores.csv} and {@code staff.csv}; existing rows are kept, store credentials follow the settings. */
@ApplicationScoped
public class SampleData {

    private static final Logger LOG = Logger.getLogger(SampleData.class.getName());

    @Inject
    ChainStores stores;

    @Inject
    HqStaffRepository staff;

    @Inject
    HqSettings settings;

    @Inject
    Clock clock;

    @Transactional
    public void load(Path folder) {
        Instant now = clock.instant();
        for (Csv.Row row : rows(folder.resolve("stores.csv"))) {
            String id = row.get("id");
            ChainStore store = stores.find(id).orElseGet(() -> {
                ChainStore created = new ChainStore(id, row.get("name"), row.get("city"), Currency.getInstance(row.get("currency")), now);
                stores.add(created);
                return created;
            });
            String credential = settings.sampleCredentials().get(id);
            if (credential != null) {
                store.issueCredential(credential);
            }
        }
        for (Csv.Row row : rows(folder.resolve("staff.csv"))) {
            if (staff.find(row.get("code")).isEmpty()) {
                staff.add(new HqStaff(row.get("code"), row.get("name"), roles(row.get("roles")), SlowHash.hash(row.get("password")), now));
            }
        }
        LOG.info(() -> "sample data loaded from " + folder);
    }

    private static Set<HqRole> roles(String roles) {
        return Arrays.stream(roles.split("\\|")).map(String::trim).map(HqRole::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(HqRole.class)));
    }

    private static List<Csv.Row> rows(Path file) {
        try {
            return Csv.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample data " + file, e);
        }
    }
}
