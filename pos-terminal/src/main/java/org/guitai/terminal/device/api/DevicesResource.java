package org.guitai.terminal.device.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jpos.JposException;
import org.guitai.platform.problem.InvalidRequestException;
import org.guitai.terminal.device.service.CounterDevices;
import org.guitai.terminal.device.service.JposDevices;
import org.guitai.terminal.device.service.ReceiptSpooler;
import org.guitai.terminal.device.service.ScanFeed;
import org.guitai.terminal.device.simulator.SimulatorCommands;

/**
 * The counter's devices for the cashier's screen (with the session of a staff member, as every
 * {@code /api/terminal} call): their state, the scanner's labels, a slip printed again; and the
 * simulators' controls, what a person does to a device: paper out and loaded, cover, power, the
 * drawer pushed shut, a label scanned. A control sent to a vendor's device is refused (409).
 */
@Path("terminal/devices")
@ApplicationScoped
@Consumes(APPLICATION_JSON)
@Produces(APPLICATION_JSON)
public class DevicesResource {

    private static final Map<String, Integer> PRINTER_CONTROLS = Map.of(
            "paper-out", SimulatorCommands.PAPER_OUT, "paper-loaded", SimulatorCommands.PAPER_LOADED,
            "cover-open", SimulatorCommands.COVER_OPEN, "cover-closed", SimulatorCommands.COVER_CLOSED,
            "offline", SimulatorCommands.OFFLINE, "online", SimulatorCommands.ONLINE);

    @Inject
    CounterDevices counter;

    @GET
    public List<DeviceView> list() {
        return counter.devices().statuses().stream().map(this::view).toList();
    }

    /** The labels the scanner read after number {@code after} (0: all kept), for the page's scan field. */
    @GET
    @Path("scanner/scans")
    public List<ScanFeed.Scan> scans(@QueryParam("after") @DefaultValue("0") long after) {
        return counter.scans().after(after);
    }

    /** Prints a sale's slip or a return's slip again, as the copy the store gives; the job waits in the printer's queue. */
    @POST
    @Path("printer/reprints")
    public Response reprint(@NotNull @Valid ReprintRequest request, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if ((request.saleId() == null) == (request.returnId() == null)) {
            throw new InvalidRequestException("a reprint names exactly one of saleId (a paid slip) and returnId (a return slip)");
        }
        if (request.saleId() != null) {
            counter.reprintSlip(request.saleId(), authorization);
        } else {
            counter.reprintReturnSlip(request.returnId(), authorization);
        }
        return Response.accepted(view(JposDevices.PRINTER)).build();
    }

    /** Simulated printer: {@code paper-out}, {@code paper-loaded}, {@code cover-open}, {@code cover-closed}, {@code offline}, {@code online}. */
    @POST
    @Path("printer/{control}")
    public DeviceView printer(@PathParam("control") String control) {
        Integer command = PRINTER_CONTROLS.get(control);
        if (command == null) {
            throw new InvalidRequestException("the printer's controls are " + PRINTER_CONTROLS.keySet().stream().sorted().toList() + ", not " + control);
        }
        counter.simulate(JposDevices.PRINTER, command, null);
        return view(JposDevices.PRINTER);
    }

    /** Simulated drawer: the cashier pushes it shut. */
    @POST
    @Path("drawer/close")
    public DeviceView closeDrawer() {
        counter.simulate(JposDevices.DRAWER, SimulatorCommands.CLOSE_DRAWER, null);
        return view(JposDevices.DRAWER);
    }

    /** Simulated scanner: reads a label, which arrives as a data event and then in {@code scanner/scans}. */
    @POST
    @Path("scanner/scan")
    public Response scan(@NotNull @Valid ScanRequest request) {
        counter.simulate(JposDevices.SCANNER, SimulatorCommands.SCAN, request.data());
        return Response.accepted(view(JposDevices.SCANNER)).build();
    }

    private DeviceView view(String logicalName) {
        return counter.devices().statuses().stream().filter(s -> s.logicalName().equals(logicalName)).findFirst().map(this::view).orElseThrow();
    }

    private DeviceView view(JposDevices.Status device) {
        String name = device.logicalName();
        boolean simulated = counter.devices().simulated(name);
        String category = device.category().jposName();
        if (!device.open()) {
            return new DeviceView(name, category, "UNAVAILABLE", device.error().orElse("not open"), simulated, null, null, null, null, null, null,
                    null, null);
        }
        return switch (device.category()) {
            case CASH_DRAWER -> {
                Boolean open = ask(() -> counter.devices().drawerOpened()).orElse(null);
                yield new DeviceView(name, category, "READY", null, simulated, open, null, null, null, null, null, null, null);
            }
            case LINE_DISPLAY -> new DeviceView(name, category, "READY", null, simulated, null, shown(name, SimulatorCommands.SHOWN_LINES)
                    .orElse(null), null, null, null, null, null, null);
            case POS_PRINTER -> {
                // the paper first, the queue second: a receipt on paper may still be waiting in the queue for a moment, never the reverse
                List<String> receipts = shown(name, SimulatorCommands.LAST_RECEIPTS).orElse(List.of());
                List<String> files = shown(name, SimulatorCommands.LAST_FILES).orElse(List.of());
                ReceiptSpooler.Status printing = counter.printing();
                boolean failing = printing.fault().isPresent() && !printing.waiting().isEmpty();
                yield new DeviceView(name, category, failing ? "ERROR" : "READY", failing ? printing.fault().get().slug() : null, simulated, null,
                        null, printing.waiting().size(), printing.waiting(), printing.printed(),
                        receipts.isEmpty() ? null : receipts.get(receipts.size() - 1), files.isEmpty() ? null : files.get(files.size() - 1), null);
            }
            case SCANNER -> new DeviceView(name, category, "READY", null, simulated, null, null, null, null, null, null, null,
                    counter.scans().last());
        };
    }

    private Optional<List<String>> shown(String name, int command) {
        if (!counter.devices().simulated(name)) {
            return Optional.empty();
        }
        return ask(() -> counter.devices().command(name, command, null).stream().map(String::valueOf).toList());
    }

    @FunctionalInterface
    private interface Question<T> {
        T ask() throws JposException;
    }

    private static <T> Optional<T> ask(Question<T> question) {
        try {
            return Optional.ofNullable(question.ask());
        } catch (JposException e) {
            return Optional.empty();
        }
    }
}
