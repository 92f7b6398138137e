package org.guitai.store.terminal.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A terminal's public key: base64 of an Ed25519 key's X.509 SubjectPublicKeyInfo ({@code PublicKey.getEncoded()}). */
public record KeyRequest(
        // any text of a sane length: whether it is a key (base64, Ed25519) is the rule that answers 422
        @NotNull @Pattern(regexp = "[\\s\\S]{1,1000}", message = "must be at most 1000 characters") String publicKey) {
}
