package dev.layerstudio.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a staged upgrade stands: its waves, which are applied, each one's results and undo.
 * Kept as a file so a later run continues it or rolls back its last wave.
 *
 * @param id          the rollout's name, from account, region, layer and target version
 * @param region      where the functions are
 * @param layerArn    the layer (unversioned ARN)
 * @param selectors   the waves as they were asked for
 * @param toVersion   the version functions move to
 * @param fromVersion only functions on this version (0: any other version)
 * @param started     when the rollout was planned
 * @param updated     when the journal was last written
 * @param waves       in order
 */
public record RolloutJournal(String id, String region, String layerArn, List<String> selectors, long toVersion,
                             long fromVersion,
                             Instant started, Instant updated, List<WaveRecord> waves) {

    public RolloutJournal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(layerArn, "layerArn");
        selectors = selectors == null ? List.of() : List.copyOf(selectors);
        waves = waves == null ? List.of() : List.copyOf(waves);
    }

    /** A new journal for a plan: every wave pending. */
    public static RolloutJournal start(RolloutPlan plan, Instant now) {
        LayerVersionRef t = plan.target();
        return new RolloutJournal(idOf(t), t.region(), t.layerArn(), plan.selectors(), t.version(), plan.fromVersion(),
                now, now,
                plan.waves().stream().map(WaveRecord::pending).toList());
    }

    /** {@code ACCOUNT-REGION-LAYER-vN}: one rollout per layer and target version in an account and region. */
    public static String idOf(LayerVersionRef target) {
        return target.accountId() + "-" + target.region() + "-" + target.name() + "-v" + target.version();
    }

    public LayerVersionRef target() {
        return LayerVersionRef.parse(layerArn).withVersion(toVersion);
    }

    /** The wave to apply next: the first one not applied in full. */
    public Optional<WaveRecord> next() {
        return waves.stream().filter(w -> w.state() != WaveRecord.State.APPLIED).findFirst();
    }

    /** The wave a rollback would undo: the last one whose changes are live. */
    public Optional<WaveRecord> lastApplied() {
        WaveRecord last = null;
        for (WaveRecord w : waves) {
            if (w.applied()) {
                last = w;
            }
        }
        return Optional.ofNullable(last);
    }

    /** Whether every wave is applied in full. */
    public boolean finished() {
        return next().isEmpty();
    }

    /** Whether some wave's changes are live and others are still to come. */
    public boolean underWay() {
        return lastApplied().isPresent() && !finished();
    }

    public WaveRecord wave(int number) {
        return waves.stream().filter(w -> w.number() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Rollout " + id + " has no wave " + number));
    }

    /** The journal with one wave replaced. */
    public RolloutJournal with(WaveRecord wave, Instant now) {
        List<WaveRecord> list = new ArrayList<>(waves);
        list.replaceAll(w -> w.number() == wave.number() ? wave : w);
        return new RolloutJournal(id, region, layerArn, selectors, toVersion, fromVersion, started, now, list);
    }
}
