package org.guitai.kernel.barcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Ean13Test {

    @ParameterizedTest
    @ValueSource(strings = {"4006381333931", "6901234567892", "9780306406157", "5901234123457", "0000000000000"})
    void acceptsPublishedBarcodes(String barcode) {
        assertTrue(Ean13.isValid(barcode));
        assertEquals(barcode, new Ean13(barcode).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"4006381333932", "690123456789", "69012345678921", "690123456789X", ""})
    void refusesWrongCheckDigitsAndShapes(String barcode) {
        assertFalse(Ean13.isValid(barcode));
        assertThrows(IllegalArgumentException.class, () -> new Ean13(barcode));
    }

    @Test
    void completesTwelveDigits() {
        assertEquals("6901234567892", Ean13.complete("690123456789").value());
        assertEquals(7, Ean13.checkDigit("590123412345"));
    }
}
