package org.guitai.store.terminal.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** A terminal's whole list of the sales the store refused that it keeps. */
public record RefusedReport(@NotNull @Valid List<@NotNull @Valid RefusedSaleReport> refused) {
}
