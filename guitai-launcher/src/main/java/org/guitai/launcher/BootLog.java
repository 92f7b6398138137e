package org.guitai.launcher;

import java.util.Optional;

/**
 * Reads a Payara Micro server's output while it boots and tells whether its application failed to
 * deploy. Payara logs the failure and carries on, "ready" with nothing deployed, so waiting for
 * health alone would wait until the timeout. The reason given is the application's own: a refused
 * setting (its message names the key) or else the root cause of the failure.
 */
final class BootLog {

    /** Payara's line when a deployment fails (a CDI, settings or start-up exception). */
    static final String LOAD_FAILED = "Exception while loading the app";
    private static final String DEPLOYED_LIST = "\"Deployed\": [";
    private static final String SETTINGS = "InvalidSettingsException: ";
    private static final String CAUSE = "Caused by: ";

    private String settingsProblem;
    private String rootCause;
    private boolean failed;
    private boolean inDeployedList;

    synchronized void accept(String line) {
        String text = line.strip();
        if (inDeployedList && !text.isEmpty()) {
            inDeployedList = false;
            // Payara lists what it deployed when it is ready; an empty list is a failed deployment
            failed |= text.startsWith("]");
        }
        if (text.endsWith(DEPLOYED_LIST)) {
            inDeployedList = true;
        }
        if (text.contains(LOAD_FAILED)) {
            failed = true;
        }
        if (failed) {
            return;
        }
        int settings = text.indexOf(SETTINGS);
        if (settings >= 0 && settingsProblem == null) {
            settingsProblem = text.substring(settings + SETTINGS.length());
        }
        if (text.startsWith(CAUSE)) {
            rootCause = text.substring(CAUSE.length());
        }
    }

    /** Why the application did not deploy, once the output says it did not. */
    synchronized Optional<String> failure() {
        if (!failed) {
            return Optional.empty();
        }
        if (settingsProblem != null) {
            return Optional.of(settingsProblem);
        }
        return Optional.of(rootCause != null ? rootCause : "the application failed to deploy");
    }
}
