package org.guitai.store.terminal.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** How the store manager settled a refused sale. */
public record ResolveRequest(@NotNull @Pattern(regexp = "(?s)(?=.*\\S).{1,500}", message = "must be 1 to 500 characters") String note) {
}
