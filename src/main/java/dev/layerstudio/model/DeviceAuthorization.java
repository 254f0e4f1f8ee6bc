package dev.layerstudio.model;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the user needs to approve a device-code sign-in: open {@link #verificationUriComplete}
 * (it carries the code) or open {@link #verificationUri} and type {@link #userCode}.
 *
 * @param expiresAt when the code stops working
 * @param interval  how often the app asks whether it was approved
 */
public record DeviceAuthorization(String userCode, URI verificationUri, URI verificationUriComplete,
        Instant expiresAt, Duration interval) {

    public DeviceAuthorization {
        Objects.requireNonNull(userCode, "userCode");
        Objects.requireNonNull(verificationUri, "verificationUri");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(interval, "interval");
        if (verificationUriComplete == null) {
            verificationUriComplete = verificationUri;
        }
    }
}
