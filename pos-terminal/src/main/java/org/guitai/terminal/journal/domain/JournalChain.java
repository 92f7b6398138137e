package org.guitai.terminal.journal.domain;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How journal lines are chained. A line is {@code <hash> <body>}: the body is a JSON object with
 * its {@code seq}, {@code at}, {@code type}, what happened and {@code prevHash}, the hash of the
 * line before (64 zeros for the first); the hash is the SHA-256 of the body's bytes exactly as
 * written. Changing a body breaks its own hash; rewriting the hash too breaks the next line's
 * {@code prevHash}; deleting or inserting a line breaks the sequence or the chain.
 */
public final class JournalChain {

    public static final String GENESIS = "0".repeat(64);

    /** The outcome of a check: how many lines were read, and the first that does not hold, if any. */
    public record Verdict(long entries, Optional<Long> firstBadSeq, Optional<String> reason) {

        public boolean ok() {
            return firstBadSeq.isEmpty();
        }
    }

    private JournalChain() {
    }

    /** The line for the next entry: {@code fields} with seq, at, type and prevHash added, and its hash in front. */
    public static String line(long seq, String at, String type, Map<String, JsonValue> fields, String prevHash) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("seq", seq).add("at", at).add("type", type);
        fields.forEach(body::add);
        body.add("prevHash", prevHash);
        String json = body.build().toString();
        return sha256(json) + " " + json;
    }

    /** The hash a line carries in front (the chain's link to the next line). */
    public static String hashOf(String line) {
        int space = line.indexOf(' ');
        return space < 0 ? "" : line.substring(0, space);
    }

    /** The entry of a line, its hash added as {@code hash}, as the journal's API answers it. */
    public static JsonObject entry(String line) {
        int space = line.indexOf(' ');
        JsonObject body = parse(line.substring(space + 1));
        return Json.createObjectBuilder(body).add("hash", line.substring(0, space)).build();
    }

    /** Checks every line in order: its hash, its link to the line before and its sequence number. */
    public static Verdict verify(List<String> lines) {
        String prev = GENESIS;
        long expectedSeq = 1;
        for (String line : lines) {
            int space = line.indexOf(' ');
            if (space != 64) {
                return bad(lines, expectedSeq, "line " + expectedSeq + " is not '<sha-256> <entry>'");
            }
            String hash = line.substring(0, space);
            String body = line.substring(space + 1);
            JsonObject entry;
            try {
                entry = parse(body);
            } catch (JsonParsingException | ClassCastException e) {
                return bad(lines, expectedSeq, "entry " + expectedSeq + " is not a JSON object");
            }
            long seq = entry.containsKey("seq") && entry.get("seq").getValueType() == JsonValue.ValueType.NUMBER
                    ? entry.getJsonNumber("seq").longValue() : -1;
            if (seq != expectedSeq) {
                return bad(lines, expectedSeq, "entry " + expectedSeq + " is missing (the next entry is numbered " + seq + ")");
            }
            if (!hash.equals(sha256(body))) {
                return bad(lines, seq, "entry " + seq + " was changed after it was written: its SHA-256 does not match");
            }
            if (!prev.equals(entry.getString("prevHash", ""))) {
                return bad(lines, seq, "entry " + seq + " does not follow the entry before it (prevHash differs)");
            }
            prev = hash;
            expectedSeq++;
        }
        return new Verdict(lines.size(), Optional.empty(), Optional.empty());
    }

    private static Verdict bad(List<String> lines, long seq, String reason) {
        return new Verdict(lines.size(), Optional.of(seq), Optional.of(reason));
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
