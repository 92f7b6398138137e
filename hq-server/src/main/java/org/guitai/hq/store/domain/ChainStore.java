package org.guitai.hq.store.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;
import org.guitai.kernel.security.SlowHash;
import org.guitai.platform.persistence.Keyed;

/**
 * A store of the chain, one row of {@code store}. Its credential is a long random secret held by
 * the store server; HQ keeps only its SHA-256 digest (a random 128-bit secret needs no slow hash)
 * and compares in constant time. Issuing another retires the one before; an inactive store is let
 * in with none.
 */
public class ChainStore extends Keyed {

    private final String id;
    private final String name;
    private final String city;
    private final Currency currency;
    private final boolean active;
    private String credentialDigest;

    /** A store new to the chain: active, with no credential yet. */
    public ChainStore(String id, String name, String city, Currency currency) {
        this(id, name, city, currency, true, null);
    }

    private ChainStore(String id, String name, String city, Currency currency, boolean active, String credentialDigest) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.city = Objects.requireNonNull(city, "city");
        this.currency = Objects.requireNonNull(currency, "currency");
        this.active = active;
        this.credentialDigest = credentialDigest;
    }

    /** The store as its row holds it. */
    public static ChainStore restored(String id, String name, String city, Currency currency, boolean active, String credentialDigest) {
        return new ChainStore(id, name, city, currency, active, credentialDigest);
    }

    public void issueCredential(String credential) {
        this.credentialDigest = SlowHash.digest(credential);
    }

    public boolean accepts(String credential) {
        return active && credentialDigest != null && credential != null
                && MessageDigest.isEqual(credentialDigest.getBytes(StandardCharsets.US_ASCII),
                SlowHash.digest(credential).getBytes(StandardCharsets.US_ASCII));
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String city() {
        return city;
    }

    public Currency currency() {
        return currency;
    }

    public boolean isActive() {
        return active;
    }

    /** The digest of the credential issued last; only ever compared, never shown. */
    public Optional<String> credentialDigest() {
        return Optional.ofNullable(credentialDigest);
    }

    @Override
    protected Object key() {
        return id;
    }
}
