package org.guitai.terminal.display.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;
import org.guitai.terminal.display.domain.CustomerView;
import org.guitai.terminal.display.domain.DisplayText;

/**
 * The sale this counter's customer is looking at, as the cashier's screen last reported it. Each
 * report gets the next version, so that a display asking "anything after version n?" can tell.
 * It lives in memory: after a restart the display greets, as it would between customers.
 */
@ApplicationScoped
public class CustomerDisplay {

    /** What is shown, at which version, in which language. */
    public record Current(long version, CustomerView view, String language) {

        public DisplayText.Shown shown() {
            return DisplayText.of(view, language);
        }
    }

    private final AtomicReference<Current> current = new AtomicReference<>(new Current(0, CustomerView.idle(), "zh-CN"));

    public Current show(CustomerView view, String language) {
        return current.updateAndGet(c -> new Current(c.version() + 1, view, language));
    }

    public Current current() {
        return current.get();
    }
}
