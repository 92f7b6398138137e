package org.guitai.platform.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** A member excepted from the look may hold a long digit code; every other member is still looked at. */
class CardNumberGuardTest {

    /** Passes the Luhn check: a test card number. */
    private static final String CARD = "4111111111111111";
    /** An 18-digit WeChat Pay code that happens to pass the Luhn check too. */
    private static final String PAYMENT_CODE = "134567890123456721";

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void anExceptedMemberIsNotLookedAtOthersAre() {
        assertTrue(org.guitai.kernel.security.CardNumbers.containsCardNumber(PAYMENT_CODE), "the code this test needs passes Luhn");
        JsonObject mobile = json("{\"tender\":\"MOBILE\",\"paymentCode\":\"" + PAYMENT_CODE + "\"}");
        assertTrue(CardNumberGuard.carriesCardNumber(mobile), "without the exception the code would be refused");
        assertFalse(CardNumberGuard.carriesCardNumber(CardNumberGuard.without(mobile, new String[] {"paymentCode"})));

        JsonObject smuggled = json("{\"tender\":\"MOBILE\",\"paymentCode\":\"" + PAYMENT_CODE + "\",\"note\":\"" + CARD + "\"}");
        assertTrue(CardNumberGuard.carriesCardNumber(CardNumberGuard.without(smuggled, new String[] {"paymentCode"})));
        JsonObject asName = json("{\"" + CARD + "\":\"x\"}");
        assertTrue(CardNumberGuard.carriesCardNumber(CardNumberGuard.without(asName, new String[] {"paymentCode"})), "member names are looked at");
    }
}
