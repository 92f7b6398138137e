package org.guitai.hq.staff.api;

import java.util.List;
import org.guitai.hq.platform.security.Caller;

public record SessionView(String token, StaffView staff) {

    public record StaffView(String code, String name, List<String> roles) {
    }

    static SessionView of(String token, Caller caller) {
        return new SessionView(token, new StaffView(caller.staffCode(), caller.name(), caller.roles().stream().map(Enum::name).sorted().toList()));
    }
}
