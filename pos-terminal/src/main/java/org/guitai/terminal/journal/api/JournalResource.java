package org.guitai.terminal.journal.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.guitai.platform.problem.InvalidRequestException;
import org.guitai.terminal.journal.domain.JournalChain;
import org.guitai.terminal.journal.service.Journal;

/** The journal of this counter for a day, to read or print, and the check of its whole chain. */
@Path("terminal/journal")
@ApplicationScoped
@Produces(APPLICATION_JSON)
public class JournalResource {

    /** {@code firstBadSeq} and {@code reason}: the first entry that does not hold, when {@code ok} is false. */
    public record VerifyView(long entries, boolean ok, Long firstBadSeq, String reason) {
    }

    @Inject
    Journal journal;

    @GET
    public List<JsonObject> day(@QueryParam("date") String date) {
        return journal.day(date(date));
    }

    /** The day's journal as the printer gets it: one line per entry. */
    @GET
    @Path("print")
    @Produces("text/plain;charset=UTF-8")
    public String print(@QueryParam("date") String date) {
        LocalDate day = date(date);
        StringBuilder text = new StringBuilder("电子日志 Journal " + day + "\n");
        for (JsonObject entry : journal.day(day)) {
            text.append(String.format("%06d %s %-8s", entry.getJsonNumber("seq").longValue(), entry.getString("at"), entry.getString("type")));
            for (String field : List.of("saleId", "slipCode", "cashierCode", "total", "tender", "amount", "reason")) {
                if (entry.containsKey(field) && entry.get(field).getValueType() == jakarta.json.JsonValue.ValueType.STRING) {
                    text.append(' ').append(field).append('=').append(entry.getString(field));
                }
            }
            text.append('\n');
        }
        return text.toString();
    }

    @GET
    @Path("verify")
    public VerifyView verify() {
        JournalChain.Verdict verdict = journal.verify();
        return new VerifyView(verdict.entries(), verdict.ok(), verdict.firstBadSeq().orElse(null), verdict.reason().orElse(null));
    }

    private LocalDate date(String date) {
        if (date == null || date.isBlank()) {
            return LocalDate.now(journal.zone());
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("date must be YYYY-MM-DD, not '" + date + "'");
        }
    }
}
