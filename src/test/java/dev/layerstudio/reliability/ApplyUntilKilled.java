package dev.layerstudio.reliability;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.PlanApplier;
import dev.layerstudio.aws.SdkFunctionService;
import dev.layerstudio.model.ApplyListener;
import dev.layerstudio.model.AttachPlan;
import dev.layerstudio.testing.MotoServer;
import java.net.URI;
import java.time.Duration;

/**
 * The process {@link JournalCrashTest} kills: plans the upgrade of every function on a layer
 * to a version and applies it one function at a time, journalling in the data folder of
 * {@code -Dlayerstudio.home}. Arguments: endpoint, layer name, target version.
 */
public final class ApplyUntilKilled {

    private ApplyUntilKilled() {
    }

    public static void main(String[] args) {
        AwsSession session = AwsSession.builder().credentials(MotoServer.credentials()).region(MotoServer.REGION)
                .endpoint(URI.create(args[0])).build();
        SdkFunctionService functions = new SdkFunctionService(session, PlanApplier.Options.defaults()
                .withConcurrency(1).withPolling(Duration.ofMillis(10), 100));
        AttachPlan plan = functions.planUpgrade(args[1], Long.parseLong(args[2]), 0);
        functions.apply(plan, ApplyListener.NONE);
        // reaching here means the test failed to kill the process in time; it says so by exiting 0
        session.close();
    }
}
