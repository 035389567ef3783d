package org.m365mcp.sandbox.login;

import java.time.Duration;
import java.util.Objects;

/** A started device code flow: what the device shows its user and how it polls. */
public record DeviceAuthorization(String deviceCode, String userCode, Duration expiresIn, Duration interval) {

    public DeviceAuthorization {
        Objects.requireNonNull(deviceCode, "deviceCode");
        Objects.requireNonNull(userCode, "userCode");
        Objects.requireNonNull(expiresIn, "expiresIn");
        Objects.requireNonNull(interval, "interval");
    }
}
