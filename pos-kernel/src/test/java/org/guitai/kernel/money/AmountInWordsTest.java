package org.guitai.kernel.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountInWordsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // the People's Bank of China worked examples (支付结算办法), with the always-零 convention of DESIGN.md
            "1409.50, 壹仟肆佰零玖元伍角",
            "6007.14, 陆仟零柒元壹角肆分",
            "1680.32, 壹仟陆佰捌拾元叁角贰分",
            "107000.53, 壹拾万零柒仟元伍角叁分",
            "16409.02, 壹万陆仟肆佰零玖元零贰分",
            "325.04, 叁佰贰拾伍元零肆分",
            // DESIGN.md's own examples
            "107000.00, 壹拾万零柒仟元整",
            "10001000.00, 壹仟万零壹仟元整",
            "0.53, 伍角叁分",
            // textbook cases: ten, inner and trailing zeros
            "1.00, 壹元整",
            "10.00, 壹拾元整",
            "15.00, 壹拾伍元整",
            "12.34, 壹拾贰元叁角肆分",
            "100.00, 壹佰元整",
            "105.00, 壹佰零伍元整",
            "200.07, 贰佰元零柒分",
            "1000.00, 壹仟元整",
            "1001.00, 壹仟零壹元整",
            "1010.00, 壹仟零壹拾元整",
            "1000.01, 壹仟元零壹分",
            "1020.30, 壹仟零贰拾元叁角",
            "10000.00, 壹万元整",
            "100000.00, 壹拾万元整",
            "100010.00, 壹拾万零壹拾元整",
            // below one yuan
            "0.05, 伍分",
            "0.50, 伍角",
            "0.01, 壹分",
            // 万 and 亿 boundaries
            "9999.99, 玖仟玖佰玖拾玖元玖角玖分",
            "99999999.99, 玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
            "100000000.00, 壹亿元整",
            "100000001.00, 壹亿零壹元整",
            "100010000.00, 壹亿零壹万元整",
            "101000000.00, 壹亿零壹佰万元整",
            "20000000.03, 贰仟万元零叁分",
            "30005000.50, 叁仟万零伍仟元伍角",
            "1000000000000.00, 壹万亿元整",
            "1234567890123.45, 壹万亿贰仟叁佰肆拾伍亿陆仟柒佰捌拾玖万零壹佰贰拾叁元肆角伍分",
            "10000000000000000.00, 壹亿亿元整",
            // the largest amount a DECIMAL(19,2) column holds
            "99999999999999999.99, 玖亿亿玖仟玖佰玖拾玖万亿玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
            // zero and negatives
            "0, 零元整",
            "0.00, 零元整",
            "-12.50, 负壹拾贰元伍角",
            "-0.01, 负壹分",
            "-1409.50, 负壹仟肆佰零玖元伍角",
    })
    void writesTheAmountInUppercase(BigDecimal amount, String words) {
        assertEquals(words, AmountInWords.of(amount));
    }

    @Test
    void writesMoney() {
        assertEquals("壹佰贰拾叁元肆角伍分", AmountInWords.of(Money.of("123.45", "CNY")));
    }

    @Test
    void refusesFractionsOfAFen() {
        assertThrows(IllegalArgumentException.class, () -> AmountInWords.of(new BigDecimal("0.001")));
    }

    @Test
    void acceptsTrailingZerosBeyondTheFen() {
        assertEquals("壹元整", AmountInWords.of(new BigDecimal("1.0000")));
    }

    @Test
    void refusesAmountsBeyondTheLargestColumn() {
        assertThrows(IllegalArgumentException.class, () -> AmountInWords.of(AmountInWords.LIMIT));
        assertThrows(IllegalArgumentException.class, () -> AmountInWords.of(AmountInWords.LIMIT.negate()));
    }
}
