package org.guitai.store.delivery.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.guitai.store.delivery.domain.DeliveryStatus;

public record StatusRequest(@NotNull DeliveryStatus status,
                            @Pattern(regexp = "(?s).{0,200}", message = "must be at most 200 characters") String note) {
}
