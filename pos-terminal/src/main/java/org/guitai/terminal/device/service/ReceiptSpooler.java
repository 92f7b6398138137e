package org.guitai.terminal.device.service;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import jpos.JposException;
import org.guitai.terminal.device.domain.PrinterFault;
import org.guitai.terminal.device.domain.Printout;

/**
 * The printer's queue: selling hands a job over and goes on, and one worker thread prints the jobs
 * in order. A job's document is fetched once (the store counts every fetch of a slip as a print),
 * then printed as one transaction; when the printer fails (paper out, cover open, off line) the job
 * waits at the head of the queue with the fault for the screen to show, and is tried again when the
 * printer reports it is back ({@link #wake()}) or after a while. A job leaves the queue only once
 * printed; a key (the sale's slip, an invoice number, a return's slip) is taken once, so nothing prints
 * twice; a document not final yet gives its key back ({@link NotYetException}).
 * A fetched document waits on disk (the spool folder) until printed, so a restart loses none; one
 * not yet fetched is fetched with its caller's token, which is kept in memory only.
 */
public final class ReceiptSpooler implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ReceiptSpooler.class.getName());
    /** Keys remembered after printing: far more than a day's receipts at one counter. */
    private static final int KEYS_KEPT = 5_000;

    /** Puts a document on the printer, whole or not at all. */
    @FunctionalInterface
    public interface Paper {
        void print(Printout printout) throws JposException;
    }

    /** A document the store refused to give (gone, not paid, not allowed): the job cannot ever print. */
    public static class RefusedException extends Exception {

        private static final long serialVersionUID = 1L;

        public RefusedException(String message) {
            super(message);
        }
    }

    /**
     * A document that is not final yet (a return slip while the return still owes the customer): the
     * job is dropped and its key freed, so the event that makes it final queues it again.
     */
    public static class NotYetException extends Exception {

        private static final long serialVersionUID = 1L;

        public NotYetException(String message) {
            super(message);
        }
    }

    /** A job as the screen shows it: what it prints, since when it waits, and why, if it failed. */
    public record Job(long id, String key, String what, Instant queuedAt, Optional<String> error) {
    }

    /** The printer's side of the queue for the screen. */
    public record Status(List<Job> waiting, Optional<PrinterFault> fault, Optional<String> error, long printed,
                         Optional<String> lastPrinted, List<Job> refused) {
    }

    private static final class Entry {
        final long id;
        final String key;
        final String what;
        final Instant queuedAt;
        final Callable<Printout> fetch;
        Printout printout;
        String error;
        /** Submitted again while it waited to be fetched: not final yet then means fetch it again, not drop it. */
        boolean askedAgain;

        Entry(long id, String key, String what, Instant queuedAt, Callable<Printout> fetch) {
            this.id = id;
            this.key = key;
            this.what = what;
            this.queuedAt = queuedAt;
            this.fetch = fetch;
        }

        Job view() {
            return new Job(id, key, what, queuedAt, Optional.ofNullable(error));
        }
    }

    private final Paper paper;
    private final Optional<Path> spool;
    private final Duration retry;
    private final Clock clock;
    private final Object lock = new Object();
    private final Deque<Entry> queue = new ArrayDeque<>();
    private final Set<String> keys = new LinkedHashSet<>();
    private final Deque<Job> refused = new ArrayDeque<>();
    private final Thread worker;
    private long nextId = 1;
    private long printed;
    private String lastPrinted;
    private PrinterFault fault;
    private String error;
    private boolean woken;
    private boolean closed;

    public ReceiptSpooler(Paper paper, ThreadFactory threads, Duration retry, Clock clock) {
        this(paper, Optional.empty(), threads, retry, clock);
    }

    /** @param spool the folder where fetched documents wait to print; those found there are queued first */
    public ReceiptSpooler(Paper paper, Optional<Path> spool, ThreadFactory threads, Duration retry, Clock clock) {
        this.paper = paper;
        this.spool = spool;
        this.retry = retry;
        this.clock = clock;
        spool.ifPresent(this::requeue);
        this.worker = threads.newThread(this::work);
        worker.setName("receipt-spooler");
        worker.start();
    }

    /**
     * Queues a document, fetched when its turn comes; false (and nothing queued) when this key was
     * queued before. Never waits for the printer.
     */
    public boolean submit(String key, String what, Callable<Printout> fetch) {
        synchronized (lock) {
            if (closed) {
                return false;
            }
            if (!keys.add(key)) {
                // the event that makes a document final may come while its job is being fetched and found not final yet
                queue.stream().filter(e -> e.key.equals(key) && e.printout == null).forEach(e -> e.askedAgain = true);
                return false;
            }
            if (keys.size() > KEYS_KEPT) {
                Iterator<String> oldest = keys.iterator();
                oldest.next();
                oldest.remove();
            }
            queue.addLast(new Entry(nextId++, key, what, clock.instant(), fetch));
            // a new document is fetched at once, even while the head waits for the printer
            woken = true;
            lock.notifyAll();
            return true;
        }
    }

    /** The printer says it is ready again: the waiting job is tried now. */
    public void wake() {
        synchronized (lock) {
            woken = true;
            lock.notifyAll();
        }
    }

    public Status status() {
        synchronized (lock) {
            return new Status(queue.stream().map(Entry::view).toList(), Optional.ofNullable(fault), Optional.ofNullable(error), printed,
                    Optional.ofNullable(lastPrinted), List.copyOf(refused));
        }
    }

    private void work() {
        while (true) {
            synchronized (lock) {
                while (!closed && queue.isEmpty()) {
                    waitOn(null);
                }
                if (closed) {
                    return;
                }
                woken = false;
            }
            // every document is fetched as soon as it can be (the caller's token is fresh), then the head printed
            fetchWaiting();
            Entry head;
            synchronized (lock) {
                head = queue.peekFirst();
            }
            if (head != null && (head.printout == null || !print(head))) {
                synchronized (lock) {
                    if (!woken && !closed) {
                        waitOn(retry);
                    }
                }
            }
        }
    }

    /** Fetches each queued document not fetched yet, in queue order, until the store does not answer. */
    private void fetchWaiting() {
        List<Entry> unfetched;
        synchronized (lock) {
            unfetched = queue.stream().filter(e -> e.printout == null).toList();
        }
        for (Entry entry : unfetched) {
            try {
                Printout printout = entry.fetch.call();
                synchronized (lock) {
                    entry.printout = printout;
                    entry.error = null;
                }
                keep(entry);
            } catch (NotYetException e) {
                LOG.fine(() -> "not printed yet, " + entry.what + ": " + e.getMessage());
                synchronized (lock) {
                    if (entry.askedAgain) {
                        // asked for again while this fetch ran: fetched once more, at once
                        entry.askedAgain = false;
                        woken = true;
                    } else {
                        queue.remove(entry);
                        keys.remove(entry.key);
                    }
                }
            } catch (RefusedException e) {
                LOG.warning(() -> "not printed, the store refused the document of " + entry.what + ": " + e.getMessage());
                synchronized (lock) {
                    queue.remove(entry);
                    entry.error = e.getMessage();
                    refused.addLast(entry.view());
                    while (refused.size() > 20) {
                        refused.removeFirst();
                    }
                }
            } catch (Exception e) {
                LOG.log(Level.FINE, "the document of " + entry.what + " could not be fetched yet", e);
                synchronized (lock) {
                    entry.error = "store-unreachable";
                    error = "the store did not give the document of " + entry.what + ": " + e.getMessage();
                }
                return;
            }
        }
    }

    /** One try at printing the head job; false when it must wait for the printer. */
    private boolean print(Entry entry) {
        try {
            paper.print(entry.printout);
        } catch (JposException e) {
            synchronized (lock) {
                fault = PrinterFault.of(e);
                error = e.getMessage();
                entry.error = fault.slug();
            }
            return false;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the printer failed on " + entry.what, e);
            synchronized (lock) {
                fault = PrinterFault.FAILURE;
                error = e.toString();
                entry.error = fault.slug();
            }
            return false;
        }
        forget(entry);
        synchronized (lock) {
            queue.remove(entry);
            printed++;
            lastPrinted = entry.what;
            fault = null;
            error = null;
        }
        return true;
    }

    // --- the spool folder: one properties file per fetched document, named to sort in queue order ---

    private Path fileOf(Entry entry) {
        return spool.orElseThrow().resolve(String.format("%016d-%08d.job", entry.queuedAt.toEpochMilli(), entry.id));
    }

    private void keep(Entry entry) {
        if (spool.isEmpty()) {
            return;
        }
        Properties job = new Properties();
        job.setProperty("key", entry.key);
        job.setProperty("what", entry.what);
        job.setProperty("queuedAt", entry.queuedAt.toString());
        job.setProperty("title", entry.printout.title());
        job.setProperty("text", entry.printout.text());
        entry.printout.barcode().ifPresent(b -> job.setProperty("barcode", b));
        job.setProperty("copy", Boolean.toString(entry.printout.copy()));
        Path file = fileOf(entry);
        try {
            Files.createDirectories(file.getParent());
            Path written = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(written, StandardCharsets.UTF_8)) {
                job.store(out, "a document waiting for the receipt printer");
            }
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "the document of " + entry.what + " waits in memory only: cannot write " + file, e);
        }
    }

    private void forget(Entry entry) {
        if (spool.isPresent()) {
            try {
                Files.deleteIfExists(fileOf(entry));
            } catch (IOException e) {
                LOG.log(Level.WARNING, "printed, but cannot remove its spool file: it would print again after a restart", e);
            }
        }
    }

    private void requeue(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".job")).sorted().toList();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot read the spool folder " + folder, e);
            return;
        }
        for (Path file : files) {
            Properties job = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                job.load(in);
                Entry entry = new Entry(nextId++, job.getProperty("key"), job.getProperty("what"), Instant.parse(job.getProperty("queuedAt")), null);
                entry.printout = new Printout(job.getProperty("title"), job.getProperty("text"),
                        Optional.ofNullable(job.getProperty("barcode")), Boolean.parseBoolean(job.getProperty("copy")));
                Files.move(file, fileOf(entry), StandardCopyOption.ATOMIC_MOVE);
                queue.addLast(entry);
                keys.add(entry.key);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "cannot take up the spooled document " + file, e);
            }
        }
        if (!queue.isEmpty()) {
            LOG.info(() -> queue.size() + " document(s) from before the restart wait for the printer");
        }
    }

    private void waitOn(Duration timeout) {
        try {
            lock.wait(timeout == null ? 0 : Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            closed = true;
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the worker; jobs still waiting are reported lost in the log (the store keeps every slip to print again). */
    @Override
    public void close() {
        List<String> left;
        synchronized (lock) {
            closed = true;
            left = new ArrayList<>(queue.stream().map(e -> e.what).toList());
            lock.notifyAll();
        }
        if (!left.isEmpty()) {
            LOG.warning(() -> "stopping with receipts not printed: " + left);
        }
        try {
            worker.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
