package org.guitai.kernel.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 9457 problem as every tier writes and reads it: {@code type} is
 * {@code urn:guitai:problem:<slug>}; extension members sit beside the standard ones.
 */
public record Problem(String type, String title, int status, String detail, String instance, Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:guitai:problem:";

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public static Problem of(String slug, int status, String title, String detail, String instance) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, instance, Map.of());
    }

    public static Problem of(PosException e, String instance) {
        return new Problem(TYPE_PREFIX + e.slug(), e.title(), e.status(), e.detail(), instance, e.extensions());
    }

    public Problem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(type, title, status, detail, instance, more);
    }

    /** The JSON object members in their conventional order, ready for a JSON binder. */
    public Map<String, Object> members() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", type);
        members.put("title", title);
        members.put("status", status);
        if (detail != null) {
            members.put("detail", detail);
        }
        if (instance != null) {
            members.put("instance", instance);
        }
        extensions.forEach(members::putIfAbsent);
        return members;
    }
}
