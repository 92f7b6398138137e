package org.guitai.store.staff.api;

import java.util.List;
import org.guitai.store.platform.security.Caller;

public record SessionView(String token, StaffView staff, String terminalId) {

    public record StaffView(String code, String name, List<String> roles) {
    }

    static SessionView of(String token, Caller caller) {
        return new SessionView(token,
                new StaffView(caller.staffCode(), caller.name(), caller.roles().stream().map(Enum::name).sorted().toList()),
                caller.terminalId());
    }
}
