package org.guitai.kernel.csv;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the sample and import files: RFC 4180 CSV in UTF-8 with a header row; fields may be quoted
 * ({@code "a, b"}, {@code ""} for a quote); lines starting with {@code #} are comments.
 */
public final class Csv {

    private Csv() {
    }

    /** One row by header name, with the line it came from for error messages. */
    public record Row(int line, Map<String, String> fields) {

        public String get(String column) {
            String value = fields.get(column);
            if (value == null) {
                throw new IllegalArgumentException("line " + line + ": no column '" + column + "'");
            }
            return value.trim();
        }

        /**
         * A set of constants written {@code A|B} (roles, say).
         *
         * @throws IllegalArgumentException naming the column and the constants allowed
         */
        public <E extends Enum<E>> Set<E> constants(String column, Class<E> type) {
            Set<E> found = EnumSet.noneOf(type);
            for (String name : get(column).split("\\|")) {
                try {
                    found.add(Enum.valueOf(type, name.trim()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(column + " '" + get(column) + "': expected some of "
                            + Arrays.toString(type.getEnumConstants()) + " separated by |");
                }
            }
            return found;
        }

        /** A problem with this row, told with the file's name and the row's line. */
        public IllegalStateException problem(Path file, String message) {
            return new IllegalStateException(file + " line " + line + ": " + message);
        }
    }

    /**
     * Runs the import of one file; a problem its rows report as IllegalArgumentException (a
     * missing column, a row of the wrong width) is told with the file's name.
     */
    public static <T> T importing(Path file, Function<Path, T> importer) {
        try {
            return importer.apply(file);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " " + e.getMessage(), e);
        }
    }

    /** The rows of a file that may be absent (an import folder needs not hold every file): none then. */
    public static List<Row> readIfPresent(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return read(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file, e);
        }
    }

    public static List<Row> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader);
        }
    }

    public static List<Row> parse(Reader reader) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int recordLine = 1;
        int c;
        while ((c = reader.read()) != -1) {
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    reader.mark(1);
                    int next = reader.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            reader.reset();
                        }
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r') {
                    reader.mark(1);
                    if (reader.read() != '\n') {
                        reader.reset();
                    }
                }
                endRecord(records, lines, record, field, recordLine);
                record = new ArrayList<>();
                fieldStarted = false;
                line++;
                recordLine = line;
            } else {
                field.append(ch);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("line " + recordLine + ": a quoted field is not closed");
        }
        endRecord(records, lines, record, field, recordLine);
        if (records.isEmpty()) {
            return List.of();
        }
        List<String> header = records.get(0).stream().map(String::trim).toList();
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> values = records.get(i);
            if (values.size() != header.size()) {
                throw new IllegalArgumentException("line " + lines.get(i) + ": " + values.size() + " fields, the header has " + header.size());
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (int j = 0; j < header.size(); j++) {
                fields.put(header.get(j), values.get(j));
            }
            rows.add(new Row(lines.get(i), fields));
        }
        return rows;
    }

    private static void endRecord(List<List<String>> records, List<Integer> lines, List<String> record, StringBuilder field, int line) {
        record.add(field.toString());
        field.setLength(0);
        boolean blank = record.size() == 1 && record.get(0).isBlank();
        boolean comment = !record.isEmpty() && record.get(0).startsWith("#");
        if (!blank && !comment) {
            records.add(record);
            lines.add(line);
        }
    }
}
