package org.guitai.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The archive an operator copies to a server holds exactly the folder the build assembled (which
 * ComponentIT runs), under one top folder, with bin/guitai executable.
 */
class DistributionIT {

    @Test
    void theArchiveHoldsTheFolderUnderOneTopFolderWithTheLauncherExecutable() throws IOException {
        Path folder = Distribution.located().home();
        Path archive = Path.of(System.getProperty("guitai.archive"));
        String top = archive.getFileName().toString().replaceFirst("\\.tar\\.gz$", "") + "/";

        Map<String, Entry> entries = entries(archive);
        assertTrue(entries.keySet().stream().allMatch(name -> name.startsWith(top)), () -> "not all under " + top + ": " + entries.keySet());
        Map<String, Long> inArchive = entries.entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().substring(top.length()), e -> e.getValue().size(), (a, b) -> a, TreeMap::new));
        Map<String, Long> inFolder = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                inFolder.put(folder.relativize(file).toString(), Files.size(file));
            }
        }
        assertEquals(inFolder, inArchive);
        assertTrue(inFolder.keySet().containsAll(List.of("bin/guitai", "wars/hq-server.war", "wars/store-server.war",
                "wars/pos-terminal.war", "runtime/payara-micro.jar", "runtime/mariadb-java-client.jar", "config/store/store.properties")),
                inFolder::toString);
        assertEquals(0755, entries.get(top + "bin/guitai").mode() & 0777, "bin/guitai in the archive is executable");
        assertTrue(Files.isExecutable(folder.resolve("bin/guitai")), "bin/guitai in the folder is executable");
    }

    private record Entry(int mode, long size) {
    }

    /** The regular files of a .tar.gz (ustar, with pax or GNU long names), by name. */
    private static Map<String, Entry> entries(Path archive) throws IOException {
        Map<String, Entry> entries = new TreeMap<>();
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive)), 1 << 16)) {
            String longName = null;
            while (true) {
                byte[] header = in.readNBytes(512);
                if (header.length < 512 || header[0] == 0) {
                    return entries;
                }
                long size = octal(header, 124, 12);
                byte type = header[156];
                String name = text(header, 0, 100);
                String prefix = text(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                long padded = (size + 511) / 512 * 512;
                if (type == 'x' || type == 'L') {
                    String data = new String(in.readNBytes((int) size), StandardCharsets.UTF_8);
                    in.skipNBytes(padded - size);
                    longName = type == 'L' ? data.replace("\0", "") : data.lines()
                            .map(record -> record.substring(record.indexOf(' ') + 1))
                            .filter(record -> record.startsWith("path=")).map(record -> record.substring(5)).findFirst().orElse(null);
                    continue;
                }
                if (longName != null) {
                    name = longName;
                    longName = null;
                }
                if (type == '0' || type == 0) {
                    entries.put(name, new Entry((int) octal(header, 100, 8), size));
                }
                in.skipNBytes(padded);
            }
        }
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int offset, int length) {
        String digits = text(header, offset, length).trim();
        return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
    }
}
