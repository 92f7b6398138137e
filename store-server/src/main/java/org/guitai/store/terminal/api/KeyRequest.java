package org.guitai.store.terminal.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A terminal's public key: base64 of an Ed25519 key's X.509 SubjectPublicKeyInfo ({@code PublicKey.getEncoded()}). */
public record KeyRequest(@NotNull @Pattern(regexp = "[A-Za-z0-9+/=\\s]{1,400}", message = "must be base64 of at most 400 characters") String publicKey) {
}
