package org.guitai.store.shift.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ErrorLevelTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0.00, NONE", "-0.00, NONE", "0.01, LEVEL_1", "-0.01, LEVEL_1",
            "199.99, LEVEL_1", "-199.99, LEVEL_1", "200.00, LEVEL_2", "-200.00, LEVEL_2",
            "999.99, LEVEL_2", "-999.99, LEVEL_2", "1000.00, LEVEL_3", "-1000.00, LEVEL_3",
            "2999.99, LEVEL_3", "-2999.99, LEVEL_3", "3000.00, MAJOR", "-3000.00, MAJOR", "125000.00, MAJOR"})
    void gradesTheDifferenceOnItsAbsoluteValue(String difference, ErrorLevel expected) {
        assertEquals(expected, ErrorLevel.of(new BigDecimal(difference)));
        assertEquals(expected, ErrorLevel.of(new BigDecimal(difference), 1), "a first violation is graded on its amount alone");
    }

    @ParameterizedTest(name = "{0} as violation {1} -> {2}")
    @CsvSource({
            "5.00, 1, LEVEL_1", "5.00, 2, LEVEL_1", "5.00, 3, LEVEL_2", "5.00, 4, LEVEL_2", "5.00, 5, LEVEL_3", "-5.00, 9, LEVEL_3",
            "500.00, 3, LEVEL_2", "500.00, 5, LEVEL_3", "1500.00, 3, LEVEL_3", "3000.00, 5, MAJOR", "0.00, 7, NONE"})
    void aRepeatedViolationIsGradedAtLeastAsTheRepeatRuleSays(String difference, int violation, ErrorLevel expected) {
        assertEquals(expected, ErrorLevel.of(new BigDecimal(difference), violation));
    }

    @Test
    void noDifferenceIsNoViolation() {
        assertFalse(ErrorLevel.NONE.isViolation());
        assertThrows(IllegalArgumentException.class, () -> ErrorLevel.of(new BigDecimal("1.00"), 0));
    }
}
