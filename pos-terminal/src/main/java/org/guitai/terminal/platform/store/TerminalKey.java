package org.guitai.terminal.platform.store;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.guitai.kernel.security.TerminalSignature;
import org.guitai.terminal.platform.config.TerminalSettings;
import org.guitai.terminal.platform.storage.DurableFiles;

/**
 * This terminal's credential: an Ed25519 key pair made at its first start and kept in its data
 * directory (the private key readable by its owner only). The store learns the public key when
 * the terminal is enrolled ({@code PUT /api/terminals/{id}/key}, by staff logged in at it); from
 * then on the terminal signs what it sends on its own, such as the sales it replays, and the store
 * can trust the cashier it attests.
 */
@ApplicationScoped
public class TerminalKey {

    @Inject
    TerminalSettings settings;

    private Path dir;
    private KeyPair keys;

    @PostConstruct
    void load() {
        load(settings.dataDir().resolve("key"));
    }

    /** The key kept in {@code directory}, made there if there is none (for tests, without a container). */
    public static TerminalKey in(Path directory) {
        TerminalKey key = new TerminalKey();
        key.load(directory);
        return key;
    }

    private void load(Path directory) {
        dir = directory;
        Path privateFile = dir.resolve("terminal.key");
        Path publicFile = dir.resolve("terminal.pub");
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            if (Files.exists(privateFile) && Files.exists(publicFile)) {
                keys = new KeyPair(
                        factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(Files.readString(publicFile).trim()))),
                        factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(Files.readString(privateFile).trim()))));
                return;
            }
            Files.createDirectories(dir);
            keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            DurableFiles.writePrivately(privateFile, Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
            DurableFiles.writePrivately(publicFile, publicKey());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the terminal's key in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 15 and later", e);
        }
    }

    /** The public key as the store is given it: Base64 of its X.509 SubjectPublicKeyInfo. */
    public String publicKey() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    public PublicKey verifier() {
        return keys.getPublic();
    }

    /** The signature the store checks ({@link TerminalSignature}), as Base64. */
    public String sign(String method, String rawPathAndQuery, String timestamp, byte[] body) {
        return TerminalSignature.sign(keys.getPrivate(), TerminalSignature.signedBytes(method, rawPathAndQuery, timestamp, body));
    }

    /** Whether the store has accepted this key (the terminal remembers it enrolled the key it has now). */
    public boolean enrolled() {
        Path marker = dir.resolve("enrolled");
        try {
            return Files.exists(marker) && Files.readString(marker).trim().equals(publicKey());
        } catch (IOException e) {
            return false;
        }
    }

    public void markEnrolled() {
        DurableFiles.writePrivately(dir.resolve("enrolled"), publicKey());
    }
}
