package org.guitai.platform.security;

import jakarta.annotation.Priority;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.guitai.kernel.barcode.Ean13;
import org.guitai.kernel.problem.PosException;
import org.guitai.kernel.security.CardNumbers;

/**
 * Refuses a tender request that carries anything looking like a full card number (13 to 19
 * digits passing Luhn) in any member, known or not, with 422 and without echoing or logging it.
 * Scanning the parsed members rather than the raw text keeps product barcodes elsewhere in a
 * document from being mistaken for one.
 */
@Provider
@RefusesCardNumbers
@Priority(Priorities.AUTHENTICATION + 100)
public class CardNumberGuard implements ContainerRequestFilter {

    /** Json.createReader looks the JSON-P provider up again on every call; the factory keeps the one found. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!request.hasEntity()) {
            return;
        }
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        JsonValue root;
        try {
            root = READERS.createReader(new StringReader(new String(body, StandardCharsets.UTF_8))).readValue();
        } catch (JsonException malformed) {
            return;
        }
        RefusesCardNumbers guarded = resource.getResourceMethod().getAnnotation(RefusesCardNumbers.class);
        String[] members = guarded.members();
        if (members.length == 0 && guarded.except().length > 0 && root.getValueType() == JsonValue.ValueType.OBJECT) {
            refuseCardNumber(without(root.asJsonObject(), guarded.except()));
        } else if (members.length == 0 || root.getValueType() != JsonValue.ValueType.OBJECT) {
            refuseCardNumber(root);
        } else {
            for (String member : members) {
                refuseCardNumber(root.asJsonObject().getOrDefault(member, JsonValue.NULL));
            }
        }
    }

    /** The body without the members excepted from the look (their names are looked at still, their values not). */
    static JsonObject without(JsonObject body, String[] excepted) {
        var kept = Json.createObjectBuilder();
        java.util.Set<String> skip = java.util.Set.of(excepted);
        body.forEach((name, value) -> kept.add(name, skip.contains(name) ? JsonValue.NULL : value));
        return kept.build();
    }

    private static void refuseCardNumber(JsonValue value) {
        if (carriesCardNumber(value)) {
            throw new CardNumberRefusedException();
        }
    }

    static boolean carriesCardNumber(JsonValue value) {
        switch (value.getValueType()) {
            case STRING:
                // a whole EAN-13 is a product's or a member card's barcode; it can pass the Luhn check by chance
                String text = ((JsonString) value).getString();
                return !Ean13.isValid(text) && CardNumbers.containsCardNumber(text);
            case NUMBER:
                return CardNumbers.containsCardNumber(value.toString());
            case OBJECT:
                for (Map.Entry<String, JsonValue> member : ((JsonObject) value).entrySet()) {
                    if (CardNumbers.containsCardNumber(member.getKey()) || carriesCardNumber(member.getValue())) {
                        return true;
                    }
                }
                return false;
            case ARRAY:
                for (JsonValue element : (JsonArray) value) {
                    if (carriesCardNumber(element)) {
                        return true;
                    }
                }
                return false;
            default:
                return false;
        }
    }

    /** Says what was refused and why, never the number. */
    public static class CardNumberRefusedException extends PosException {

        private static final long serialVersionUID = 1L;

        public CardNumberRefusedException() {
            super("card-number-refused", 422, "Card numbers are not accepted",
                    "the request carries what looks like a full card number; card payments carry only the amount, "
                            + "the auth code, the terminal reference and the last four digits");
        }

        @Override
        public Map<String, Object> extensions() {
            return Map.of();
        }
    }
}
