package dev.layerstudio.aws;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one scheduler every AWS client of the process times its calls out on.
 *
 * <p>Left to itself, each SDK client makes its own scheduler for its call and attempt
 * timeouts, with up to five threads. The organization inventory makes a client per account
 * and region, so reading 180 of them started over a thousand threads only to wait on timers.
 * Shared, the SDK neither owns nor closes it: its threads are daemons and live as long as the
 * process. A timer is cancelled when its call ends, and a cancelled timer leaves the queue at
 * once rather than when it would have fired (calls time out after minutes).
 */
final class SdkTimers {

    private static final ScheduledExecutorService SHARED = create();

    private SdkTimers() {
    }

    static ScheduledExecutorService shared() {
        return SHARED;
    }

    private static ScheduledExecutorService create() {
        AtomicInteger n = new AtomicInteger();
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = new Thread(r, "layer-studio-aws-timer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        timers.setRemoveOnCancelPolicy(true);
        return timers;
    }
}
