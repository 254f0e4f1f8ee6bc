package dev.layerstudio.inspect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups the byte ranges an inspection needs into few requests: ranges that touch or lie
 * within {@code gap} bytes of each other become one; then, while there are more groups
 * than connections to send them on, the groups closest together are joined, as long as
 * the bytes fetched in between stay within an allowance (a request more costs a round
 * trip; a few kilobytes more cost almost nothing).
 */
final class RangePlan {

    private RangePlan() {
    }

    /**
     * @param ranges     {@code [start, end)} pairs, in any order, clipped to {@code [0, size)}
     * @param gap        ranges this close are always joined
     * @param maxGroups  how many groups one wave of parallel requests can carry
     * @param allowance  bytes in between that may be fetched to get down to {@code maxGroups}
     */
    static List<long[]> group(List<long[]> ranges, long size, long gap, int maxGroups, long allowance) {
        List<long[]> sorted = ranges.stream().map(r -> new long[] {Math.max(0, r[0]), Math.min(size, r[1])})
                .filter(r -> r[0] < r[1]).sorted(Comparator.comparingLong(r -> r[0])).toList();
        List<long[]> groups = new ArrayList<>();
        for (long[] r : sorted) {
            long[] last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last != null && r[0] <= last[1] + gap) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                groups.add(new long[] {r[0], r[1]});
            }
        }
        if (groups.size() <= maxGroups) {
            return groups;
        }
        // the gaps between neighbours, smallest first: join those while the allowance lasts
        List<Integer> gaps = new ArrayList<>();
        for (int i = 1; i < groups.size(); i++) {
            gaps.add(i);
        }
        gaps.sort(Comparator.comparingLong(i -> groups.get(i)[0] - groups.get(i - 1)[1]));
        boolean[] joinToPrevious = new boolean[groups.size()];
        int count = groups.size();
        long spent = 0;
        for (int i : gaps) {
            long cost = groups.get(i)[0] - groups.get(i - 1)[1];
            if (count <= maxGroups || spent + cost > allowance) {
                break;
            }
            spent += cost;
            joinToPrevious[i] = true;
            count--;
        }
        List<long[]> joined = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            if (joinToPrevious[i]) {
                joined.get(joined.size() - 1)[1] = groups.get(i)[1];
            } else {
                joined.add(groups.get(i));
            }
        }
        return joined;
    }
}
