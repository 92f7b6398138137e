package org.guitai.hq.store.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.Currency;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A store of the chain, and the credential it proves itself with when it delivers its events. */
class ChainStoreTest {

    private static final String CREDENTIAL = "k3Qz9-store-S001-7fA2";

    private static ChainStore store(String id) {
        return new ChainStore(id, "柜台 北京西单店", "北京", Currency.getInstance("CNY"));
    }

    @Test
    void aStoreWithoutAnIssuedCredentialAcceptsNone() {
        ChainStore store = store("S001");
        assertFalse(store.accepts(CREDENTIAL));
        assertFalse(store.accepts(""));
        assertFalse(store.accepts(null));
    }

    @Test
    void onlyTheExactCredentialIsAccepted() {
        ChainStore store = store("S001");
        store.issueCredential(CREDENTIAL);
        assertTrue(store.accepts(CREDENTIAL));
        for (String near : new String[] {CREDENTIAL.substring(1), CREDENTIAL + "x", CREDENTIAL.toUpperCase(), CREDENTIAL + " ", "", null}) {
            assertFalse(store.accepts(near), "'" + near + "'");
        }
    }

    @Test
    void issuingANewCredentialRetiresTheOldOne() {
        ChainStore store = store("S001");
        store.issueCredential(CREDENTIAL);
        store.issueCredential("rotated-credential-of-S001");
        assertTrue(store.accepts("rotated-credential-of-S001"));
        assertFalse(store.accepts(CREDENTIAL), "a leaked credential stops working once the operator rotates it");
    }

    @Test
    void hqKeepsOnlyADigestOfTheCredential() throws ReflectiveOperationException {
        ChainStore store = store("S001");
        store.issueCredential(CREDENTIAL);
        Field digest = ChainStore.class.getDeclaredField("credentialDigest");
        digest.setAccessible(true);
        String kept = (String) digest.get(store);
        assertTrue(kept.matches("[0-9a-f]{64}"), "a SHA-256 digest in hex, as the CHAR(64) column expects: " + kept);
        assertFalse(kept.contains(CREDENTIAL));
    }

    @Test
    void aStoreKeepsItsNameCityAndCurrency() {
        ChainStore store = new ChainStore("S002", "柜台 上海南京路店", "上海", Currency.getInstance("USD"));
        assertEquals("S002", store.id());
        assertEquals("柜台 上海南京路店", store.name());
        assertEquals("上海", store.city());
        assertEquals(Currency.getInstance("USD"), store.currency());
    }

    @Test
    void storesAreTheSameStoreWhenTheirIdsAre() {
        ChainStore renamed = new ChainStore("S001", "another name", "天津", Currency.getInstance("CNY"));
        assertEquals(store("S001"), renamed);
        assertEquals(store("S001").hashCode(), renamed.hashCode());
        assertNotEquals(store("S001"), store("S002"));
        assertTrue(Set.of(store("S001")).contains(renamed));
    }

    @Test
    void aStoreTheChainClosedIsLetInWithNoCredential() {
        ChainStore open = store("S001");
        open.issueCredential(CREDENTIAL);
        ChainStore closed = ChainStore.restored("S001", "柜台 北京西单店", "北京", Currency.getInstance("CNY"), false,
                open.credentialDigest().orElseThrow());
        assertFalse(closed.accepts(CREDENTIAL), "its own credential no longer opens it");
        assertTrue(ChainStore.restored("S001", "柜台 北京西单店", "北京", Currency.getInstance("CNY"), true, open.credentialDigest().orElseThrow())
                .accepts(CREDENTIAL), "restored from its row, an open store is let in as before");
    }
}
