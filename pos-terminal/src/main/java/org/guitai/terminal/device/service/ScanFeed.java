package org.guitai.terminal.device.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The labels the counter's scanner read, numbered in order, for the cashier's page to take into
 * its scan field: it asks for those after the last number it took. The last few hundred are kept.
 */
public final class ScanFeed {

    private static final int KEPT = 200;

    /** One label as read: its number in this feed, its text, its JavaPOS symbology code, when. */
    public record Scan(long seq, String data, int type, Instant at) {
    }

    private final Clock clock;
    private final Deque<Scan> scans = new ArrayDeque<>();
    private long last;

    public ScanFeed(Clock clock) {
        this.clock = clock;
    }

    public synchronized Scan add(String data, int type) {
        Scan scan = new Scan(++last, data, type, clock.instant());
        scans.addLast(scan);
        while (scans.size() > KEPT) {
            scans.removeFirst();
        }
        return scan;
    }

    /** The labels read after number {@code seq}, oldest first; all kept ones for a negative number. */
    public synchronized List<Scan> after(long seq) {
        return scans.stream().filter(s -> s.seq() > seq).toList();
    }

    /** The number of the last label read, 0 before the first. */
    public synchronized long last() {
        return last;
    }
}
