package dev.layerstudio.inspect;

import java.io.IOException;

/** Reading a published layer over HTTP failed: the server refused, or sent something else than asked. */
final class RemoteReadException extends IOException {

    RemoteReadException(String message) {
        super(message);
    }
}
