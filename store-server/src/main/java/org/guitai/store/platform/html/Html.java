package org.guitai.store.platform.html;

/** The few helpers the printable pages (slip, invoice, delivery note) need. */
public final class Html {

    private Html() {
    }

    public static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A complete page with print styles: A5-ish, black on white, no margins wasted. */
    public static String page(String title, String css, String body) {
        return """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head>
                <meta charset="UTF-8">
                <title>%s</title>
                <style>
                body { font: 14px/1.45 "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #000; margin: 1.5rem; }
                table { border-collapse: collapse; width: 100%%; }
                th, td { border: 1px solid #555; padding: .25rem .4rem; text-align: left; vertical-align: top; }
                .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
                .muted { color: #444; }
                .barcode { display: block; margin: .5rem 0; }
                @media print { body { margin: 0; } .no-print { display: none; } @page { margin: 12mm; } }
                %s
                </style>
                </head>
                <body>
                %s
                <p class="no-print"><button onclick="window.print()">打印 Print</button></p>
                </body>
                </html>
                """.formatted(escape(title), css, body);
    }
}
