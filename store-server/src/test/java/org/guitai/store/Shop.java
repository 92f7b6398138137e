package org.guitai.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.guitai.kernel.testing.JsonHttp;
import org.guitai.kernel.testing.JsonHttp.Answer;
import org.guitai.kernel.testing.TestDatabase;

/** The store under test as the counter sees it: logins and the steps of a sale, plus a look into its database. */
final class Shop {

    /** E00002: 电饭煲 美的 MB-FB40S701 3L 小容量, 279.00, 13 %. */
    static final String RICE_COOKER = "6910384000029";
    /** E00001: 电饭煲 美的 MB-HS4075 4L IH加热, 639.00. */
    static final String BIG_RICE_COOKER = "6910384000012";
    /** A valid EAN-13 that is not in the catalog. */
    static final String NOT_IN_CATALOG = "4006381333931";

    private final JsonHttp api;

    Shop(URL base) {
        try {
            this.api = new JsonHttp(base.toURI().resolve("api/"));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonHttp api() {
        return api;
    }

    /** Logged in at the terminal; at T1, where the tests sell, with a shift open there. */
    JsonHttp login(String staff, String pin, String terminal) {
        Answer login = api.post("sessions", Json.createObjectBuilder().add("terminalId", terminal).add("staffCode", staff).add("pin", pin).build());
        assertEquals(201, login.status(), login::toString);
        JsonHttp session = api.as(login.json().getString("token"));
        if (terminal.equals("T1")) {
            ensureOpenShift(session, "T1");
        }
        return session;
    }

    /** Opens a shift at the session's terminal with a float of 500.00 unless one is open there. */
    static void ensureOpenShift(JsonHttp session, String terminal) {
        Answer open = session.get("shifts?status=OPEN&terminalId=" + terminal);
        assertEquals(200, open.status(), open::toString);
        if (open.array().isEmpty()) {
            Answer opened = session.post("shifts", "{\"id\":\"" + UUID.randomUUID() + "\",\"terminalId\":\"" + terminal
                    + "\",\"float\":[{\"denomination\":\"100\",\"count\":5}]}");
            assertEquals(201, opened.status(), opened::toString);
        }
    }

    JsonHttp cashier() {
        return login("C001", "2468", "T1");
    }

    JsonHttp manager() {
        return login("M001", "1357", "T1");
    }

    /** A manager's approval at T1 for the action on the sale. */
    String approval(JsonHttp requester, String action, String saleId) {
        var body = Json.createObjectBuilder().add("staffCode", "M001").add("pin", "1357").add("action", action);
        if (saleId != null) {
            body.add("saleId", saleId);
        }
        Answer granted = requester.post("approvals", body.build());
        assertEquals(201, granted.status(), granted::toString);
        return granted.json().getString("approvalId");
    }

    static String openSale(JsonHttp cashier) {
        String saleId = UUID.randomUUID().toString();
        Answer opened = cashier.post("sales", "{\"id\":\"" + saleId + "\",\"terminalId\":\"T1\"}");
        assertEquals(201, opened.status(), opened::toString);
        return saleId;
    }

    static Answer addLine(JsonHttp cashier, String saleId, String barcode, String quantity) {
        return addLine(cashier, saleId, barcode, quantity, "");
    }

    /** {@code extra} are more members of the request, e.g. {@code ,"unitPrice":"250.00"}. */
    static Answer addLine(JsonHttp cashier, String saleId, String barcode, String quantity, String extra) {
        return cashier.post("sales/" + saleId + "/lines",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"barcode\":\"" + barcode + "\",\"quantity\":\"" + quantity + "\"" + extra + "}");
    }

    static String confirmedSale(JsonHttp cashier, String barcode, String quantity) {
        String saleId = openSale(cashier);
        Answer line = addLine(cashier, saleId, barcode, quantity);
        assertEquals(201, line.status(), line::toString);
        Answer confirmed = cashier.post("sales/" + saleId + "/confirm");
        assertEquals(200, confirmed.status(), confirmed::toString);
        return saleId;
    }

    static String cash(String amountDue, String counted) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"tender\":\"CASH\",\"amountDue\":\"" + amountDue + "\",\"counted\":" + counted + "}";
    }

    static String check(String paymentId, String amount, String checkNumber, String bank) {
        return "{\"id\":\"" + paymentId + "\",\"tender\":\"CHECK\",\"amount\":\"" + amount + "\",\"checkNumber\":\"" + checkNumber
                + "\",\"bank\":\"" + bank + "\"}";
    }

    static String mobile(String paymentId, String amount, String channel, String code) {
        return "{\"id\":\"" + paymentId + "\",\"tender\":\"MOBILE\",\"amount\":\"" + amount + "\",\"channel\":\"" + channel
                + "\",\"paymentCode\":\"" + code + "\"}";
    }

    /**
     * A fresh WeChat Pay code (18 digits starting 13) ending in {@code lastDigit}, which the simulator
     * decides by (8 declines, 9 times out, else approves); with {@code likeACard} one that passes the
     * Luhn check as a card number would.
     */
    static String wechatCode(int lastDigit, boolean likeACard) {
        while (true) {
            String body = "13" + String.format("%015d", java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L));
            String code = body + lastDigit;
            if (passesLuhn(code) == likeACard) {
                return code;
            }
        }
    }

    /** A fresh Alipay code (18 digits starting 28) ending in {@code lastDigit}. */
    static String alipayCode(int lastDigit) {
        return "28" + String.format("%015d", java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L)) + lastDigit;
    }

    private static boolean passesLuhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /** Every text column of every table of the store's database that holds {@code text}, as table.column. */
    static List<String> textColumnsHolding(String text) {
        List<String> holding = new ArrayList<>();
        for (Map<String, Object> column : rows("select table_name t, column_name c from information_schema.columns where table_schema = database() "
                + "and data_type in ('char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext', 'json', 'blob', 'longblob')")) {
            String table = (String) column.get("t");
            String name = (String) column.get("c");
            if (count("select count(*) from `" + table + "` where `" + name + "` like ?", "%" + text + "%") > 0) {
                holding.add(table + "." + name);
            }
        }
        return holding;
    }

    /** A confirmed sale of one rice cooker, paid in cash: PAID with a slip. */
    static JsonObject paidSale(JsonHttp cashier) {
        String saleId = confirmedSale(cashier, RICE_COOKER, "1");
        Answer paid = cashier.post("sales/" + saleId + "/payments", cash("279.00", "[{\"denomination\":\"100\",\"count\":3}]"));
        assertEquals(201, paid.status(), paid::toString);
        JsonObject sale = paid.json().getJsonObject("sale");
        assertEquals("PAID", sale.getString("status"));
        return sale;
    }

    static Answer expect(int status, Answer answer) {
        assertEquals(status, answer.status(), answer::toString);
        return answer;
    }

    static void assertProblem(int status, String slug, Answer answer) {
        assertProblem(status, slug, answer, "");
    }

    static void assertProblem(int status, String slug, Answer answer, String why) {
        assertEquals(status, answer.status(), () -> why + " " + answer);
        assertTrue(answer.isProblem(), () -> why + " " + answer);
        assertEquals("urn:guitai:problem:" + slug, answer.json().getString("type"), () -> why + " " + answer);
    }

    static long count(String sql, Object... parameters) {
        return TestDatabase.get().count(sql, parameters);
    }

    /** The rows a query finds, each as its columns (lower case) and values in the order of the query. */
    static List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection c = TestDatabase.get().connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                ResultSetMetaData columns = r.getMetaData();
                while (r.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        row.put(columns.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), r.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void execute(String sql, Object... parameters) throws SQLException {
        try (Connection c = TestDatabase.get().connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    /** The text of the Code 128 barcode in a PNG, as a scanner reads it. */
    static String decodeCode128(byte[] png) throws IOException, NotFoundException {
        var image = ImageIO.read(new ByteArrayInputStream(png));
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE,
                DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.CODE_128))).getText();
    }
}
