package org.guitai.hq.staff.domain;

public enum HqRole {
    HQ_ANALYST,
    HQ_ADMIN
}
