package org.guitai.store.returns.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Why a return whose goods were not received is cancelled (the customer changed their mind, a wrong line picked...). */
public record CancelReturnRequest(@NotNull @Pattern(regexp = "^(?=[\\s\\S]*\\S)[\\s\\S]{1,200}$", message = "must say why, in 1 to 200 characters")
                                  String reason) {
}
