package org.guitai.kernel.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"13800138000", "19912345678", "138 0013 8000", "010-12345678", "01012345678", "0755-1234567", "021-87654321"})
    void acceptsMainlandMobilesAndLandlines(String phone) {
        assertTrue(PhoneNumber.isValid(phone), phone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12800138000", "1380013800", "138001380001", "10-12345678", "010-123456", "+8613800138000", "abc", ""})
    void refusesTheRest(String phone) {
        assertFalse(PhoneNumber.isValid(phone), phone);
        assertThrows(IllegalArgumentException.class, () -> new PhoneNumber(phone));
    }

    @Test
    void keepsNoSpaces() {
        assertEquals("13800138000", new PhoneNumber("138 0013 8000").value());
        assertTrue(new PhoneNumber("13800138000").isMobile());
        assertFalse(new PhoneNumber("010-12345678").isMobile());
    }
}
