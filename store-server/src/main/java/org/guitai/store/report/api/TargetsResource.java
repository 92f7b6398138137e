package org.guitai.store.report.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guitai.platform.problem.InvalidRequestException;
import org.guitai.platform.security.CurrentCaller;
import org.guitai.store.platform.config.StoreSettings;
import org.guitai.store.report.domain.TargetBoard;
import org.guitai.store.report.service.Targets;

/** The monthly target, its split across staff (目标分解) and the target board (目标公示) the terminals show. */
@Path("targets")
@ApplicationScoped
@Consumes(APPLICATION_JSON)
@Produces(APPLICATION_JSON)
public class TargetsResource {

    private static final String MONEY = "^\\d{1,15}(\\.\\d{1,2})?$";

    public record TargetRequest(@NotNull @Pattern(regexp = MONEY, message = "must be an amount such as 300000.00") String amount) {
    }

    public record ShareRequest(@NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,16}", message = "must be a staff code") String staffCode,
                               @NotNull @Pattern(regexp = MONEY, message = "must be an amount such as 100000.00") String amount) {
    }

    public record SplitRequest(@NotNull List<@NotNull @Valid ShareRequest> shares) {
    }

    public record BoardView(String month, String currency, String amount, String sales, String attainment, List<ShareView> staff) {

        static BoardView of(TargetBoard b) {
            return new BoardView(b.month().toString(), b.currency(), b.amount().map(ReportView::money).orElse(null), ReportView.money(b.sales()),
                    b.attainment().map(BigDecimal::toPlainString).orElse(null),
                    b.staff().stream().map(s -> new ShareView(s.staffCode(), s.name(), s.target().map(ReportView::money).orElse(null),
                            ReportView.money(s.sales()), s.attainment().map(BigDecimal::toPlainString).orElse(null))).toList());
        }
    }

    public record ShareView(String staffCode, String name, String target, String sales, String attainment) {
    }

    @Inject
    Targets targets;

    @Inject
    CurrentCaller caller;

    @Inject
    StoreSettings settings;

    /** 目标公示: this month's board, for every staff member (the terminals show it). */
    @GET
    @Path("board")
    public BoardView board() {
        return BoardView.of(targets.board(YearMonth.from(LocalDate.now(settings.zone())), caller.get()));
    }

    @GET
    @Path("{month}")
    public BoardView get(@PathParam("month") String month) {
        return BoardView.of(targets.board(ReportsResource.month(month), caller.get()));
    }

    @PUT
    @Path("{month}")
    public BoardView set(@PathParam("month") String month, @NotNull @Valid TargetRequest request) {
        return BoardView.of(targets.set(ReportsResource.month(month), new BigDecimal(request.amount()), caller.get()));
    }

    @PUT
    @Path("{month}/split")
    public BoardView split(@PathParam("month") String month, @NotNull @Valid SplitRequest request) {
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        for (ShareRequest share : request.shares()) {
            if (shares.put(share.staffCode(), new BigDecimal(share.amount())) != null) {
                throw new InvalidRequestException(share.staffCode() + " has two shares: give each staff member one");
            }
        }
        return BoardView.of(targets.split(ReportsResource.month(month), shares, caller.get()));
    }
}
