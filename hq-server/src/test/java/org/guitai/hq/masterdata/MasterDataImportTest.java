package org.guitai.hq.masterdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guitai.hq.store.domain.ChainStore;
import org.guitai.kernel.csv.Csv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chain's stores from {@code stores.csv}, and their credentials from the operator's file. */
class MasterDataImportTest {

    private static final String S001_CREDENTIAL = "k3Qz9-store-S001-7fA2";
    private static final String S002_CREDENTIAL = "p8Lm2-store-S002-9xW4";

    @TempDir
    Path folder;

    private final Map<String, ChainStore> chain = new LinkedHashMap<>();

    private Path storesCsv(String rows) throws IOException {
        return Files.writeString(folder.resolve("stores.csv"), "# stores of the chain\nid,name,city,currency\n" + rows);
    }

    private void have(String... ids) {
        for (String id : ids) {
            chain.put(id, new ChainStore(id, "Store " + id, "北京", Currency.getInstance("CNY")));
        }
    }

    private int issue(Map<String, String> credentials) {
        return MasterDataImport.issueCredentials(credentials, id -> Optional.ofNullable(chain.get(id))).size();
    }

    @Test
    void aRowBecomesAStoreOfTheChainWithoutACredentialYet() throws IOException {
        Path file = storesCsv("S001,\"柜台 北京西单店\",北京,CNY\nS002,柜台 纽约店, New York ,USD\n");
        List<ChainStore> stores = Csv.read(file).stream().map(row -> MasterDataImport.store(file, row)).toList();
        assertEquals(List.of("S001", "S002"), stores.stream().map(ChainStore::id).toList());
        ChainStore newYork = stores.get(1);
        assertEquals("柜台 纽约店", newYork.name());
        assertEquals("New York", newYork.city());
        assertEquals(Currency.getInstance("USD"), newYork.currency(), "a store may sell in its own currency");
        assertFalse(newYork.accepts(""), "only the credentials file gives a store its credential");
    }

    @Test
    void aCurrencyThatIsNotAnIsoCodeStopsTheImportNamingFileAndLine() throws IOException {
        Path file = storesCsv("S001,柜台 北京西单店,北京,CNY\nS002,柜台 上海南京路店,上海,RMB\n");
        List<Csv.Row> rows = Csv.read(file);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> MasterDataImport.store(file, rows.get(1)));
        assertEquals(file + " line 4: currency 'RMB': expected an ISO 4217 code such as CNY", refused.getMessage());
    }

    @Test
    void eachStoreNamedInTheFileGetsItsCredential() {
        have("S001", "S002", "S003");
        assertEquals(2, issue(Map.of("S001", S001_CREDENTIAL, "S002", S002_CREDENTIAL)));
        assertTrue(chain.get("S001").accepts(S001_CREDENTIAL));
        assertTrue(chain.get("S002").accepts(S002_CREDENTIAL));
        assertFalse(chain.get("S001").accepts(S002_CREDENTIAL), "each store its own");
        assertFalse(chain.get("S003").accepts(S001_CREDENTIAL), "a store the file does not name gets none");
    }

    @Test
    void restartingWithTheSameFileChangesNothingAndAChangedLineRotatesThatStoresCredential() {
        have("S001", "S002");
        issue(Map.of("S001", S001_CREDENTIAL, "S002", S002_CREDENTIAL));
        assertEquals(0, issue(Map.of("S001", S001_CREDENTIAL, "S002", S002_CREDENTIAL)));
        assertEquals(1, issue(Map.of("S001", "rotated-credential-of-S001", "S002", S002_CREDENTIAL)));
        assertTrue(chain.get("S001").accepts("rotated-credential-of-S001"));
        assertFalse(chain.get("S001").accepts(S001_CREDENTIAL), "the old credential stops working");
        assertTrue(chain.get("S002").accepts(S002_CREDENTIAL));
    }

    @Test
    void aStoreHqDoesNotHaveStopsTheStartSayingWhereToAddIt() {
        have("S001");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> issue(Map.of("S001", S001_CREDENTIAL, "S009", S002_CREDENTIAL)));
        assertEquals("guitai.store-credentials-file names store S009, which HQ does not have:"
                + " add it to stores.csv in the folder guitai.import-dir names", refused.getMessage());
    }
}
