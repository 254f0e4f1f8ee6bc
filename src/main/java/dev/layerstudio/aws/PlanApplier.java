package dev.layerstudio.aws;

import dev.layerstudio.model.ApplyListener;
import dev.layerstudio.model.ApplyResult;
import dev.layerstudio.model.ApplyResult.Outcome;
import dev.layerstudio.model.AttachPlan;
import dev.layerstudio.model.AttachPlanner;
import dev.layerstudio.model.FunctionInfo;
import dev.layerstudio.model.FunctionPlan;
import dev.layerstudio.model.PlanFlag;
import dev.layerstudio.model.PlanFacts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.waiters.LambdaWaiter;

/**
 * Applies an {@link AttachPlan}: for each function, sends the complete new layer list with
 * the RevisionId it was planned at, then waits (the SDK's function-updated waiter) until
 * Lambda reports the update done.
 *
 * <ul>
 *   <li>412 (the function changed since it was read): re-read it, recompute its entry once
 *       with the same change, send again; if it changes again, report a conflict.</li>
 *   <li>409 (another update in progress): wait for it to finish and send again.</li>
 *   <li>Throttling and server errors: the client's standard or adaptive retries.</li>
 *   <li>Any other failure: the function is read again, since the update may have been made
 *       with its answer lost; the result says which list it is on.</li>
 * </ul>
 * Functions run a few at a time; each gets its own {@link ApplyResult}, in plan order.
 * Interrupting the calling thread lets running updates finish and cancels the rest.
 */
public final class PlanApplier {

    /**
     * Tunables.
     *
     * @param concurrency         functions updated at once
     * @param pollDelay           wait between LastUpdateStatus checks
     * @param maxPolls            LastUpdateStatus checks before giving up on one update
     * @param maxInProgressWaits  how often a 409 (update in progress) is waited out for one function
     */
    public record Options(int concurrency, Duration pollDelay, int maxPolls, int maxInProgressWaits) {
        public static Options defaults() {
            return new Options(4, Duration.ofSeconds(1), 300, 10);
        }

        public Options withConcurrency(int n) {
            return new Options(n, pollDelay, maxPolls, maxInProgressWaits);
        }

        public Options withPolling(Duration delay, int polls) {
            return new Options(concurrency, delay, polls, maxInProgressWaits);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(PlanApplier.class);
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Function<String, LambdaClient> clients;
    private final Options options;
    private final Map<LambdaClient, LambdaWaiter> waiters = new ConcurrentHashMap<>();

    /**
     * @param clients the Lambda client for a region (null region: the default one)
     */
    public PlanApplier(Function<String, LambdaClient> clients, Options options) {
        this.clients = clients;
        this.options = options;
    }

    public List<ApplyResult> apply(AttachPlan plan, ApplyListener listener) {
        List<FunctionPlan> entries = plan.functions();
        if (entries.isEmpty()) {
            return List.of();
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        int threads = Math.max(1, Math.min(options.concurrency(), entries.size()));
        int run = RUNS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "layer-studio-apply-" + run + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<Future<ApplyResult>> futures = new ArrayList<>();
        try {
            for (FunctionPlan entry : entries) {
                futures.add(pool.submit(() -> {
                    if (cancelled.get()) {
                        ApplyResult r = result(entry, Outcome.CANCELLED, null, false, "Cancelled before "
                                + entry.functionName() + " was updated; it keeps its layers.");
                        listener.finished(r);
                        return r;
                    }
                    return applyOne(entry, plan.facts(), listener);
                }));
            }
            List<ApplyResult> results = new ArrayList<>();
            boolean interrupted = false;
            for (int i = 0; i < futures.size(); i++) {
                while (true) {
                    try {
                        results.add(futures.get(i).get());
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                        cancelled.set(true);
                    } catch (ExecutionException e) {
                        LOG.error("Applying to {} failed unexpectedly", entries.get(i).functionName(), e.getCause());
                        results.add(result(entries.get(i), Outcome.FAILED, null, false,
                                "Unexpected failure: " + e.getCause()));
                        break;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    private ApplyResult applyOne(FunctionPlan entry, PlanFacts facts, ApplyListener listener) {
        listener.started(entry);
        ApplyResult result;
        try {
            result = update(entry, facts, listener);
        } catch (RuntimeException e) {
            LOG.warn("Updating {} failed", entry.functionName(), e);
            String error = AwsErrors.translate(e, "update " + entry.functionName()).getMessage();
            if (AwsErrors.findLayerStudioException(e) != null) {
                // the credentials failed: the request was never signed, so nothing was sent
                result = result(entry, Outcome.FAILED, null, false, error + " " + entry.functionName()
                        + " keeps its layers.");
            } else {
                result = afterFailure(entry, error);
            }
        }
        listener.finished(result);
        return result;
    }

    /**
     * A failed update may still have been made (the answer lost on the way back), so the
     * function is read again and the result says which list it is on.
     */
    private ApplyResult afterFailure(FunctionPlan entry, String error) {
        String name = entry.functionName();
        FunctionInfo now;
        try {
            now = LambdaMapping.function(clients.apply(entry.function().region())
                    .getFunctionConfiguration(b -> b.functionName(name)));
        } catch (RuntimeException e) {
            LOG.warn("Could not read {} after its failed update", name, e);
            return result(entry, Outcome.FAILED, null, false, error + " Whether " + name
                    + " has its new layers is not known: it could not be read afterwards; check it before trying"
                    + " again.");
        }
        if (now.layerArns().equals(entry.after()) && !entry.after().equals(entry.before())) {
            return result(entry, Outcome.UPDATED, now, false, "Updated " + name + " (the answer was lost on the way"
                    + " back; reading it again shows the new layers).");
        }
        if (now.layerArns().equals(entry.before())) {
            return result(entry, Outcome.FAILED, now, false, error + " " + name + " keeps its layers.");
        }
        return result(entry, Outcome.FAILED, now, false, error + " " + name + " now has other layers than"
                + " planned or before; it was left as it is.");
    }

    private ApplyResult update(FunctionPlan entry, PlanFacts facts, ApplyListener listener) {
        if (entry.conflict()) {
            return result(entry, Outcome.CONFLICT, entry.function(), false, errors(entry));
        }
        if (!entry.changed()) {
            return result(entry, Outcome.UNCHANGED, entry.function(), false,
                    entry.functionName() + " already has these layers.");
        }
        if (entry.blocked()) {
            return result(entry, Outcome.BLOCKED, entry.function(), false, errors(entry));
        }
        LambdaClient lambda = clients.apply(entry.function().region());
        String name = entry.functionName();
        FunctionPlan current = entry;
        boolean recomputed = false;
        boolean reReadAfterConflict = false;
        int inProgressWaits = 0;
        if (current.function().revisionId() == null) {
            // No RevisionId to guard the update with: read the list again right before sending it,
            // so that a layer added meanwhile is not dropped.
            FunctionInfo fresh = LambdaMapping.function(lambda.getFunctionConfiguration(b -> b.functionName(name)));
            if (!fresh.layerArns().equals(current.before())) {
                current = AttachPlanner.recompute(current, fresh, facts);
                recomputed = true;
                ApplyResult stop = afterRecompute(current);
                if (stop != null) {
                    return stop;
                }
            }
        }
        while (true) {
            try {
                FunctionPlan sending = current;
                UpdateFunctionConfigurationRequest.Builder request = UpdateFunctionConfigurationRequest.builder()
                        .functionName(name).layers(sending.after());
                if (sending.function().revisionId() != null) {
                    request.revisionId(sending.function().revisionId());
                }
                UpdateFunctionConfigurationResponse response = lambda.updateFunctionConfiguration(request.build());
                listener.message(sending, "Waiting for Lambda to finish updating " + name);
                FunctionInfo done = awaitUpdated(lambda, name, LambdaMapping.function(response));
                return finish(sending, done, recomputed);
            } catch (PreconditionFailedException e) {
                if (reReadAfterConflict) {
                    return result(current, Outcome.CONFLICT, null, true, name
                            + " changed again while it was being updated; it was left as it is. Plan again.");
                }
                listener.message(current, name + " changed since it was read; reading it again");
                FunctionInfo fresh = LambdaMapping.function(lambda.getFunctionConfiguration(b -> b.functionName(name)));
                current = AttachPlanner.recompute(current, fresh, facts);
                recomputed = true;
                reReadAfterConflict = true;
                ApplyResult stop = afterRecompute(current);
                if (stop != null) {
                    return stop;
                }
            } catch (ResourceConflictException e) {
                if (++inProgressWaits > options.maxInProgressWaits()) {
                    return result(current, Outcome.FAILED, null, recomputed, name
                            + " is still busy with another update; it keeps its layers. Try again later.");
                }
                listener.message(current, "Another update of " + name + " is in progress; waiting for it");
                FunctionInfo fresh = awaitUpdated(lambda, name, null);
                if (fresh != null && fresh.revisionId() != null
                        && !fresh.revisionId().equals(current.function().revisionId())) {
                    if (reReadAfterConflict) {
                        return result(current, Outcome.CONFLICT, fresh, true, name
                                + " was changed by another update meanwhile; it was left as it is. Plan again.");
                    }
                    current = AttachPlanner.recompute(current, fresh, facts);
                    recomputed = true;
                    reReadAfterConflict = true;
                    ApplyResult stop = afterRecompute(current);
                    if (stop != null) {
                        return stop;
                    }
                }
            }
        }
    }

    private static ApplyResult afterRecompute(FunctionPlan current) {
        if (current.conflict()) {
            return result(current, Outcome.CONFLICT, current.function(), true, errors(current));
        }
        if (!current.changed()) {
            return result(current, Outcome.UNCHANGED, current.function(), true,
                    current.functionName() + " already had the planned layers when read again.");
        }
        if (current.blocked()) {
            return result(current, Outcome.BLOCKED, current.function(), true, errors(current));
        }
        return null;
    }

    private ApplyResult finish(FunctionPlan sent, FunctionInfo done, boolean recomputed) {
        String name = sent.functionName();
        if ("Failed".equals(done.lastUpdateStatus())) {
            return result(sent, Outcome.FAILED, done, recomputed, "Lambda could not finish updating " + name + ".");
        }
        if ("InProgress".equals(done.lastUpdateStatus())) {
            return result(sent, Outcome.FAILED, done, recomputed, "Lambda accepted the new layers of " + name
                    + " but had not finished applying them; check the function.");
        }
        if (!done.layerArns().equals(sent.after())) {
            return result(sent, Outcome.FAILED, done, recomputed, name + " reports other layers than were sent: "
                    + done.layerArns() + ".");
        }
        String how = recomputed ? " (re-planned after it changed meanwhile)" : "";
        return result(sent, Outcome.UPDATED, done, recomputed, "Updated " + name + how + ".");
    }

    /**
     * Waits until LastUpdateStatus is no longer InProgress and returns the function as it then
     * is; falls back to one plain read when the waiter gives up or matches a failure.
     */
    private FunctionInfo awaitUpdated(LambdaClient lambda, String name, FunctionInfo fallback) {
        LambdaWaiter waiter = waiters.computeIfAbsent(lambda, LambdaClient::waiter);
        try {
            WaiterResponse<GetFunctionResponse> r = waiter.waitUntilFunctionUpdatedV2(b -> b.functionName(name),
                    o -> o.backoffStrategyV2(BackoffStrategy.fixedDelay(options.pollDelay()))
                            .maxAttempts(options.maxPolls()));
            if (r.matched().response().isPresent()) {
                return LambdaMapping.function(r.matched().response().get().configuration());
            }
        } catch (RuntimeException e) {
            // a failure state, too many polls, or an error the waiter does not expect
            LOG.info("Waiter for {} ended without success: {}", name, e.getMessage());
        }
        try {
            return LambdaMapping.function(lambda.getFunctionConfiguration(b -> b.functionName(name)));
        } catch (RuntimeException e) {
            LOG.warn("Could not read {} after its update", name, e);
            return fallback;
        }
    }

    private static String errors(FunctionPlan entry) {
        return entry.flags().stream().filter(PlanFlag::blocking).map(PlanFlag::message)
                .collect(Collectors.joining(" "));
    }

    private static ApplyResult result(FunctionPlan entry, Outcome outcome, FunctionInfo current, boolean recomputed,
                                      String message) {
        return new ApplyResult(entry.functionName(), entry.function().region(), outcome, entry.before(),
                entry.after(), current, recomputed, message);
    }
}
