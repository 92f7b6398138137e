package org.guitai.terminal.counter.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import org.guitai.kernel.money.AmountInWords;
import org.guitai.platform.problem.InvalidRequestException;
import org.guitai.platform.security.Public;

/**
 * An amount in Chinese uppercase, for the invoice form's preview before the store issues the
 * invoice: the kernel's one implementation, so the page never writes a second one in JavaScript.
 */
@Path("amounts")
@ApplicationScoped
@Produces(APPLICATION_JSON)
@Public
public class AmountsResource {

    public record InWords(String amount, String inWords) {
    }

    @GET
    @Path("in-words")
    public InWords inWords(@QueryParam("amount") String amount) {
        if (amount == null || !amount.matches("-?\\d{1,15}(\\.\\d{1,2})?")) {
            throw new InvalidRequestException("give ?amount= as a decimal with at most two decimals, such as 279.00");
        }
        BigDecimal value = new BigDecimal(amount).setScale(2);
        return new InWords(value.toPlainString(), AmountInWords.of(value));
    }
}
