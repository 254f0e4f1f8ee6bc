package dev.layerstudio.ui.layer;

import dev.layerstudio.aws.AwsSession;
import java.util.function.Function;

/** Runs work against a version's own region: the connection itself, or the same connection in that region. */
final class RegionSessions {

    private RegionSessions() {
    }

    /** {@code work} on {@code session} when {@code region} is its region (or null), else on a session there, closed after. */
    static <T> T in(AwsSession session, String region, Function<AwsSession, T> work) {
        if (region == null || region.equals(session.region())) {
            return work.apply(session);
        }
        try (AwsSession there = session.inRegion(region)) {
            return work.apply(there);
        }
    }
}
