package org.guitai.platform.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The staff member behind a request: their code, name and roles, and the terminal where they
 * logged in (none at HQ). Roles are each server's own enum, kept here by name, so the platform
 * knows no server's staff model. A request a terminal signed has a terminal as its caller: no staff
 * code and no staff role, so every check of a role refuses it unless a call says otherwise.
 */
public record Caller(String staffCode, String name, Set<String> roles, String terminalId) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public static Caller of(String staffCode, String name, Collection<? extends Enum<?>> roles, String terminalId) {
        return new Caller(staffCode, name, roles.stream().map(Enum::name).collect(Collectors.toSet()), terminalId);
    }

    /** The role of a terminal's signed request; no server's staff roles name it. */
    public static final String TERMINAL = "TERMINAL";

    /** The caller of a request the terminal signed with its enrolled key. */
    public static Caller terminal(String terminalId) {
        return new Caller(null, "terminal " + terminalId, Set.of(TERMINAL), terminalId);
    }

    /** Whether a terminal signed the request (there is no staff member behind it). */
    public boolean isTerminal() {
        return staffCode == null && roles.contains(TERMINAL);
    }

    public boolean has(Enum<?> role) {
        return roles.contains(role.name());
    }

    /** @throws ForbiddenException unless the caller has one of the roles */
    public Caller require(String what, Enum<?>... anyOf) {
        if (Arrays.stream(anyOf).noneMatch(this::has)) {
            throw new ForbiddenException(what + " needs the role " + String.join(" or ", Arrays.stream(anyOf).map(Enum::name).toList()));
        }
        return this;
    }
}
