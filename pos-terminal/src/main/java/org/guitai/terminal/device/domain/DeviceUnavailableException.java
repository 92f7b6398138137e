package org.guitai.terminal.device.domain;

import org.guitai.kernel.problem.PosException;

/** A device that is not open, or refused a command (e.g. a simulator's control sent to a real device). */
public class DeviceUnavailableException extends PosException {

    private static final long serialVersionUID = 1L;

    public DeviceUnavailableException(String logicalName, String detail) {
        super("device-unavailable", 409, "Device unavailable", logicalName + ": " + detail);
    }
}
