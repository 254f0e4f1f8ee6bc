package dev.layerstudio.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many short-lived clients (the organization inventory makes one per account and region) share
 * one timer scheduler: no client starts timer threads of its own, and the timeouts of calls
 * that ended do not pile up waiting for minutes to fire.
 */
@ExtendWith(MotoExtension.class)
class SdkTimersTest {

    @Test
    void clientsOfManySessionsTimeTheirCallsOutOnTheSharedScheduler(MotoServer moto) {
        List<AwsSession> open = new ArrayList<>();
        try (AwsSession session = moto.session()) {
            for (String region : List.of("us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2")) {
                AwsSession regional = session.inRegion(region);
                open.add(regional);
                regional.lambda().listFunctions();
                regional.lambda().listLayers();
                regional.sts().getCallerIdentity();
            }
            // while the clients are open: a client's own scheduler would keep its threads until closed
            assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                    .noneMatch(name -> name.startsWith("sdk-ScheduledExecutor"));
        } finally {
            open.forEach(AwsSession::close);
        }

        ScheduledThreadPoolExecutor timers = (ScheduledThreadPoolExecutor) SdkTimers.shared();
        assertThat(timers.getLargestPoolSize()).as("threads the shared scheduler started").isPositive();
        assertThat(timers.getQueue()).as("timeouts of finished calls still queued").isEmpty();
    }
}
