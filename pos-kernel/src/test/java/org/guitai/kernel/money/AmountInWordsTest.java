package org.guitai.kernel.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountInWordsTest {

    /**
     * Published examples: worked figure → uppercase pairs taken from the sources named in the comments,
     * written in the convention of DESIGN.md ("Money rules"). Where a source uses another character
     * (圆 for 元, 正 for 整, traditional characters) or offers two forms of which the convention uses one,
     * the comment says what the source writes. Examples a source gives that break the convention are left out.
     */
    @ParameterizedTest(name = "published: {0} -> {1}")
    @CsvSource({
            // 中国人民银行《支付结算办法》附一《正确填写票据和结算凭证的基本规定》, 第四条 (the 0 rules), as
            // reproduced at http://ningxialong.com/c/091OX4T2022_5.html
            "1409.50, 壹仟肆佰零玖元伍角",
            "6007.14, 陆仟零柒元壹角肆分",
            // the source allows 壹仟陆佰捌拾元零叁角贰分 or 壹仟陆佰捌拾元叁角贰分; the convention writes no 零 before 角
            "1680.32, 壹仟陆佰捌拾元叁角贰分",
            // the source allows 壹拾万柒仟元零伍角叁分 or 壹拾万零柒仟元伍角叁分; the convention writes 零 across 万
            "107000.53, 壹拾万零柒仟元伍角叁分",
            "16409.02, 壹万陆仟肆佰零玖元零贰分",
            "325.04, 叁佰贰拾伍元零肆分",

            // codingfishman/chinese-currency-formatter, spec/index-spec.js (it writes 圆 for 元),
            // https://github.com/codingfishman/chinese-currency-formatter/blob/master/spec/index-spec.js
            "987650321.46, 玖亿捌仟柒佰陆拾伍万零叁佰贰拾壹元肆角陆分",
            "0.12, 壹角贰分",
            "987, 玖佰捌拾柒元整",
            "654.28, 陆佰伍拾肆元贰角捌分",
            "986768584978.88, 玖仟捌佰陆拾柒亿陆仟捌佰伍拾捌万肆仟玖佰柒拾捌元捌角捌分",
            "10326.88, 壹万零叁佰贰拾陆元捌角捌分",
            "20030, 贰万零叁拾元整",
            "40005, 肆万零伍元整",
            "205000, 贰拾万零伍仟元整",
            "215000, 贰拾壹万伍仟元整",
            "210600.11, 贰拾壹万零陆佰元壹角壹分",
            "3529806.22, 叁佰伍拾贰万玖仟捌佰零陆元贰角贰分",
            "43529806.99, 肆仟叁佰伍拾贰万玖仟捌佰零陆元玖角玖分",
            "943529806.99, 玖亿肆仟叁佰伍拾贰万玖仟捌佰零陆元玖角玖分",
            "1043529806.99, 壹拾亿零肆仟叁佰伍拾贰万玖仟捌佰零陆元玖角玖分",
            "2143529806.99, 贰拾壹亿肆仟叁佰伍拾贰万玖仟捌佰零陆元玖角玖分",

            // michaellyu/rmb-x (npm rmb-x), test/test.js and README.md,
            // https://github.com/michaellyu/rmb-x/blob/master/test/test.js
            // (its 10^16 → 壹万万亿元整 is not the convention's 壹亿亿元整 and is left out)
            "0.1, 壹角",
            "1.1, 壹元壹角",
            "10.01, 壹拾元零壹分",
            "100.01, 壹佰元零壹分",
            "1001.11, 壹仟零壹元壹角壹分",
            "210, 贰佰壹拾元整",
            "43210, 肆万叁仟贰佰壹拾元整",
            "6543210, 陆佰伍拾肆万叁仟贰佰壹拾元整",
            "9876543210, 玖拾捌亿柒仟陆佰伍拾肆万叁仟贰佰壹拾元整",
            "109876543210, 壹仟零玖拾捌亿柒仟陆佰伍拾肆万叁仟贰佰壹拾元整",
            "1009876543210, 壹万零玖拾捌亿柒仟陆佰伍拾肆万叁仟贰佰壹拾元整",
            "4321009876543210, 肆仟叁佰贰拾壹万零玖拾捌亿柒仟陆佰伍拾肆万叁仟贰佰壹拾元整",
            "1000000000, 壹拾亿元整",
            "1000000000000, 壹万亿元整",
            "10000000000000, 壹拾万亿元整",
            "1000000000000000, 壹仟万亿元整",

            // rosbit/cn-amount-capitalizer, README.md (it writes 圆 for 元),
            // https://github.com/rosbit/cn-amount-capitalizer
            "435235324532.00, 肆仟叁佰伍拾贰亿叁仟伍佰叁拾贰万肆仟伍佰叁拾贰元整",
            "100.02, 壹佰元零贰分",
            "10100.02, 壹万零壹佰元零贰分",
            "340210100.02, 叁亿肆仟零贰拾壹万零壹佰元零贰分",
            "3400000000.02, 叁拾肆亿元零贰分",
            "19800.00, 壹万玖仟捌佰元整",
            "2980.00, 贰仟玖佰捌拾元整",
            "500200.00, 伍拾万零贰佰元整",
            "103.00, 壹佰零叁元整",

            // 九九百科網《支票大寫金額的填寫規則》 (traditional characters), https://jjbkw.com/jingyan/xeo3jr.html
            "289546.52, 贰拾捌万玖仟伍佰肆拾陆元伍角贰分",
            // the source says the 零 in 柒仟伍佰陆拾元零叁角壹分 may be written or not; the convention does not write it
            "7560.31, 柒仟伍佰陆拾元叁角壹分",
            // the source writes 伍佰叁拾贰元正 and says 整 may be written for 正
            "532.00, 伍佰叁拾贰元整",
            "425.03, 肆佰贰拾伍元零叁分",
            "325.20, 叁佰贰拾伍元贰角",

            // lime-shared capitalizedAmount, https://limeui.familyzone.top/shared/capitalizedAmount.html
            "123456789.12, 壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分",
            "1004.5, 壹仟零肆元伍角",
            "0.45, 肆角伍分",
            // the source writes 壹万贰仟叁佰肆拾伍元陆角整; the convention writes nothing after 角
            "12345.6, 壹万贰仟叁佰肆拾伍元陆角",

            // dxrmb (npm), https://classic.yarnpkg.com/en/package/dxrmb
            "456789.23, 肆拾伍万陆仟柒佰捌拾玖元贰角叁分",
    })
    void writesThePublishedExamples(BigDecimal amount, String words) {
        assertEquals(words, AmountInWords.of(amount));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // DESIGN.md's own examples
            "107000.00, 壹拾万零柒仟元整",
            "10001000.00, 壹仟万零壹仟元整",
            "0.53, 伍角叁分",
            // ten, inner and trailing zeros
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
            "1001234.00, 壹佰万零壹仟贰佰叁拾肆元整",
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
            // the part above 亿 ends in 0, the part below has no leading zero: still one 零 between
            "1012345678.00, 壹拾亿零壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元整",
            "20000000.03, 贰仟万元零叁分",
            "30005000.50, 叁仟万零伍仟元伍角",
            "999999999999.99, 玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
            // from 10^12 the part above 亿 is itself written with 万: 10^12 is 壹万亿
            "1000000000000.00, 壹万亿元整",
            "1000000000001.00, 壹万亿零壹元整",
            "1000000000000.01, 壹万亿元零壹分",
            "1000000010000.00, 壹万亿零壹万元整",
            "1000100000000.00, 壹万零壹亿元整",
            "1010000000000.00, 壹万零壹佰亿元整",
            "1234567890123.45, 壹万贰仟叁佰肆拾伍亿陆仟柒佰捌拾玖万零壹佰贰拾叁元肆角伍分",
            "9999999999999.00, 玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元整",
            "100000000000000.00, 壹佰万亿元整",
            "9999999999999999.99, 玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
            // from 10^16 the part above 亿 reaches 亿 itself: 亿亿
            "10000000000000000.00, 壹亿亿元整",
            "10000000000000001.00, 壹亿亿零壹元整",
            "10000000100000000.00, 壹亿零壹亿元整",
            "12345678900000000.00, 壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖亿元整",
            // the largest amount a DECIMAL(19,2) column holds
            "99999999999999999.99, 玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
            "-99999999999999999.99, 负玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
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
