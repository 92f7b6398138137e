package org.guitai.store.staff.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.util.List;
import org.guitai.platform.security.CurrentCaller;
import org.guitai.store.staff.service.StaffAdministration;

/** The store's staff, for the manager (target split, filters). */
@Path("staff")
@ApplicationScoped
@Produces(APPLICATION_JSON)
public class StaffListResource {

    public record MemberView(String code, String name, List<String> roles, boolean active) {
    }

    @Inject
    StaffAdministration administration;

    @Inject
    CurrentCaller caller;

    @GET
    public List<MemberView> members() {
        return administration.members(caller.get()).stream()
                .map(m -> new MemberView(m.code(), m.name(), m.roles().stream().map(Enum::name).sorted().toList(), m.isActive())).toList();
    }
}
