package org.guitai.store.delivery.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/** Contact, phone (mainland mobile or landline), address, and the window in the store's local time. */
public record DeliveryRequest(@NotNull UUID id,
                              @NotNull @Pattern(regexp = "(?s)(?=.*\\S).{1,80}", message = "must be 1 to 80 characters") String contact,
                              @NotNull String phone,
                              @NotNull @Pattern(regexp = "(?s)(?=.*\\S).{1,200}", message = "must be 1 to 200 characters") String address,
                              @NotNull @Valid Window window) {

    public record Window(@NotNull @Pattern(regexp = LOCAL_TIME, message = TIME_MESSAGE) String from,
                         @NotNull @Pattern(regexp = LOCAL_TIME, message = TIME_MESSAGE) String to) {
    }

    static final String LOCAL_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?";
    static final String TIME_MESSAGE = "must be a local date and time such as 2026-11-25T09:00";
}
