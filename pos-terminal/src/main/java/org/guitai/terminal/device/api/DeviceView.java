package org.guitai.terminal.device.api;

import java.util.List;
import org.guitai.terminal.device.service.ReceiptSpooler;

/**
 * One device of the counter as the screen shows it: {@code state} READY, ERROR (it cannot do its
 * work: a printer fault with jobs waiting) or UNAVAILABLE (it did not open), {@code error} the
 * reason when not READY; and what each kind adds: whether the drawer is open, the display's
 * lines, the printer's waiting jobs and last receipt, the scanner's last label number.
 * {@code simulated}: the simulator's controls apply to it.
 */
public record DeviceView(String logicalName, String category, String state, String error, boolean simulated,
                         Boolean drawerOpen,
                         List<String> lines,
                         Integer queuedJobs, List<ReceiptSpooler.Job> jobs, Long printed, String lastReceipt, String lastReceiptFile,
                         Long lastScan) {
}
