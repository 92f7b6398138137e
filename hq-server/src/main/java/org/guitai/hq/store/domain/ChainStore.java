package org.guitai.hq.store.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Currency;
import org.guitai.kernel.security.SlowHash;
import org.guitai.platform.persistence.Keyed;

/**
 * A store of the chain. Its credential is a long random secret held by the store server; HQ keeps
 * only its SHA-256 digest (a random 128-bit secret needs no slow hash) and compares in constant time.
 */
@Entity
@Table(name = "store")
public class ChainStore extends Keyed {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "name")
    private String name;

    @Column(name = "city")
    private String city;

    @Column(name = "currency")
    private String currency;

    @Column(name = "credential_digest")
    private String credentialDigest;

    @Column(name = "active")
    private boolean active;

    @Column(name = "created_at")
    private Instant createdAt;

    protected ChainStore() {
    }

    public ChainStore(String id, String name, String city, Currency currency, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.city = city;
        this.currency = currency.getCurrencyCode();
        this.active = true;
        this.createdAt = createdAt;
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
        return Currency.getInstance(currency);
    }

    @Override
    protected Object key() {
        return id;
    }
}
