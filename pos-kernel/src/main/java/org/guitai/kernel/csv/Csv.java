package org.guitai.kernel.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads the sample and import files: RFC 4180 CSV in UTF-8 (a byte-order mark is skipped) with a
 * header row; fields may be quoted ({@code "a, b"}, {@code ""} for a quote, line breaks inside
 * quotes); spaces around a field are not part of it; blank lines and lines starting with {@code #}
 * are skipped. Parsing is Apache Commons CSV's; this class adds what an import needs on top: the
 * line of each row for error messages, one width for every row, and named columns.
 */
public final class Csv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            // checked below with messages an operator can act on
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
            .setAllowMissingColumnNames(true)
            .get();

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
     * missing column, a row of the wrong width, a malformed quote) is told with the file's name.
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
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static List<Row> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader);
        }
    }

    /**
     * The rows after the header, each with its first line.
     *
     * @throws IllegalArgumentException naming the line of a malformed field, a row of another width than
     *                                  the header, or a header with a blank or repeated name
     */
    public static List<Row> parse(Reader reader) throws IOException {
        Reader in = reader.markSupported() ? reader : new BufferedReader(reader);
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
        try (CSVParser parser = FORMAT.parse(in)) {
            List<String> header = parser.getHeaderNames();
            checkHeader(header, firstLine(parser.getCurrentLineNumber(), header));
            List<Row> rows = new ArrayList<>();
            Iterator<CSVRecord> records = parser.iterator();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                List<String> values = record.toList();
                // the parser has read the record's last line (its line break, or the end of the text)
                int line = firstLine(parser.getCurrentLineNumber(), values);
                if (values.size() == 1 && values.get(0).isBlank()) {
                    continue;
                }
                if (values.size() != header.size()) {
                    throw new IllegalArgumentException("line " + line + ": " + values.size() + " fields, the header has " + header.size());
                }
                rows.add(new Row(line, record.toMap()));
            }
            return rows;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CSVException malformed) {
                throw notCsv(malformed);
            }
            throw e;
        } catch (CSVException e) {
            throw notCsv(e);
        }
    }

    private static void checkHeader(List<String> header, int line) {
        Set<String> seen = new HashSet<>();
        for (String name : header) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("line " + line + ": the header " + header + " has a column without a name");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("line " + line + ": the header names column '" + name + "' twice");
            }
        }
    }

    /** The first line of a record whose last line is {@code lastLine}: less the line breaks inside its quoted fields. */
    private static int firstLine(long lastLine, List<String> values) {
        long breaks = 0;
        for (String value : values) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                // counted as the parser's reader counts them: CR LF is one break
                if (c == '\r' || (c == '\n' && (i == 0 || value.charAt(i - 1) != '\r'))) {
                    breaks++;
                }
            }
        }
        return Math.toIntExact(lastLine - breaks);
    }

    /** Commons CSV's own message names the line: an unclosed quote, text after a closing quote. */
    private static IllegalArgumentException notCsv(CSVException e) {
        return new IllegalArgumentException("is not valid CSV: " + e.getMessage(), e);
    }
}
