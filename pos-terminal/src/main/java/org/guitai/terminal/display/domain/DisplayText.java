package org.guitai.terminal.display.domain;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words the customer reads, in the cashier's language: the page facing the customer shows a
 * title, the lines and the figures; the two-line customer display (20 columns, a Chinese character
 * taking two) shows the same, cut to fit. Both come from here so that they never disagree.
 */
public final class DisplayText {

    /** Columns of a customer line display, the common 2×20 pole display. */
    public static final int COLUMNS = 20;

    public record Row(String label, String value) {
    }

    /** What the customer sees: the page's title and subtitle, its column heads, lines and rows, and the line display's two lines. */
    public record Shown(String language, String title, String subtitle, List<String> heads, List<CustomerView.Item> items, List<Row> rows,
                        List<String> lineDisplay) {
    }

    private DisplayText() {
    }

    /** @param language {@code zh-CN} (the default) or {@code en} */
    public static Shown of(CustomerView view, String language) {
        String lang = "en".equalsIgnoreCase(language) ? "en" : "zh-CN";
        ResourceBundle words = ResourceBundle.getBundle(DisplayText.class.getPackageName() + ".display",
                lang.equals("en") ? Locale.ROOT : Locale.SIMPLIFIED_CHINESE, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        List<Row> rows = new ArrayList<>();
        view.total().ifPresent(t -> rows.add(new Row(words.getString("total"), money(t))));
        view.received().ifPresent(r -> rows.add(new Row(words.getString("received"), money(r))));
        view.change().ifPresent(c -> rows.add(new Row(words.getString("change"), money(c))));
        List<String> heads = List.of(words.getString("item"), words.getString("quantity"), words.getString("amount"));
        return switch (view.phase()) {
            case IDLE -> new Shown(lang, words.getString("welcome"), words.getString("welcome.sub"), heads, List.of(), List.of(),
                    List.of(fit(words.getString("welcome")), fit(words.getString("welcome.sub"))));
            case ORDER -> new Shown(lang, words.getString("items"), "", heads, view.items(), rows, List.of(
                    view.items().isEmpty() ? fit(words.getString("welcome"))
                            : spread(last(view).name() + " ×" + last(view).quantity(), money(last(view).amount())),
                    view.total().map(t -> spread(words.getString("total"), money(t))).orElse("")));
            case PAID -> new Shown(lang, view.announcement().orElse(words.getString("items")), "", heads, view.items(), rows, List.of(
                    view.received().map(r -> spread(words.getString("received"), money(r)))
                            .orElseGet(() -> view.total().map(t -> spread(words.getString("total"), money(t))).orElse("")),
                    view.change().map(c -> spread(words.getString("change"), money(c))).orElse("")));
            case THANKS -> new Shown(lang, words.getString("thanks"), "", heads, List.of(), rows,
                    List.of(fit(words.getString("thanks")), view.change().map(c -> spread(words.getString("change"), money(c))).orElse("")));
        };
    }

    private static CustomerView.Item last(CustomerView view) {
        return view.items().get(view.items().size() - 1);
    }

    /** {@code ¥1,234.50}: the store's figure with its two decimals, grouped by thousands. */
    static String money(String amount) {
        DecimalFormat format = new DecimalFormat("¥#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setParseBigDecimal(true);
        return format.format(new BigDecimal(amount));
    }

    /** The label at the left and the value at the right of one display line; the label gives way first. */
    static String spread(String label, String value) {
        int room = COLUMNS - width(value) - 1;
        if (room < 0) {
            return cut(value, COLUMNS);
        }
        String left = cut(label, room);
        return left + " ".repeat(COLUMNS - width(left) - width(value)) + value;
    }

    /** The text cut to the display's width. */
    static String fit(String text) {
        return cut(text, COLUMNS);
    }

    private static String cut(String text, int columns) {
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int w = columns(cp);
            if (used + w > columns) {
                break;
            }
            kept.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return kept.toString();
    }

    /** Columns a text takes on a display where CJK characters and full-width forms take two. */
    static int width(String text) {
        return text.codePoints().map(DisplayText::columns).sum();
    }

    private static int columns(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        boolean wide = script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || (codePoint >= 0x3000 && codePoint <= 0x303F) || (codePoint >= 0xFF01 && codePoint <= 0xFF60)
                || (codePoint >= 0xFFE0 && codePoint <= 0xFFE6);
        return wide ? 2 : 1;
    }
}
