package org.guitai.terminal.display.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicReference;
import org.guitai.terminal.display.domain.CustomerView;
import org.guitai.terminal.display.domain.DisplayText;

/**
 * The sale this counter's customer is looking at, as the cashier's screen last reported it. Each
 * report gets the next version, so that a display asking "anything after version n?" can tell.
 * It lives in memory: after a restart the display greets, as it would between customers. Each
 * report is announced as a {@link Current} event, so that a line display can show the same.
 */
@ApplicationScoped
public class CustomerDisplay {

    /** What is shown, at which version, in which language. */
    public record Current(long version, CustomerView view, String language) {

        public DisplayText.Shown shown() {
            return DisplayText.of(view, language);
        }
    }

    @Inject
    Event<Current> shown;

    private final AtomicReference<Current> current = new AtomicReference<>(new Current(0, CustomerView.idle(), "zh-CN"));

    public Current show(CustomerView view, String language) {
        Current now = current.updateAndGet(c -> new Current(c.version() + 1, view, language));
        shown.fire(now);
        return now;
    }

    public Current current() {
        return current.get();
    }
}
