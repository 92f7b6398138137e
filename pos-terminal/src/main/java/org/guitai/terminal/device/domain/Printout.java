package org.guitai.terminal.device.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document to put on the receipt printer: its text as the store wrote it, the code its barcode
 * carries (the slip or invoice number), and whether it is a copy, which the paper must then say.
 */
public record Printout(String title, String text, Optional<String> barcode, boolean copy) {

    /** What a copy says, in both languages, when the store's own text does not already. */
    public static final String COPY_MARK = "副本 COPY";

    public Printout {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(barcode, "barcode");
    }

    /**
     * A printable page of the store (the paid slip, the invoice) as receipt text: its title, its
     * table rows one to a line, its barcode's code from the image's {@code alt}; a copy when asked
     * for one or when the store marked the page 副本 (every print after the original is one).
     */
    public static Printout ofPage(String html, boolean copyAsked) {
        Matcher title = TITLE.matcher(html);
        Matcher code = BARCODE.matcher(html);
        String body = html.replaceAll("(?is)<head.*?</head>", "").replaceAll("(?is)<p class=\"no-print\".*?</p>", "")
                .replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("(?i)</(p|h[1-6]|tr|div|li|thead|tbody|tfoot|table)>", "\n")
                .replaceAll("(?i)</t[dh]>", "  ").replaceAll("(?s)<[^>]*>", "");
        StringBuilder text = new StringBuilder();
        for (String line : unescape(body).split("\n")) {
            String kept = line.strip().replaceAll("[ \t]{3,}", "  ");
            if (!kept.isEmpty()) {
                text.append(kept).append('\n');
            }
        }
        return new Printout(title.find() ? unescape(title.group(1)).strip() : "", text.toString(),
                code.find() ? Optional.of(unescape(code.group(1))) : Optional.empty(), copyAsked || html.contains("副本"));
    }

    private static final Pattern TITLE = Pattern.compile("(?is)<title>(.*?)</title>");
    private static final Pattern BARCODE = Pattern.compile("(?is)<img[^>]*class=\"barcode\"[^>]*alt=\"([^\"]*)\"");

    private static String unescape(String html) {
        Matcher entity = Pattern.compile("&(#x?[0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp);").matcher(html);
        StringBuilder out = new StringBuilder();
        while (entity.find()) {
            String e = entity.group(1);
            String c = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> " ";
                default -> new String(Character.toChars(e.startsWith("#x") || e.startsWith("#X")
                        ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1))));
            };
            entity.appendReplacement(out, Matcher.quoteReplacement(c));
        }
        entity.appendTail(out);
        return out.toString();
    }

    /** The text that goes on paper: a copy is marked at its top unless the store marked it already. */
    public String paperText() {
        String body = text.endsWith("\n") ? text : text + "\n";
        return copy && !text.contains("副本") ? "*** " + COPY_MARK + " ***\n" + body : body;
    }
}
