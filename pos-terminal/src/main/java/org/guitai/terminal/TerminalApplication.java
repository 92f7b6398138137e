package org.guitai.terminal;

import jakarta.ws.rs.ApplicationPath;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.guitai.platform.rest.ApiApplication;

@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "Guitai counter terminal", version = "1",
        description = "The cashier page's own API: which terminal this is, the way through to the store server, the customer "
                + "display, and the counter's devices (JavaPOS printer, drawer, line display and scanner)."))
public class TerminalApplication extends ApiApplication {
}
