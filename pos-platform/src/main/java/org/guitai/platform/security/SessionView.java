package org.guitai.platform.security;

import java.util.List;

/** A session as its owner sees it: the token (only when it was just opened), who they are, and where. */
public record SessionView(String token, StaffView staff, String terminalId) {

    public record StaffView(String code, String name, List<String> roles) {
    }

    public static SessionView of(String token, Caller caller) {
        return new SessionView(token, new StaffView(caller.staffCode(), caller.name(), caller.roles().stream().sorted().toList()),
                caller.terminalId());
    }
}
